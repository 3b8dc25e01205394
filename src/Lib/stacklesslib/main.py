"""Sleeping, an event queue and the main loop (the API of stacklesslib.main).

The scheduler itself waits for I/O and timers when no tasklet can run (the reactor,
_stacklessio), so a plain stackless.run() already serves sleeping and I/O-waiting
tasklets; MainLoop adds stacklesslib's loop around it: pumps, callbacks due at a time,
and run() until stop().
"""

import heapq
import sys
import time
import traceback

import stackless
import _stacklessio

# The thread-blocking sleep, taken before monkey-patching replaces time.sleep.
_sleep = getattr(time, "real_sleep", time.sleep)
elapsed_time = time.monotonic


def sleep(delay):
    """Blocks the calling tasklet for `delay` seconds (others run meanwhile); 0 or less lets
    the other runnable tasklets run once (as stacklesslib's: a deadline already past is not
    an error)."""
    try:
        if delay < 0:
            delay = 0
    except TypeError:
        pass            # _stacklessio.sleep gives time.sleep's message
    _stacklessio.sleep(delay)


def sleep_next():
    """Lets the other runnable tasklets run once, then continues."""
    _stacklessio.sleep(0)


class _Event:
    __slots__ = ("due", "seq", "callback", "args", "cancelled", "queue")

    def __init__(self, due, seq, callback, args, queue):
        self.due, self.seq, self.callback, self.args, self.cancelled = due, seq, callback, args, False
        self.queue = queue

    def __lt__(self, other):
        return (self.due, self.seq) < (other.due, other.seq)

    def cancel(self):
        if not self.cancelled:
            self.cancelled = True
            self.queue._cancelled(self)


class EventQueue:
    """Callbacks to call at a time. A driver tasklet sleeping in the reactor calls them when
    they are due; pump() calls the due ones at once (for loops that tick it themselves).
    The driver sleeps until the earliest callback only: when an earlier one comes or that
    one is cancelled, a new driver replaces it (the old one is killed in its sleep), so a
    timeout that did not happen (a lock or Event wait that ended early) neither delays the
    others nor keeps stackless.run() waiting for it."""

    def __init__(self):
        self._heap = []
        self._seq = 0
        self._driver = None
        self._driver_event = None     # the event the driver sleeps until

    def call_later(self, delay, callback, *args):
        """Calls callback(*args) after `delay` seconds; returns a handle with cancel()."""
        self._seq += 1
        ev = _Event(elapsed_time() + max(delay, 0.0), self._seq, callback, args, self)
        heapq.heappush(self._heap, ev)
        if self._driver is None or not self._driver.alive:
            self._start_driver()
        elif self._driver_event is not None and ev < self._driver_event:
            self._rearm()
        return ev

    def _start_driver(self):
        self._driver_event = None
        self._driver = stackless.tasklet(self._drive)()

    def _rearm(self):
        old = self._driver
        self._driver = None
        self._driver_event = None
        if old is not None and old.alive and old is not stackless.getcurrent():
            old.kill(pending=True)
        self._drop_cancelled()
        if self._heap:
            self._start_driver()

    def _cancelled(self, ev):
        if ev is self._driver_event:
            self._rearm()

    def call_soon(self, callback, *args):
        return self.call_later(0.0, callback, *args)

    def due_delay(self):
        """Seconds until the next callback is due (0 if one is), None if there is none."""
        self._drop_cancelled()
        if not self._heap:
            return None
        return max(0.0, self._heap[0].due - elapsed_time())

    @property
    def is_due(self):
        d = self.due_delay()
        return d is not None and d <= 0

    def _drop_cancelled(self):
        while self._heap and self._heap[0].cancelled:
            heapq.heappop(self._heap)

    def pump(self):
        """Calls every callback that is due now; returns how many it called."""
        n = 0
        now = elapsed_time()
        while True:
            self._drop_cancelled()
            if not self._heap or self._heap[0].due > now:
                return n
            ev = heapq.heappop(self._heap)
            n += 1
            try:
                ev.callback(*ev.args)
            except Exception:
                traceback.print_exc()

    def reschedule(self, delta):
        """Moves every pending callback `delta` seconds later."""
        for ev in self._heap:
            ev.due += delta
        heapq.heapify(self._heap)

    def _drive(self):
        me = stackless.getcurrent()
        while self._driver is me:
            self._drop_cancelled()
            if not self._heap:
                self._driver = None
                return
            ev = self._heap[0]
            delay = ev.due - elapsed_time()
            if delay > 0:
                self._driver_event = ev
                sleep(delay)
                if self._driver is not me:
                    return
                self._driver_event = None
            self.pump()

    def __len__(self):
        self._drop_cancelled()
        return len(self._heap)


class MainLoop:
    """stacklesslib's main loop: wait (for I/O and time), pump, run the tasklets; run()
    repeats that until stop()."""

    def __init__(self):
        self.max_wait_time = 0.01
        self.running = True
        self.pumps = []
        self.event_queue = event_queue

    def add_pump(self, pump):
        if pump not in self.pumps:
            self.pumps.append(pump)

    def remove_pump(self, pump):
        try:
            self.pumps.remove(pump)
        except ValueError:
            pass

    def pump_pumps(self):
        for pump in list(self.pumps):
            pump()

    def get_wait_time(self, now=None):
        """Seconds to wait before the next round: 0 while tasklets can run."""
        if stackless.getruncount() > 1:
            return 0.0
        delay = self.event_queue.due_delay()
        return self.max_wait_time if delay is None else max(0.0, min(self.max_wait_time, delay))

    def wait(self):
        """Waits (at most max_wait_time) for I/O or a timer; tasklets whose I/O is ready or
        whose time has come become runnable."""
        _stacklessio.poll(self.get_wait_time())

    def interrupt_wait(self):
        """Another thread added work: the wait is short anyway (max_wait_time)."""

    def pump(self):
        self.pump_pumps()
        self.event_queue.pump()

    def run_tasklets(self, run_for=0):
        """Runs the tasklets until none can run and none waits for I/O or time."""
        try:
            return stackless.run(run_for)
        except Exception:
            self.handle_error(sys.exc_info())

    def handle_error(self, ei):
        traceback.print_exception(*ei)

    def loop(self):
        self.wait()
        self.pump()
        self.run_tasklets()

    def run(self):
        """Loops until stop() is called."""
        self.running = True
        while self.running:
            self.loop()

    def stop(self):
        """Ends run(): from a tasklet, the main tasklet leaves stackless.run() at its turn."""
        self.running = False
        main = stackless.getmain()
        if stackless.getcurrent() is not main and not main.scheduled:
            try:
                main.insert()
            except RuntimeError:
                pass

    def sleep(self, delay):
        sleep(delay)

    def sleep_next(self):
        sleep_next()


def run():
    """Runs the global main loop until mainloop.stop()."""
    mainloop.run()


event_queue = EventQueue()
mainloopClass = MainLoop
mainloop = MainLoop()
