compile("def f(:\n    pass\n", "fake.py", "exec")
