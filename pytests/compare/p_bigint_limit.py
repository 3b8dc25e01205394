# Big integers: exact arithmetic and the 4300-digit str() limit of CPython 3.11.
n = 3 ** 10000
print(len(str(3 ** 2000)), str(7 ** 300)[:20], (7 ** 300) % 1000007)
try:
    s = str(n)
    print("converted", len(s))
except ValueError as e:
    print("VE", e)
print(n % 97, hex(2 ** 200)[:12])
