# The TypeError of a with/async with statement whose manager lacks a method (CPython 3.11:
# a manager with __enter__ but no __exit__ is told "(missed __exit__ method)").
class OnlyEnter:
    def __enter__(self):
        return self

class Nothing:
    pass

class OnlyAenter:
    async def __aenter__(self):
        return self

for mgr in (OnlyEnter(), Nothing()):
    try:
        with mgr:
            pass
    except TypeError as e:
        print(e)

async def f(mgr):
    async with mgr:
        pass

for mgr in (OnlyAenter(), Nothing()):
    try:
        f(mgr).send(None)
    except TypeError as e:
        print(e)
