items = [1, 2, 3]
total = sum(i / (i - 2) for i in items)
