async def inner(x):
    return x * 2
async def outer():
    total = 0
    for i in range(3):
        total += await inner(i)
    return total
def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
print(run(outer()))
async def agen(n):
    for i in range(n):
        yield i
async def consume():
    out = []
    async for v in agen(4):
        out.append(v)
    return out
print(run(consume()))
class AwaitMe:
    def __await__(self):
        v = yield "suspended"
        return v
async def waits():
    return await AwaitMe()
c = waits()
print(c.send(None))
try:
    c.send("resumed")
except StopIteration as e:
    print(e.value)
