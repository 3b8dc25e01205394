"""What debugging and monitoring code looks at: channel callbacks tracing every action,
tasklet.frame and its f_back chain, traceback.extract_stack of another tasklet, the run
queue through next/prev, tempval, schedule_all and send_sequence, nesting levels,
get_thread_info, BaseExceptions leaving a tasklet, set_error_handler."""
import sys
import traceback
import stackless


def show(*a):
    print(*a)


def channel_callbacks():
    show("== channel callback")
    names = {}
    events = []

    def cb(ch, t, sending, willblock):
        events.append((names.get(ch, "?"), names.get(t, "main" if t.is_main else "?"),
                       bool(sending), bool(willblock)))
    ch = stackless.channel()
    names[ch] = "ch"

    def rx():
        for i in range(2):
            ch.receive()
    names[stackless.tasklet(rx)()] = "rx"
    old = stackless.get_channel_callback()
    stackless.set_channel_callback(cb)
    ch.send(1)
    stackless.schedule()
    ch.send(2)
    stackless.set_channel_callback(old)
    for e in events:
        show(e)
    show("callback restored:", stackless.get_channel_callback() is old)


def frames():
    show("== frames")
    ch = stackless.channel()

    def level3():
        local_var = "deep"
        ch.receive()
        return local_var

    def level2():
        return level3()

    def level1():
        return level2()
    t = stackless.tasklet(level1)()
    stackless.schedule()
    f = t.frame
    chain = []
    while f is not None and f.f_code.co_filename == __file__:
        chain.append((f.f_code.co_name, sorted(k for k in f.f_locals)))
        f = f.f_back
    show("frame chain:", chain)
    show("stack:", [entry[2] for entry in traceback.extract_stack(t.frame)][-3:])
    show("main frame of main is current frame:", stackless.main.frame is sys._getframe()
         or stackless.main.frame)
    show("nesting levels", t.nesting_level, stackless.current.nesting_level)
    show("recursion depth of blocked:", t.recursion_depth)
    ch.send(None)
    show("dead tasklet frame:", t.frame)


def queue_walk():
    show("== run queue")
    ts = [stackless.tasklet(lambda: None)() for i in range(3)]
    names = {stackless.main: "main"}
    for i, t in enumerate(ts):
        names[t] = "t%d" % i
    walk = []
    t = stackless.main
    for i in range(5):
        walk.append(names.get(t, repr(t)))
        t = t.next
    show("forward:", walk)
    back = []
    t = stackless.main
    for i in range(5):
        back.append(names.get(t, repr(t)))
        t = t.prev
    show("backward:", back)
    ts[1].remove()
    show("after remove t1:", [names[x] for x in (stackless.main.next, stackless.main.next.next)])
    show("t1 next/prev:", ts[1].next, ts[1].prev)
    stackless.run()
    ts[1].kill()


def tempval_and_sequences():
    show("== tempval, schedule_all, send_sequence")
    def sched(v):
        r = stackless.schedule(v)
        show("schedule returned", r)
    t = stackless.tasklet(sched)("mine")
    stackless.run()
    t2 = stackless.tasklet(lambda: show("tempval", stackless.current.tempval))
    t2.bind(lambda: show("bound"), ())
    t2.tempval = 42
    show("t2.tempval", t2.tempval)
    t2.insert()
    stackless.run()
    ch = stackless.channel()
    ch.schedule_all = True
    seq = []
    def rx():
        for v in ch:
            seq.append(v)
            if v == "end":
                break
    stackless.tasklet(rx)()
    n = ch.send_sequence(["a", "b", "c", "end"])
    show("send_sequence returned", n, "received", seq, "schedule_all", ch.schedule_all)
    # receive() returns what send gave; tempval is that value after a receive
    def sender():
        ch.send({"k": 1})
    stackless.tasklet(sender)()
    got = ch.receive()
    show("received", got)


def base_exceptions():
    show("== BaseExceptions leaving tasklets")
    # (not shown: sys.exit() in a tasklet. Stackless 3.7.5 ends the process at once with that
    # code, running atexit; StacklessIron raises the SystemExit in main like other errors.)
    def interrupt():
        raise KeyboardInterrupt()
    t = stackless.tasklet(interrupt)()
    try:
        stackless.run()
    except KeyboardInterrupt:
        show("KeyboardInterrupt reached main; tasklet alive", t.alive)
    def taskletexit():
        raise TaskletExit("quiet")
    stackless.tasklet(taskletexit)()
    stackless.run()
    show("TaskletExit is silent; TaskletExit is SystemExit subclass:",
         issubclass(TaskletExit, SystemExit), TaskletExit.__module__)
    try:
        import builtins
        show("builtins has TaskletExit:", builtins.TaskletExit is TaskletExit)
    except AttributeError as e:
        show(e)


def error_handler():
    show("== set_error_handler")
    seen = []
    def handler(typ, val, tb):
        seen.append((typ.__name__, str(val), stackless.current is not stackless.main))
        if isinstance(val, KeyError):
            raise RuntimeError("handler re-raised")
    old = stackless.set_error_handler(handler)
    def fails(e):
        raise e
    stackless.tasklet(fails)(ValueError("one"))
    stackless.run()
    stackless.tasklet(fails)(KeyError("two"))
    try:
        stackless.run()
    except RuntimeError as e:
        show("main got", e)
    show("handler saw", seen, "old handler", old)
    stackless.set_error_handler(old)


def thread_info():
    show("== thread info")
    import _thread
    info = stackless.get_thread_info(_thread.get_ident())
    show("main, current, runcount:", info[0] is stackless.main, info[1] is stackless.current,
         info[2])
    show("getcurrentid is thread id:", stackless.getcurrentid() == _thread.get_ident())
    try:
        stackless.get_thread_info(max(stackless.threads) + 1000)
    except RuntimeError as e:
        show("bad id:", e)


channel_callbacks()
frames()
queue_walk()
tempval_and_sequences()
base_exceptions()
error_handler()
thread_info()
show("runcount", stackless.getruncount())
