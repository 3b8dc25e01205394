# eval/exec, globals/locals, getattr-based dispatch.
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("[i for i in range(3)]"))
ns = {}
exec("def sq(n):\n    return n * n\nresult = sq(12)", ns)
print(ns["result"], ns["sq"](3))
code = compile("a + b", "<expr>", "eval")
print(eval(code, {"a": 1, "b": 2}))
g = {"total": 0}
exec("for i in range(5):\n    total += i", g)
print(g["total"])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError")
class Cmd:
    def do_add(self, a, b): return a + b
    def do_neg(self, a): return -a
    def run(self, line):
        name, *args = line.split()
        fn = getattr(self, "do_" + name, None)
        if fn is None:
            return "unknown " + name
        return fn(*map(int, args))
c = Cmd()
for line in ["add 2 3", "neg 4", "mul 2 2"]:
    print(line, "->", c.run(line))
print(sorted(k for k in vars(Cmd) if k.startswith("do_")))
def f():
    local_var = 5
    return sorted(locals())
print(f(), "f" in globals())
