# A subclass's reflected comparison goes first even when it does not override the method
# (CPython's do_richcompare), and first when it does: date != datetime is True (test_datetime's
# test_bug_1028306), C.__eq__ decides A() == C().
class A:
    def __eq__(self, o): print("A.eq", type(o).__name__); return NotImplemented if isinstance(o, B) else True
class B(A):
    pass
class C(A):
    def __eq__(self, o): print("C.eq"); return False
print(A() == B()); print(A() != B()); print(A() == C()); print(A() != C())
import datetime
d = datetime.date(2020,1,1); dt = datetime.datetime(2020,1,1)
print(d == dt, d != dt, dt == d, dt != d)
