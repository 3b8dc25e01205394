"""A command-line NPC simulation: argparse options and textwrap help, one state-machine
tasklet per NPC (idle/patrol/chase/flee), despawned with tasklet.kill, logging through a
LoggerAdapter from many tasklets with the tasklet's name in each record, warnings raised
in tasklets (once-per-location filter, turned into errors), and a summary table.

usage: npc_cli.py [--npcs N] [--ticks T] [--seed S] [--strict]"""
import argparse
import io
import logging
import random
import sys
import textwrap
import warnings

import stackless


class TaskletFilter(logging.Filter):
    def filter(self, record):
        t = stackless.getcurrent()
        record.who = getattr(t, "npc", None) or ("main" if t.is_main else "?")
        return True


def make_logger(stream):
    log = logging.getLogger("world")
    log.setLevel(logging.DEBUG)
    h = logging.StreamHandler(stream)
    h.setFormatter(logging.Formatter("%(levelname)-7s %(who)-6s %(message)s"))
    h.addFilter(TaskletFilter())
    log.addHandler(h)
    log.propagate = False
    return log


class Npc(stackless.tasklet):
    pass


class World(object):
    def __init__(self, rng, log):
        self.rng = rng
        self.log = log
        self.tick = 0
        self.positions = {}
        self.stats = {}
        self.player = 0

    def near(self, name):
        return abs(self.positions[name] - self.player) <= 2


def npc_brain(world, name, courage):
    state = "idle"
    world.positions[name] = world.rng.randrange(-10, 11)
    stats = world.stats[name] = {"idle": 0, "patrol": 0, "chase": 0, "flee": 0}
    log = logging.LoggerAdapter(world.log, {})
    try:
        while True:
            stats[state] += 1
            pos = world.positions[name]
            if state == "idle":
                if world.rng.random() < 0.3:
                    state = "patrol"
                    log.debug("starts patrolling at %d", pos)
            elif state == "patrol":
                world.positions[name] = pos + world.rng.choice((-1, 1))
                if world.near(name):
                    state = "chase" if courage > 0.5 else "flee"
                    log.info("sees the player at %d -> %s", world.player, state)
            elif state == "chase":
                world.positions[name] = pos + (1 if world.player > pos else -1 if world.player < pos else 0)
                if world.positions[name] == world.player:
                    warnings.warn("%s caught the player" % name, RuntimeWarning)
                    state = "idle"
            elif state == "flee":
                world.positions[name] = pos + (-2 if world.player > pos else 2)
                if not world.near(name):
                    state = "idle"
                    log.info("escaped to %d", world.positions[name])
            stackless.schedule()
    except TaskletExit:
        log.warning("despawned in state %s at %d", state, world.positions[name])
        raise


def parse(argv):
    p = argparse.ArgumentParser(
        prog="npc_cli",
        description=textwrap.dedent("""\
            Runs NPC tasklets around a wandering player.
            Each NPC is a state machine."""),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--npcs", type=int, default=6, help="how many NPCs to spawn")
    p.add_argument("--ticks", type=int, default=25, help="simulation length")
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--strict", action="store_true", help="turn warnings into errors")
    return p, p.parse_args(argv)


def run(args, out):
    rng = random.Random(args.seed)
    log = make_logger(out)
    world = World(rng, log)
    npcs = {}
    for i in range(args.npcs):
        nm = "npc%d" % i
        t = Npc(npc_brain)
        t.npc = nm
        t.setup(world, nm, rng.random())
        npcs[nm] = t
    caught = []
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("error" if args.strict else "default")
        for tick in range(args.ticks):
            world.tick = tick
            world.player += rng.choice((-1, 0, 1))
            try:
                stackless.schedule()    # every NPC takes one step and main comes back
            except RuntimeWarning as w:
                caught.append(str(w))
                log.error("strict: %s", w)
            if tick % 8 == 7 and npcs:
                victim = sorted(npcs)[rng.randrange(len(npcs))]
                npcs.pop(victim).kill()
            # strict mode: the NPC that raised has ended; spawn a replacement
            for nm in sorted(npcs):
                if not npcs[nm].alive:
                    del npcs[nm]
        for t in npcs.values():
            t.kill()
        warned = [(w.category.__name__, str(w.message)) for w in seen]
    return world, warned, caught


def main(argv):
    parser, args = parse(argv)
    out = io.StringIO()
    world, warned, caught = run(args, out)
    print(out.getvalue(), end="")
    print("warnings:", len(warned), warned[:3])
    print("strict errors:", caught[:3])
    print("%-6s %5s %6s %5s %4s" % ("npc", "idle", "patrol", "chase", "flee"))
    for nm in sorted(world.stats):
        s = world.stats[nm]
        print("%-6s %5d %6d %5d %4d" % (nm, s["idle"], s["patrol"], s["chase"], s["flee"]))
    print("runcount", stackless.getruncount())


print(textwrap.fill("usage line wrapped: " + " ".join(["--option%d" % i for i in range(12)]), 50))
main(sys.argv[1:])
logging.getLogger("world").handlers[:] = []
print("== strict")
main(["--strict", "--npcs", "4", "--ticks", "12", "--seed", "5"])
