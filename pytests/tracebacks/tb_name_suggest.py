def compute(values):
    totl = 0
    for v in values:
        total += v
    return total

compute([1, 2])
