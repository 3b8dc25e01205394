"""Conway's Life with one tasklet per cell: each generation every cell tasklet reads its
neighbours' states, waits at a barrier built from a channel (the last arrival releases the
others with schedule_all semantics by send_sequence), then writes its next state.
A glider on a torus, a blinker, checksum of the states; the cell tasklets end when the
world's stop channel closes.  usage: life_cells.py [size] [generations]"""
import sys
import time

import stackless


class Barrier(object):
    """n tasklets meet here; the last one to arrive lets all the others go."""

    def __init__(self, n):
        self.n = n
        self.count = 0
        self.gate = stackless.channel()
        self.gate.preference = 1      # the releaser goes on sending; the woken only queue
        self.rounds = 0

    def wait(self):
        self.count += 1
        if self.count == self.n:
            self.count = 0
            self.rounds += 1
            waiting = -self.gate.balance
            self.gate.send_sequence([self.rounds] * waiting)
            return self.rounds
        return self.gate.receive()


class World(object):
    def __init__(self, size, live):
        self.size = size
        self.cur = [[0] * size for i in range(size)]
        self.nxt = [[0] * size for i in range(size)]
        for (r, c) in live:
            self.cur[r][c] = 1
        self.barrier = Barrier(size * size + 1)   # the cells and the main tasklet
        self.running = True

    def neighbours(self, r, c):
        s = self.size
        cur = self.cur
        total = 0
        for dr in (-1, 0, 1):
            row = cur[(r + dr) % s]
            for dc in (-1, 0, 1):
                if dr or dc:
                    total += row[(c + dc) % s]
        return total

    def show(self):
        return "\n".join("".join("#" if v else "." for v in row) for row in self.cur)

    def population(self):
        return sum(map(sum, self.cur))

    def checksum(self):
        h = 0
        for r, row in enumerate(self.cur):
            for c, v in enumerate(row):
                if v:
                    h = (h * 31 + r * self.size + c) % 1000003
        return h


def cell(world, r, c):
    while True:
        world.barrier.wait()          # generation starts
        if not world.running:
            return
        n = world.neighbours(r, c)
        alive = world.cur[r][c]
        world.nxt[r][c] = 1 if n == 3 or (alive and n == 2) else 0
        world.barrier.wait()          # everyone has computed


def generation(world):
    world.barrier.wait()
    world.barrier.wait()
    world.cur, world.nxt = world.nxt, world.cur


def run(size, gens, live, show_every):
    world = World(size, live)
    for r in range(size):
        for c in range(size):
            stackless.tasklet(cell)(world, r, c)
    stackless.schedule()
    c0 = time.thread_time()
    for g in range(1, gens + 1):
        generation(world)
        if show_every and g % show_every == 0:
            print("gen %d pop %d" % (g, world.population()))
            print(world.show())
    c1 = time.thread_time()
    world.running = False
    world.barrier.wait()
    stackless.run()
    print("after %d generations: population %d checksum %d barrier rounds %d runcount %d" % (
        gens, world.population(), world.checksum(), world.barrier.rounds, stackless.getruncount()))
    return c1 - c0


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    gens = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    print("== glider")
    run(8, 8, [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)], 4)
    print("== blinker")
    run(5, 3, [(2, 1), (2, 2), (2, 3)], 1)
    print("== r-pentomino %dx%d" % (size, size))
    m = size // 2
    cpu = run(size, gens, [(m, m + 1), (m, m + 2), (m + 1, m), (m + 1, m + 1), (m + 2, m + 1)], 0)
    sys.stderr.write("life %dx%d, %d generations: %.3f s CPU\n" % (size, size, gens, cpu))


main()
