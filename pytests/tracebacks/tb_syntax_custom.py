raise SyntaxError("custom message", ("file.py", 3, 5, "    abc def ghi\n", 3, 12))
