# Reading and writing a file with open() (engine has no open builtin yet).
try:
    with open("/nonexistent/dir/file.txt") as f:
        print(f.read())
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
