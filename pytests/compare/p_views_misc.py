# Dict view set operations, reversed dicts, int() base 0, str misc methods.
a = {"x": 1, "y": 2, "z": 3}
b = {"y": 0, "w": 9}
print(sorted(a.keys() & b.keys()), sorted(a.keys() | b), sorted(a.keys() - b.keys()), sorted(a.keys() ^ b.keys()))
print(a.keys() == {"z", "y", "x"}, sorted(a.items() & {("x", 1), ("y", 5)}), list(reversed(a.items())))
print(int("0b101", 0), int("0o17", 0), int("0x1F", 0), int("42", 0), int("-0b11", 0))
print("{name} is {age}".format_map({"name": "Al", "age": 3}), "abc".isidentifier(), "1a".isidentifier())
print("a\nb\r\nc".splitlines(keepends=True), "  a  b  ".split(None, 1), "a,b,c".rsplit(",", 1))
print("hello"[1:-1], "hello".startswith("ell", 1), "hello".endswith("ll", 0, 4), "x".join(""), "ab".count(""))
print(str.upper("q"), "Hello World".istitle(), "ABC".isupper(), "abc".find("c", -1), "aaa".replace("a", "b", 0))
print(list(a.values())[::-1], len(a.items()), ("x", 1) in a.items(), 2 in a.values())
m = {"k": [1]}
m2 = dict(m)
m2["k"].append(2)
print(m, m2 is m, m2["k"] is m["k"])
print({1: "a", 2: "b"}.keys().isdisjoint({3}), dict(sorted({"b": 1, "a": 2}.items())))
od = {}
for k in "hello world":
    od[k] = od.get(k, 0) + 1
del od[" "]
print(list(od.items()))
print(", ".join("%s=%d" % kv for kv in od.items() if kv[1] > 1))
print(tuple(reversed((1, 2, 3))), list(reversed("abc")), list(reversed(range(0, 10, 3))))
