"""A job queue with a pool of worker tasklets, typed messages and error reporting.

Jobs are dataclasses with an Enum kind; they travel to workers over one channel and
results come back over per-job reply channels as JSON text or pickles. Workers log through
the logging module (a Filter adds the tasklet's worker name), fail in several ways: an
exception chained from another (__cause__ and __context__ cross back to the submitter), a
worker killed mid-job (its finally block formats the traceback of the TaskletExit), and a
job that times out (the supervisor sends the worker an exception). The supervisor restarts
dead workers.
"""
import enum
import io
import json
import logging
import pickle
import traceback
from dataclasses import dataclass, field, asdict
from typing import List, Optional

import stackless


class Kind(enum.Enum):
    SQUARE = 1
    PARSE = 2
    FAIL = 3
    HANG = 4
    SLOW = 5


@dataclass
class Job:
    id: int
    kind: Kind
    payload: str
    tags: List[str] = field(default_factory=list)
    reply: Optional[object] = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Result:
    job_id: int
    ok: bool
    value: object


class JobTimeout(Exception):
    pass


class WorkerName(logging.Filter):
    names = {}

    def filter(self, record):
        record.worker = self.names.get(stackless.getcurrent(), "main")
        return True


stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(levelname)s %(worker)s %(name)s: %(message)s"))
handler.addFilter(WorkerName())
log = logging.getLogger("jobs")
log.addHandler(handler)
log.setLevel(logging.DEBUG)
log.propagate = False


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise LookupError("job payload %r is not a number" % text) from e


def run_job(job):
    if job.kind is Kind.SQUARE:
        n = int(job.payload)
        return n * n
    if job.kind is Kind.PARSE:
        return parse(job.payload) + 1
    if job.kind is Kind.FAIL:
        try:
            {}[job.payload]
        except KeyError:
            raise RuntimeError("failed while handling a missing key")
    if job.kind is Kind.HANG:
        stackless.channel().receive()      # never answered: the supervisor times it out
    if job.kind is Kind.SLOW:
        for i in range(3):
            stackless.schedule()
        return job.payload.upper()


def worker(name, jobs, stats):
    WorkerName.names[stackless.getcurrent()] = name
    current = None
    try:
        while True:
            job = jobs.receive()
            if job is None:
                log.info("stopping")
                return
            current = job
            stats["running"][name] = job.id
            log.debug("job %d %s", job.id, job.kind.name)
            try:
                value = run_job(job)
            except JobTimeout as e:
                log.warning("job %d timed out: %s", job.id, e)
                job.reply.send(pickle.dumps(Result(job.id, False, "timeout")))
            except Exception as e:
                log.error("job %d failed: %s", job.id, e)
                job.reply.send(pickle.dumps((job.id, e)))   # the exception with its chain
            else:
                job.reply.send(json.dumps(asdict(Result(job.id, True, value))))
            del stats["running"][name]
            current = None
    finally:
        if current is not None:
            tb = traceback.format_exc()
            stats["crashes"].append((name, current.id, tb.strip().splitlines()[-1]))
            log.critical("died during job %d", current.id)


def supervisor(jobs, nworkers, stats, pool):
    for i in range(nworkers):
        start_worker(i, jobs, stats, pool)


def start_worker(i, jobs, stats, pool):
    t = stackless.tasklet(worker)("w%d-%d" % (i, stats["started"]), jobs, stats)
    stats["started"] += 1
    pool[i] = t


def decode(raw):
    if isinstance(raw, str):
        return Result(**json.loads(raw))
    obj = pickle.loads(raw)
    if isinstance(obj, Result):
        return obj
    job_id, exc = obj
    chain = []
    e = exc
    while e is not None:
        chain.append("%s(%s)" % (type(e).__name__, e))
        e = e.__cause__ or e.__context__
    return Result(job_id, False, " <- ".join(chain))


def main():
    jobs = stackless.channel()
    stats = {"running": {}, "crashes": [], "started": 0}
    pool = {}
    supervisor(jobs, 3, stats, pool)
    stackless.run()
    kinds = [Kind.SQUARE, Kind.PARSE, Kind.SLOW, Kind.PARSE, Kind.FAIL, Kind.SQUARE, Kind.HANG,
             Kind.SQUARE, Kind.SLOW, Kind.PARSE]
    payloads = ["7", "41", "abc", "x1", "nokey", "12", "-", "3", "def", "99"]
    answers = stackless.channel()
    submitted = [Job(i, k, p, tags=["batch1"], reply=answers) for i, (k, p) in enumerate(zip(kinds, payloads))]

    def submit():
        for job in submitted:
            jobs.send(job)      # blocks until a worker is free
    stackless.tasklet(submit)()
    results = {}
    hang = [j for j in submitted if j.kind is Kind.HANG][0]
    while len(results) < len(submitted) - 1:
        r = decode(answers.receive())
        results[r.job_id] = r
    # the hanging job's worker is sent a timeout
    for i, t in list(pool.items()):
        if stats["running"].get(t_name(t)) == hang.id:
            t.throw(JobTimeout("no answer"), pending=True)
            r = decode(answers.receive())
            results[r.job_id] = r
    # kill a worker that is in the middle of a slow job, then restart it
    job = Job(100, Kind.SLOW, "late", reply=answers)
    jobs.send(job)
    stackless.schedule()
    for i, t in list(pool.items()):
        if stats["running"].get(t_name(t)) == 100:
            t.kill()
            start_worker(i, jobs, stats, pool)
    for i in range(len(pool)):
        jobs.send(None)
    stackless.run()
    for k in sorted(results):
        print(results[k])
    print("equal results compare by value:", Result(0, True, 49) == results[0],
          "hash", hash(Result(0, True, 49)) == hash(results[0]))
    print("job repr:", submitted[1])
    print("crashes:", stats["crashes"])
    print("workers started:", stats["started"], "alive:", [t.alive for _, t in sorted(pool.items())])
    print(stream.getvalue(), end="")


def t_name(t):
    return WorkerName.names.get(t)


if __name__ == "__main__":
    main()
