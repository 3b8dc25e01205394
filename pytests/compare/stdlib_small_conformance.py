# Small library behaviours CPython's tests check: struct's Pascal strings longer than 255
# bytes and embedded NULs, str.format's huge field numbers, the reflected operator of a
# subclass that does not override it (ChainMap | subclass), inspect on abstract classes.
import struct, sys
from collections import ChainMap
print(struct.pack('1000p', b'x' * 1000) == b'\xff' + b'x' * 999, struct.pack('5p', b'abc'))
print(struct.unpack('300p', struct.pack('300p', b'y' * 400))[0] == b'y' * 255)
for fmt in ('\0', '2\0i', b'\0'):
    try: struct.calcsize(fmt)
    except struct.error as e: print("struct.error:", e)
for fmt in ("{{{}:.6f}}".format(sys.maxsize + 1), "{%d}" % sys.maxsize, "{%d}" % (sys.maxsize // 10)):
    try: print(fmt.format(2.34))
    except (ValueError, IndexError) as e: print(type(e).__name__ + ":", e)
class Sub(ChainMap): pass
class SubRor(ChainMap):
    def __ror__(self, other): return super().__ror__(other)
print(type(ChainMap() | Sub()).__name__, type(Sub() | ChainMap()).__name__, type(ChainMap() | SubRor()).__name__)
class Base:
    def __add__(self, o): return "Base.__add__"
    def __radd__(self, o): return "Base.__radd__"
class Derived(Base): pass
class Derived2(Base):
    def __radd__(self, o): return "Derived2.__radd__"
print(Base() + Derived(), Base() + Derived2())
