"""Per-request state in a tasklet server: a request id kept per tasklet in a dict keyed by
the tasklet (what 3.7.5 code does: tasklets share the thread's contextvars context),
contextvars.copy_context().run() giving one handler an isolated context, decimal contexts
set inside a handler, a per-tasklet line tracer through tasklet.trace_function and
sys.settrace, a call profiler through tasklet.profile_function, block_trap guarding a
tasklet that must never block, and set_atomic's return values."""
import contextvars
import decimal
import sys

import stackless

request_id = contextvars.ContextVar("request_id", default=None)
per_tasklet = {}


def current_request():
    return per_tasklet.get(stackless.getcurrent())


def log(msg):
    print("[%s] %s" % (current_request(), msg))


def handler(rid, inbox):
    per_tasklet[stackless.getcurrent()] = rid
    log("start")
    v = inbox.receive()
    log("got %r" % (v,))
    stackless.schedule()
    log("done")
    del per_tasklet[stackless.getcurrent()]


def per_tasklet_state():
    print("== per-tasklet request ids")
    inbox = stackless.channel()
    for rid in ("r1", "r2", "r3"):
        stackless.tasklet(handler)(rid, inbox)
    stackless.run()
    inbox.send_sequence(["a", "b", "c"])
    stackless.run()
    print("left:", per_tasklet)


def contextvars_shared():
    print("== contextvars")
    seen = []

    def setter(v):
        request_id.set(v)
        stackless.schedule()
        seen.append(("setter", v, request_id.get()))

    def isolated(v):
        def body():
            request_id.set(v)
            stackless.schedule()
            return request_id.get()
        seen.append(("isolated", v, contextvars.copy_context().run(body)))

    stackless.tasklet(setter)("s1")
    stackless.tasklet(isolated)("i1")
    stackless.tasklet(setter)("s2")
    stackless.run()
    for s in seen:
        print(s)
    print("main sees", request_id.get())
    ctx = contextvars.copy_context()
    print("copied context has request_id:", request_id in ctx, ctx.get(request_id))


def decimals():
    print("== decimal contexts")
    D = decimal.Decimal
    out = []

    def price(name, prec):
        with decimal.localcontext() as c:
            c.prec = prec
            x = D(1) / D(7)
            stackless.schedule()
            out.append((name, str(x), str(D(2) / D(3))))

    stackless.tasklet(price)("p3", 3)
    stackless.tasklet(price)("p8", 8)
    stackless.run()
    for o in out:
        print(o)
    print("main precision", decimal.getcontext().prec)


def tracers():
    print("== trace_function / profile_function")
    lines = []
    calls = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name == "traced_work":
            lines.append((event, frame.f_lineno - traced_work.__code__.co_firstlineno))
        return tracer

    def profiler(frame, event, arg):
        if event in ("call", "return") and frame.f_code.co_name in ("helper", "traced_work"):
            calls.append((event, frame.f_code.co_name))

    def helper(x):
        return x * 2

    def traced_work(n):
        total = 0
        for i in range(n):
            total += helper(i)
            stackless.schedule()
        return total

    def untraced():
        for i in range(3):
            traced_work(1)

    def start_traced(n):
        sys.settrace(tracer)
        try:
            return traced_work(n)
        finally:
            sys.settrace(None)

    a = stackless.tasklet(start_traced)(2)
    b = stackless.tasklet(untraced)()
    p = stackless.tasklet(traced_work)(2)
    p.profile_function = profiler
    print("profile set:", p.profile_function is profiler, "trace none:", p.trace_function)
    stackless.run()
    print("lines:", lines)
    print("calls:", calls)
    print("main trace:", sys.gettrace())


def traps():
    print("== block_trap and atomic")
    ch = stackless.channel()

    def careful():
        t = stackless.getcurrent()
        t.block_trap = True
        try:
            ch.receive()
        except RuntimeError as e:
            print("careful:", e)
        t.block_trap = False

    stackless.tasklet(careful)()
    stackless.run()
    # a trapped tasklet can still be the one that is unblocked
    def sender():
        ch.send("x")
    t = stackless.tasklet(sender)()
    stackless.run()
    t.block_trap = True
    try:
        ch.receive()
        print("receive from a trapped sender ok")
    except RuntimeError as e:
        print("receive:", e)
    stackless.run()
    cur = stackless.getcurrent()
    print("set_atomic returns", cur.set_atomic(True), cur.set_atomic(True), cur.set_atomic(False),
          cur.atomic)
    with stackless.atomic():
        print("in atomic", cur.atomic)
        with stackless.atomic():
            print("nested", cur.atomic)
        print("still", cur.atomic)
    print("after", cur.atomic)
    main = stackless.getmain()
    main.block_trap = True
    try:
        ch.receive()
    except RuntimeError as e:
        print("main trapped:", e)
    main.block_trap = False


per_tasklet_state()
contextvars_shared()
decimals()
tracers()
traps()
