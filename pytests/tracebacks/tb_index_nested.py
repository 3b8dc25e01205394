rows = [[1, 2], [3]]
total = 0
for r in rows:
    total += r[0] + r[1]
