s = 0
for i in range(5000000):
    s += i * 2
l = [x for x in range(1000000)]
print(s, len(l))
