# asyncio on the engine: the event loop over selectors/_socket (its self-pipe is a
# socketpair), timers, gather, queues, and a TCP echo server with streams on the loopback;
# code.replace as types.coroutine uses it.
import asyncio, types

def f(): pass
c = f.__code__.replace(co_name="g", co_flags=f.__code__.co_flags | 0x100)
print(c.co_name, c.co_flags & 0x100, f.__code__.co_name, c is not f.__code__)
try:
    f.__code__.replace(co_bogus=1)
except TypeError as e:
    print("TypeError", e)

async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def client(port, words):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for w in words:
        writer.write(w.encode() + b"\n")
        await writer.drain()
        replies.append((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    return replies

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    results = await asyncio.gather(client(port, ["alpha", "beta"]), client(port, ["gamma"]))
    server.close()
    await server.wait_closed()
    q = asyncio.Queue()
    async def producer():
        for i in range(3):
            await asyncio.sleep(0.001)
            await q.put(i)
        await q.put(None)
    async def consumer():
        got = []
        while (item := await q.get()) is not None:
            got.append(item)
        return got
    _, got = await asyncio.gather(producer(), consumer())
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        timed_out = True
    return results, got, timed_out

print(asyncio.run(main()))
