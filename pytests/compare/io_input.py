# input() and sys.stdin read from the program's standard input (io_input.stdin beside this
# file): prompts go to stdout, lines come without their newline, EOFError at the end.
import sys

print(type(sys.stdin).__name__, sys.stdin.name, sys.stdin.mode, sys.stdin.encoding, sys.stdin.readable(), sys.stdin.fileno())
name = input("name? ")
print("hello", repr(name))
n = int(input())
print("n =", n, n * 2)
print(repr(sys.stdin.readline()))
print(repr(input("raw> ")))
rest = [line for line in sys.stdin]
print(rest)
try:
    input("more? ")
except EOFError as e:
    print("EOFError", e)
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
