import sys
def hook(t, v, tb):
    print("hooked:", t.__name__, v, tb.tb_lineno, file=sys.stderr)
sys.excepthook = hook
raise KeyError("x")
