# random.py on _random and _sha512: the same sequences as CPython 3.11 for the same seeds.
import random
random.seed(42)
print([random.random() for _ in range(3)])
print(random.randint(1, 100), random.randrange(0, 1000, 7), random.choice("abcdefg"), random.uniform(1, 2))
l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.gauss(0, 1), random.normalvariate(5, 2), random.expovariate(1.5))
print(random.choices("abc", weights=[1, 2, 3], k=5), random.getrandbits(70), random.triangular(), random.betavariate(2, 3))
random.seed("hello"); print(random.random())
random.seed(b"bytes"); print(random.random())
st = random.getstate(); a = random.random(); random.setstate(st); print(a == random.random())
r = random.Random(7); print(r.random(), r.randbytes(4))
print(random.SystemRandom().random() < 1)
