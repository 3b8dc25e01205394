def g():
    yield 1
    raise ValueError("in gen")
def main():
    for x in g():
        print("got", x)
main()
