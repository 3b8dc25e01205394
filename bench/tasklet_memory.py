"""Memory per blocked tasklet: resident set growth while N tasklets wait on one channel.
Prints: tasklet_memory N=<n> bytes_per_tasklet=<b>"""
import gc, sys
import stackless

def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024

def main(n):
    ch = stackless.channel()
    def waiter():
        ch.receive()
    gc.collect()
    before = rss()
    for _ in range(n):
        stackless.tasklet(waiter)()
    stackless.run()
    gc.collect()
    after = rss()
    assert ch.balance == -n
    print("tasklet_memory N=%d bytes_per_tasklet=%d" % (n, (after - before) // n))

if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100000)
