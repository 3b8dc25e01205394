# A generator-based tokenizer for a tiny language plus an interpreter for assignments, if and while.
KEYWORDS = {"let", "print", "while", "do", "end", "if", "then"}
def tokens(src):
    i = 0
    while i < len(src):
        c = src[i]
        if c in " \t\n":
            i += 1
            continue
        if c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit(): j += 1
            yield ("NUM", int(src[i:j])); i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum(): j += 1
            w = src[i:j]
            yield ("KW" if w in KEYWORDS else "ID", w); i = j
        elif src.startswith(("==", "!=", "<=", ">="), i):
            yield ("OP", src[i:i + 2]); i += 2
        elif c in "+-*/<>=;()%":
            yield ("OP", c); i += 1
        else:
            raise SyntaxError("bad character %r" % c)
    yield ("EOF", None)
class Interp:
    def __init__(self, src):
        self.toks = list(tokens(src)); self.p = 0; self.vars = {}; self.out = []
    def peek(self): return self.toks[self.p]
    def eat(self, val=None):
        t = self.toks[self.p]
        if val is not None and t[1] != val:
            raise SyntaxError("expected %s, got %s" % (val, t[1]))
        self.p += 1; return t
    def block(self, stops):
        stmts = []
        while self.peek()[1] not in stops and self.peek()[0] != "EOF":
            stmts.append(self.stmt())
        return stmts
    def stmt(self):
        t = self.eat()
        if t[1] == "let":
            name = self.eat()[1]; self.eat("="); e = self.expr(); self.eat(";")
            return ("let", name, e)
        if t[1] == "print":
            e = self.expr(); self.eat(";"); return ("print", e)
        if t[1] == "while":
            c = self.expr(); self.eat("do"); body = self.block({"end"}); self.eat("end"); return ("while", c, body)
        if t[1] == "if":
            c = self.expr(); self.eat("then"); body = self.block({"end"}); self.eat("end"); return ("if", c, body)
        raise SyntaxError("unexpected %r" % (t[1],))
    def expr(self):
        l = self.arith()
        while self.peek()[1] in ("<", ">", "==", "!=", "<=", ">="):
            op = self.eat()[1]; l = ("bin", op, l, self.arith())
        return l
    def arith(self):
        l = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.eat()[1]; l = ("bin", op, l, self.term())
        return l
    def term(self):
        l = self.atom()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.eat()[1]; l = ("bin", op, l, self.atom())
        return l
    def atom(self):
        t = self.eat()
        if t[0] == "NUM": return ("num", t[1])
        if t[0] == "ID": return ("var", t[1])
        if t[1] == "(":
            e = self.expr(); self.eat(")"); return e
        raise SyntaxError("bad atom %r" % (t[1],))
    OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a // b,
           "%": lambda a, b: a % b, "<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b),
           "==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b), "<=": lambda a, b: int(a <= b), ">=": lambda a, b: int(a >= b)}
    def ev(self, e):
        k = e[0]
        if k == "num": return e[1]
        if k == "var": return self.vars[e[1]]
        return Interp.OPS[e[1]](self.ev(e[2]), self.ev(e[3]))
    def run(self, stmts):
        for s in stmts:
            if s[0] == "let": self.vars[s[1]] = self.ev(s[2])
            elif s[0] == "print": self.out.append(self.ev(s[1]))
            elif s[0] == "while":
                while self.ev(s[1]): self.run(s[2])
            elif s[0] == "if":
                if self.ev(s[1]): self.run(s[2])
    def execute(self):
        self.run(self.block(set())); return self.out
prog = """
let n = 1; let total = 0;
while n <= 10 do
  if n % 2 == 0 then let total = total + n * n; end
  let n = n + 1;
end
print total; print n;
let a = 0; let b = 1; let i = 0;
while i < 30 do let t = a + b; let a = b; let b = t; let i = i + 1; end
print a;
"""
print(list(tokens("let x = 10;"))[:5])
print(Interp(prog).execute())
for bad in ["let = 5;", "print 1 + ;", "let x = 1 $ 2;", "while 1 do print 1;"]:
    try:
        print(Interp(bad).execute())
    except SyntaxError as e:
        print("SyntaxError:", e)
    except KeyError as e:
        print("KeyError:", e)
