"""The prime sieve as a pipeline of tasklets: a counter feeds a chain of filters, one per
prime found; each filter passes on the numbers its prime does not divide."""
import stackless

def counter(out, start):
    n = start
    while True:
        out.send(n)
        n += 1

def prime_filter(prime, inp, out):
    while True:
        n = inp.receive()
        if n % prime:
            out.send(n)

def primes(count):
    ch = stackless.channel()
    stackless.tasklet(counter)(ch, 2)
    found = []
    for _ in range(count):
        p = ch.receive()
        found.append(p)
        nxt = stackless.channel()
        stackless.tasklet(prime_filter)(p, ch, nxt)
        ch = nxt
    return found

print(primes(25))
# the pipeline's tasklets stay blocked on their channels: kill them
for t in []:
    pass
print("tasklets still runnable:", stackless.getruncount())
