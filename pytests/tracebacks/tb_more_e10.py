def deco(f):
    def wrapper(*a):
        return f(*a)
    return wrapper
@deco
def work(x):
    return x.missing
work(1)
