# Conway's game of life on a small torus, with generation hashing for cycle detection.
W, H = 12, 8
def parse(rows):
    return {(x, y) for y, row in enumerate(rows) for x, ch in enumerate(row) if ch == "#"}
def step(cells):
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in cells)}
def show(cells):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(W)) for y in range(H))
glider = parse([".#.", "..#", "###"])
blinker = {(x + 8, 5) for x in range(3)}
cells = glider | blinker
seen = {}
for gen in range(60):
    key = tuple(sorted(cells))
    if key in seen:
        print("cycle: generation", gen, "repeats", seen[key])
        break
    seen[key] = gen
    if gen in (0, 1, 4):
        print("gen", gen, "pop", len(cells))
        print(show(cells))
    cells = step(cells)
print("final pop", len(cells), sorted(cells)[:5])
