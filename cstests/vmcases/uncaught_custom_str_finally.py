class E(Exception):
    def __str__(self): return "custom"
def f(): raise E()
try:
    f()
finally:
    print("cleanup")
