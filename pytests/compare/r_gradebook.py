# Gradebook report: statistics with %-formatted floats, ranking, letter grades, histogram.
students = {
    "ana": [88, 92, 79, 95], "ben": [72, 65, 80, 70], "cho": [95, 98, 100, 91],
    "dev": [55, 62, 48, 70], "eli": [82, 85, 88, 84], "fay": [90, 71, 85, 77],
}
weights = [0.2, 0.2, 0.25, 0.35]
def weighted(scores):
    return sum(s * w for s, w in zip(scores, weights))
def letter(avg):
    for cut, g in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if avg >= cut:
            return g
    return "F"
def mean(xs):
    return sum(xs) / len(xs)
def median(xs):
    s = sorted(xs); n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
def stdev(xs):
    m = mean(xs)
    return (sum((x - m) ** 2 for x in xs) / (len(xs) - 1)) ** 0.5
rows = sorted(((weighted(sc), name) for name, sc in students.items()), reverse=True)
print("%-4s %-5s %7s %5s" % ("rank", "name", "score", "grade"))
for rank, (avg, name) in enumerate(rows, 1):
    print("%-4d %-5s %7.2f %5s" % (rank, name, avg, letter(avg)))
allscores = [s for sc in students.values() for s in sc]
print("mean %.3f median %.1f stdev %.4f min %d max %d" % (mean(allscores), median(allscores), stdev(allscores), min(allscores), max(allscores)))
for i in range(4):
    col = [sc[i] for sc in students.values()]
    print("test %d: mean=%6.2f  spread=%3d  best=%s" % (i + 1, mean(col), max(col) - min(col), max(students, key=lambda n: students[n][i])))
buckets = {}
for s in allscores:
    b = s // 10 * 10
    buckets[b] = buckets.get(b, 0) + 1
for b in sorted(buckets):
    print("%3d-%-3d %s" % (b, b + 9, "*" * buckets[b]))
improved = [n for n, sc in students.items() if sc[-1] > sc[0]]
print("improved:", improved)
print("%e %g %g %.3g %10.4f|%-10.1f|" % (mean(allscores), 0.0001234, 123456789.0, 2 / 3, 3.14159265, 2.25))
