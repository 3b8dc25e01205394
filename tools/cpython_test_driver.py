"""Runs one module of CPython's test suite (test.NAME) the way regrtest loads it, under
whichever interpreter runs this file (StacklessIron or CPython, for the reference counts).

usage: <python> tools/cpython_test_driver.py NAME PROGRESS_FILE
Each finished test appends one line "<outcome> <test id>" to PROGRESS_FILE (flushed; a test
with failing subtests counts once, with its worst outcome), so the
caller can count what ran even when the process dies or is killed by its time limit. The
last line written is "done". Failures and errors go to stdout with their tracebacks.
"""
import sys
import unittest

OUTCOMES = ("ok", "fail", "error", "skip", "xfail", "xpass")


class ProgressResult(unittest.TextTestResult):
    """Writes one line per test when it stops: its worst outcome, subtests included."""
    RANK = {"ok": 0, "skip": 1, "xfail": 1, "xpass": 2, "fail": 3, "error": 4}

    def __init__(self, stream, descriptions, verbosity, progress=None):
        super().__init__(stream, descriptions, verbosity)
        self.progress = progress
        self.outcome = None

    def note(self, outcome):
        if self.outcome is None or self.RANK[outcome] > self.RANK[self.outcome]:
            self.outcome = outcome

    def startTest(self, test):
        super().startTest(test)
        self.outcome = None

    def stopTest(self, test):
        super().stopTest(test)
        self.progress.write(f"{self.outcome or 'ok'} {test.id() if hasattr(test, 'id') else test}\n")
        self.progress.flush()

    def addSuccess(self, test):
        super().addSuccess(test)
        self.note("ok")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.note("fail")

    def addError(self, test, err):
        super().addError(test, err)
        self.note("error")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.note("skip")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self.note("xfail")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self.note("xpass")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self.note("fail" if issubclass(err[0], test.failureException) else "error")


def load(name, run):
    """Imports test.NAME and runs its tests with run(suite). An old-style module (test_main)
    runs its classes through support.run_unittest: those run inside test_main, as under
    regrtest, so its set-up and its `finally` (test_decimal sets and restores the decimal
    context there) bracket them."""
    from test import support
    __import__("test." + name)
    module = sys.modules["test." + name]
    test_main = getattr(module, "test_main", None)
    if test_main is None:
        run(unittest.TestLoader().loadTestsFromModule(module))
        return

    def collect(*classes):
        collected = unittest.TestSuite()
        for cls in classes:
            if isinstance(cls, str):
                collected.addTest(unittest.TestLoader().loadTestsFromModule(sys.modules[cls]))
            elif isinstance(cls, (unittest.TestSuite, unittest.TestCase)):
                collected.addTest(cls)
            else:
                collected.addTest(unittest.TestLoader().loadTestsFromTestCase(cls))
        run(collected)   # failures are counted, not raised: the rest of test_main goes on
    support.run_unittest = collect
    if getattr(module, "run_unittest", None) is not None:
        module.run_unittest = collect   # imported by name (test_decimal)
    test_main()


def main():
    name, progress_path = sys.argv[1], sys.argv[2]
    # A failure message may hold a lone surrogate (test_codecs): print it escaped, as
    # regrtest's stderr would, instead of dying on the report.
    sys.stdout.reconfigure(errors="backslashreplace")
    with open(progress_path, "w") as progress:
        runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=1,
                                         resultclass=lambda *a: ProgressResult(*a, progress=progress))
        try:
            load(name, runner.run)
        except unittest.SkipTest as e:
            progress.write(f"skipmodule {e}\n")
        progress.write("done\n")


if __name__ == "__main__":
    main()
