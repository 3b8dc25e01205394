# code.replace(): types.coroutine marks a generator function's code as an iterable coroutine
# through it (asyncio.tasks does that while importing), and tools rename code objects.
import types


def f(a, b=2):
    return a + b


c = f.__code__.replace(co_name="g", co_qualname="G.g", co_firstlineno=99)
print(c.co_name, c.co_qualname, c.co_firstlineno, c.co_filename == f.__code__.co_filename)
print(c is not f.__code__, f.__code__.co_name, f.__code__.replace() == f.__code__)
f.__code__ = c
print(f(1), f.__code__.co_name)
for bad in ({"co_name": 1}, {"co_firstlineno": "x"}, {"no_such_field": 1}):
    try:
        f.__code__.replace(**bad)
    except TypeError as e:
        print("TypeError:", e)


@types.coroutine
def sleep0():
    yield


print(bool(sleep0.__code__.co_flags & 0x100))


async def main():
    await sleep0()
    await sleep0()
    return "done"


coro = main()
try:
    while True:
        coro.send(None)
except StopIteration as e:
    print(e.value)

import asyncio
print(asyncio.run(main()))
