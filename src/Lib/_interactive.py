"""The host's interactive prompt (no program and a terminal on stdin, or -i): the standard
library's code.InteractiveConsole on __main__'s namespace, with CPython's prompts written to
stderr as its own prompt writes them, and "<stdin>" as the file name of what is typed."""
import code
import sys


class _Console(code.InteractiveConsole):
    def raw_input(self, prompt=""):
        sys.stderr.write(prompt)
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line[:-1] if line.endswith("\n") else line


def interact(namespace):
    sys.ps1 = ">>> "
    sys.ps2 = "... "
    banner = "StacklessIron (Python %s) on %s" % (sys.version, sys.platform)
    _Console(namespace, filename="<stdin>").interact(banner=banner, exitmsg="")
