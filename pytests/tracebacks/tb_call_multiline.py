def fail(*args):
    raise RuntimeError("bad %d" % len(args))

def run():
    return [fail(
        1,
        2,
    )]

run()
