# A Matrix class: arithmetic, transpose, determinant, equality, repr.
class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged or empty matrix")
        self.rows = [list(r) for r in rows]
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __add__(self, o):
        if self.shape != o.shape:
            raise ValueError("shape mismatch %s vs %s" % (self.shape, o.shape))
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, o.rows)])
    def __mul__(self, o):
        if isinstance(o, int):
            return Matrix([[a * o for a in r] for r in self.rows])
        n, m = self.shape; m2, p = o.shape
        if m != m2:
            raise ValueError("cannot multiply %s by %s" % (self.shape, o.shape))
        return Matrix([[sum(self.rows[i][k] * o.rows[k][j] for k in range(m)) for j in range(p)] for i in range(n)])
    __rmul__ = __mul__
    def __pow__(self, e):
        r = Matrix.identity(self.shape[0]); b = self
        while e:
            if e & 1: r = r * b
            b = b * b; e >>= 1
        return r
    def T(self):
        return Matrix([list(c) for c in zip(*self.rows)])
    def det(self):
        n = self.shape[0]
        if n == 1: return self.rows[0][0]
        if n == 2: return self.rows[0][0] * self.rows[1][1] - self.rows[0][1] * self.rows[1][0]
        return sum((-1) ** j * self.rows[0][j] * Matrix([r[:j] + r[j + 1:] for r in self.rows[1:]]).det() for j in range(n))
    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows
    def __repr__(self):
        w = max(len(str(x)) for r in self.rows for x in r)
        return "\n".join("[" + " ".join(str(x).rjust(w) for x in r) + "]" for r in self.rows)
A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A + B); print(A * B); print(2 * A); print(A.T()); print(A.det(), A.shape, A[1, 0])
F = Matrix([[1, 1], [1, 0]])
print(F ** 50)
M = Matrix([[2, -3, 1], [2, 0, -1], [1, 4, 5]])
print(M.det(), M * Matrix.identity(3) == M, M.T().T() == M)
print(Matrix([[1, 2, 3]]) * Matrix([[4], [5], [6]]))
for bad in [lambda: Matrix([[1], [2, 3]]), lambda: A + M, lambda: A * Matrix([[1, 2, 3]]).T()]:
    try:
        bad()
    except ValueError as e:
        print("VE", e)
