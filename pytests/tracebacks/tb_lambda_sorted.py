items = [3, 1, "two"]
print(sorted(items, key=lambda v: v + 0))
