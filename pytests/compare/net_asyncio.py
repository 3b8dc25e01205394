# asyncio on the epoll selector: TCP echo server and clients with streams, sleep and gather,
# wait_for's timeout, run_in_executor (a thread), subprocess_exec with pipes, and a signal
# handler (add_signal_handler: set_wakeup_fd wakes the loop).
import asyncio, os, signal, sys, time

async def handle(reader, writer):
    while data := await reader.readline():
        writer.write(data.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def client(port, i):
    r, w = await asyncio.open_connection('127.0.0.1', port)
    out = []
    for j in range(3):
        w.write(f"hello {i} {j}\n".encode())
        await w.drain()
        out.append((await r.readline()).decode().strip())
    w.close()
    await w.wait_closed()
    return out

async def main():
    loop = asyncio.get_running_loop()
    print(type(loop._selector).__name__)
    srv = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = srv.sockets[0].getsockname()[1]
    res = await asyncio.gather(*(client(port, i) for i in range(50)))
    print(res[0], res[49], len(res))
    srv.close()
    await srv.wait_closed()

    t0 = time.monotonic()
    await asyncio.gather(*(asyncio.sleep(0.1) for _ in range(200)))
    print("200 sleeps of 0.1 s together", time.monotonic() - t0 < 2)
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.1)
    except asyncio.TimeoutError:
        print("wait_for timed out")

    print("executor", await loop.run_in_executor(None, sum, [1, 2, 3]))

    p = await asyncio.create_subprocess_exec(sys.executable, '-c', 'import sys; print(sys.stdin.read().upper())',
                                             stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, _ = await p.communicate(b"abc")
    print("subprocess", out, p.returncode)
    p = await asyncio.create_subprocess_exec(sys.executable, '-c', 'import sys; sys.exit(3)')
    print("exit code", await p.wait())

    got = asyncio.Event()
    loop.add_signal_handler(signal.SIGUSR1, got.set)
    loop.call_later(0.05, os.kill, os.getpid(), signal.SIGUSR1)
    await asyncio.wait_for(got.wait(), 10)
    print("signal handler ran")
    loop.remove_signal_handler(signal.SIGUSR1)

asyncio.run(main())
