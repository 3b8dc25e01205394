result = int("12x")
