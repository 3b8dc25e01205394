# open() of a missing file raises FileNotFoundError with errno 2.
try:
    with open("/nonexistent/dir/file.txt") as f:
        print(f.read())
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
