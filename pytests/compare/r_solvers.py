# Backtracking solvers: n-queens counts, a sudoku, permutations, subset sum.
def queens(n):
    sols = []
    cols = [0] * n
    def place(r, used, d1, d2):
        if r == n:
            sols.append(list(cols)); return
        for c in range(n):
            if c in used or (r - c) in d1 or (r + c) in d2:
                continue
            cols[r] = c
            used.add(c); d1.add(r - c); d2.add(r + c)
            place(r + 1, used, d1, d2)
            used.discard(c); d1.discard(r - c); d2.discard(r + c)
    place(0, set(), set(), set())
    return sols
for n in range(1, 8):
    s = queens(n)
    print(n, len(s), s[0] if s else None)
board = queens(6)[0]
for r in range(6):
    print("".join("Q" if board[r] == c else "." for c in range(6)))
PUZ = ("530070000600195000098000060800060003400803001"
       "700020006060000280000419005000080079")
grid = [int(c) for c in PUZ]
def ok(g, i, v):
    r, c = divmod(i, 9)
    for k in range(9):
        if g[r * 9 + k] == v or g[k * 9 + c] == v:
            return False
    br, bc = r - r % 3, c - c % 3
    for dr in range(3):
        for dc in range(3):
            if g[(br + dr) * 9 + bc + dc] == v:
                return False
    return True
steps = [0]
def solve(g):
    try:
        i = g.index(0)
    except ValueError:
        return True
    for v in range(1, 10):
        if ok(g, i, v):
            g[i] = v; steps[0] += 1
            if solve(g):
                return True
            g[i] = 0
    return False
print(solve(grid), steps[0])
for r in range(9):
    print(" ".join(str(x) for x in grid[r * 9:r * 9 + 9]))
def perms(xs):
    if len(xs) <= 1:
        yield list(xs); return
    for i in range(len(xs)):
        for p in perms(xs[:i] + xs[i + 1:]):
            yield [xs[i]] + p
print(["".join(p) for p in perms("abc")], sum(1 for _ in perms(list(range(6)))))
def subset_sum(nums, target):
    if target == 0: return []
    if not nums or target < 0: return None
    with_first = subset_sum(nums[1:], target - nums[0])
    if with_first is not None:
        return [nums[0]] + with_first
    return subset_sum(nums[1:], target)
print(subset_sum([8, 6, 7, 5, 3, 10, 9], 15), subset_sum([2, 4], 5))
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves); moves.append((a, c)); hanoi(n - 1, b, a, c, moves)
    return moves
m = hanoi(5, "A", "B", "C", [])
print(len(m), m[:5])
