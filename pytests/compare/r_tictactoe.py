# Tic-tac-toe with full minimax: perfect play from the empty board is a draw; evaluate some positions.
LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]
def winner(b):
    for a, c, d in LINES:
        if b[a] != "." and b[a] == b[c] == b[d]:
            return b[a]
    return None
cache = {}
nodes = [0]
def minimax(b, player):
    key = (b, player)
    if key in cache:
        return cache[key]
    nodes[0] += 1
    w = winner(b)
    if w:
        res = (1 if w == "X" else -1, None)
    elif "." not in b:
        res = (0, None)
    else:
        best = None
        for i, ch in enumerate(b):
            if ch != ".":
                continue
            nb = b[:i] + player + b[i + 1:]
            score, _ = minimax(nb, "O" if player == "X" else "X")
            if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
                best = (score, i)
        res = best
    cache[key] = res
    return res
print(minimax("." * 9, "X"), nodes[0], len(cache))
def show(b):
    return "\n".join(" ".join(b[r * 3:r * 3 + 3]) for r in range(3))
board = "." * 9; player = "X"; moves = []
while not winner(board) and "." in board:
    _, mv = minimax(board, player)
    moves.append(mv)
    board = board[:mv] + player + board[mv + 1:]
    player = "O" if player == "X" else "X"
print(moves)
print(show(board))
print("winner:", winner(board))
for pos, to_move in [("XX.OO....", "X"), ("XX.OO....", "O"), ("X.O.X.O..", "O"), ("XOXOXO...", "X")]:
    score, mv = minimax(pos, to_move)
    print(pos, to_move, "score", score, "move", mv)
