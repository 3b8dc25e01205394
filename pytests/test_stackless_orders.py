# Channel preference orders with the sender and/or the receiver blocking under a native
# call (map over a Python function: hard switching) or not, either started first: 24 runs.
# EXPECTED is what Stackless 3.7.5 prints for the same runs.
import stackless
def run(pref, nested_sender, nested_receiver, sender_first):
    log = []
    ch = stackless.channel()
    ch.preference = pref
    def receiver():
        if nested_receiver:
            list(map(lambda i: log.append(("got", ch.receive())), range(2)))
        else:
            for i in range(2): log.append(("got", ch.receive()))
        log.append("r done")
    def sender():
        def one(i):
            ch.send(i)
            log.append(("sent", i))
        if nested_sender:
            list(map(one, range(2)))
        else:
            for i in range(2): one(i)
        log.append("s done")
    if sender_first:
        stackless.tasklet(sender)(); stackless.tasklet(receiver)()
    else:
        stackless.tasklet(receiver)(); stackless.tasklet(sender)()
    stackless.run()
    return log

EXPECTED = """
-1 0 0 0 [('got', 0), ('sent', 0), ('got', 1), 'r done', ('sent', 1), 's done']
-1 0 0 1 [('got', 0), ('sent', 0), ('got', 1), 'r done', ('sent', 1), 's done']
-1 0 1 0 [('got', 0), ('sent', 0), ('got', 1), 'r done', ('sent', 1), 's done']
-1 0 1 1 [('got', 0), ('sent', 0), ('got', 1), 'r done', ('sent', 1), 's done']
-1 1 0 0 [('got', 0), ('sent', 0), ('got', 1), 'r done', ('sent', 1), 's done']
-1 1 0 1 [('got', 0), ('sent', 0), ('got', 1), 'r done', ('sent', 1), 's done']
-1 1 1 0 [('got', 0), ('sent', 0), ('got', 1), 'r done', ('sent', 1), 's done']
-1 1 1 1 [('got', 0), ('sent', 0), ('got', 1), 'r done', ('sent', 1), 's done']
0 0 0 0 [('sent', 0), ('got', 0), ('got', 1), 'r done', ('sent', 1), 's done']
0 0 0 1 [('got', 0), ('sent', 0), ('sent', 1), 's done', ('got', 1), 'r done']
0 0 1 0 [('sent', 0), ('got', 0), ('got', 1), 'r done', ('sent', 1), 's done']
0 0 1 1 [('got', 0), ('sent', 0), ('sent', 1), 's done', ('got', 1), 'r done']
0 1 0 0 [('sent', 0), ('got', 0), ('got', 1), 'r done', ('sent', 1), 's done']
0 1 0 1 [('got', 0), ('sent', 0), ('sent', 1), 's done', ('got', 1), 'r done']
0 1 1 0 [('sent', 0), ('got', 0), ('got', 1), 'r done', ('sent', 1), 's done']
0 1 1 1 [('got', 0), ('sent', 0), ('sent', 1), 's done', ('got', 1), 'r done']
1 0 0 0 [('sent', 0), ('got', 0), ('sent', 1), 's done', ('got', 1), 'r done']
1 0 0 1 [('sent', 0), ('got', 0), ('sent', 1), 's done', ('got', 1), 'r done']
1 0 1 0 [('sent', 0), ('got', 0), ('sent', 1), 's done', ('got', 1), 'r done']
1 0 1 1 [('sent', 0), ('got', 0), ('sent', 1), 's done', ('got', 1), 'r done']
1 1 0 0 [('sent', 0), ('got', 0), ('sent', 1), 's done', ('got', 1), 'r done']
1 1 0 1 [('sent', 0), ('got', 0), ('sent', 1), 's done', ('got', 1), 'r done']
1 1 1 0 [('sent', 0), ('got', 0), ('sent', 1), 's done', ('got', 1), 'r done']
1 1 1 1 [('sent', 0), ('got', 0), ('sent', 1), 's done', ('got', 1), 'r done']
""".strip().splitlines()

got = []
for pref in (-1, 0, 1):
    for ns in (0, 1):
        for nr in (0, 1):
            for sf in (0, 1):
                got.append("%s %s %s %s %s" % (pref, ns, nr, sf, run(pref, ns, nr, sf)))
for g, e in zip(got, EXPECTED):
    assert g == e, (g, e)
assert len(got) == len(EXPECTED) == 24
print("ok")
