def add(a, b):
    return a + b * 2 - 1

def div(a, b):
    x = 10
    return (a) // b + x

def power(a, b):
    return a ** b

def main():
    print(add(1, 2))
    try:
        add("s", 1)
    except TypeError as e:
        print("caught", e)
    div(1, 0)

main()
