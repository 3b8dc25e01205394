# sys.exit with a code after output; finally blocks still run.
import sys
def main():
    print("working")
    try:
        data = [3, 1, 2]
        data.sort()
        print(data)
        sys.exit(3)
    finally:
        print("cleanup in finally")
try:
    main()
except SystemExit as e:
    print("intercepted", e.code)
    try:
        raise
    finally:
        print("re-raising")
