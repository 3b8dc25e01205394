# try/except/else/finally flows, return/break in finally, re-raise.
def flow(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("v")
        if kind == "key":
            raise KeyError("k")
        if kind == "return":
            return log + ["early"]
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for k in ["none", "value", "return"]:
    print(k, flow(k))
try:
    flow("key")
except KeyError as e:
    print("propagated", repr(e))
def ret_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_finally())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())
def loop_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_finally())
def reraise():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            print("handling")
            raise
    except ZeroDivisionError as e:
        print("outer got", type(e).__name__, e)
reraise()
e_ref = None
try:
    raise TypeError("x")
except TypeError as e:
    e_ref = e
print(repr(e_ref))
try:
    e
except NameError as ne:
    print("NameError", ne)
def nested(n):
    try:
        if n == 0:
            raise IndexError("bottom")
        return nested(n - 1)
    finally:
        print("unwind", n)
try:
    nested(3)
except IndexError as e:
    print("caught", e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    try:
        raise KeyError("a")
    finally:
        raise ValueError("from finally")
except ValueError as e:
    print(repr(e), repr(e.__context__))
x = 0
while True:
    try:
        x += 1
        if x == 3:
            break
    finally:
        print("iter", x)
for exc in [ValueError, TypeError, LookupError, IndexError]:
    try:
        raise exc("m")
    except (TypeError, LookupError) as e:
        print("group1", type(e).__name__)
    except Exception as e:
        print("other", type(e).__name__)
