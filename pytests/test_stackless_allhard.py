# The core scheduler and channel tests once more with soft switching disabled
# (stackless.enable_softswitch(False)): every switch is then a hard one, each switching
# tasklet keeping its own parked OS thread, and every observable order must stay the same.
# (A stress test of our hard switching; Stackless 3.7.5 itself hangs on this file.)
import stackless
assert stackless.enable_softswitch(False) is True
assert stackless.enable_softswitch(None) is False
import test_stackless_core
import test_stackless_hard
assert stackless.enable_softswitch(True) is False
