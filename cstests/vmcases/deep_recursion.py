import sys
sys.setrecursionlimit(200000)
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1
print(down(100000))
def gen_chain(n):
    if n == 0:
        yield 0
        return
    yield from gen_chain(n - 1)
print(list(gen_chain(500)))
