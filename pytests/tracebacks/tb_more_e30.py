class C:
    __slots__ = ("a",)
c = C()
c.b = 1
