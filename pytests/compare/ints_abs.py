# abs() of ints around the long range and the int fast path, bools, floats, an int subclass
import sys
vals = [0, 1, -1, 5, -5, 1024, -1025, 2**62, -2**62, -2**63, 2**63, -2**63 - 1, 2**100, -2**100, True, False, 3.5, -0.0, float('nan'), -float('inf')]
for v in vals: print(repr(abs(v)), type(abs(v)).__name__)
x = 12345678; print(abs(x) is x)
class I(int): pass
print(type(abs(I(-3))).__name__, abs(I(-3)))
