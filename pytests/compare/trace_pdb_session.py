# A scripted pdb session (commands in trace_pdb_session.stdin): break, continue, next, step,
# return, until, p and display of locals, a local changed with `!`, and where.
import pdb

def add(a, b):
    c = a + b
    return c

def main():
    x = 1
    y = add(x, 2)
    print("y is", y)
    for i in range(2):
        x += i
    print("x is", x)
    return x

pdb.Pdb(nosigint=True).run("main()")
print("done")
