# print() options and sys basics.
import sys
print("a", "b", "c", sep="-", end="!\n")
print("no newline", end="")
print(" continued")
print()
print(*range(5), sep=", ")
print("to stdout", file=sys.stdout)
sys.stdout.write("written %d\n" % 42)
print(sys.maxsize == 2 ** 63 - 1, type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("p_print_sys.py"))
print(sys.version_info[0], sys.version_info[:2] >= (3, 11), isinstance(sys.path, list))
print("x", 1, None, True, 2.5, [1, "a"], (1,), {"k": "v"}, sep="|")
print("tab\there", "quote'\"", repr("a\nb"), "uni\u00e9")
print("", sep="x")
print("end", "with", "sep", sep="", end="\n\n")
rows = [["name", "qty"], ["apple", "3"], ["kiwi", "12"]]
w = max(len(r[0]) for r in rows)
for r in rows:
    print(r[0].ljust(w), r[1].rjust(4), sep=" | ")
print(sys.getrecursionlimit() > 100)
