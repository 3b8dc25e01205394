"""_sqlite3: converters and adapters (detect_types, __conform__), executemany, user functions,
aggregates and collations, transactions and isolation levels, executescript, iterdump,
row and text factories, two connections on one file, subclassed Connection and Cursor."""
import sqlite3, datetime, os, tempfile
def t(f):
    try: r = f(); print('ok', r)
    except Exception as e: print(type(e).__name__, e)
con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
con.execute("create table ev(id integer primary key, d date, ts timestamp, n number, p point)")
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __conform__(self, proto):
        if proto is sqlite3.PrepareProtocol: return "%f;%f" % (self.x, self.y)
    def __repr__(self): return "Point(%r, %r)" % (self.x, self.y)
sqlite3.register_converter("point", lambda b: Point(*map(float, b.split(b";"))))
today = datetime.date(2024, 2, 29); now = datetime.datetime(2024, 2, 29, 12, 30, 15, 123456)
con.execute("insert into ev(d, ts, n, p) values (?, ?, ?, ?)", (today, now, 3, Point(1, 2)))
print(con.execute("select d, ts, n, p from ev").fetchone())
print(con.execute('select d as "d [text]", p as "pp [point]" from ev').fetchone())
print(con.execute('select d as "d [text]" from ev').description)
# executemany, named params, rowcount
con.execute("create table kv(k text primary key, v integer)")
cur = con.executemany("insert into kv values (:k, :v)", [{"k": "a", "v": 1}, {"k": "b", "v": 2}, {"k": "c", "v": 3}])
print(cur.rowcount, cur.lastrowid)
cur = con.executemany("insert into kv values (?, ?)", iter([("d", 4), ("e", 5)]))
print(cur.rowcount)
print(con.execute("update kv set v = v * 10 where v > 2").rowcount)
print(con.execute("delete from kv where k = 'zz'").rowcount)
print(list(con.execute("select * from kv order by k")))
cur = con.execute("select k from kv order by k")
print(cur.fetchmany(2), cur.fetchmany(), cur.arraysize, cur.fetchall(), cur.fetchone())
# functions
con.create_function("double", 1, lambda x: x * 2 if x is not None else None)
con.create_function("boom", 0, lambda: 1 / 0)
con.create_function("big", 0, lambda: 2 ** 70)
con.create_function("blobby", 1, lambda b: bytes(reversed(b)))
print(con.execute("select double(21), double('ab'), double(1.5), double(null), blobby(x'0102')").fetchone())
t(lambda: con.execute("select boom()").fetchone())
t(lambda: con.execute("select big()").fetchone())
class Sum2:
    def __init__(self): self.s = 0
    def step(self, v): self.s += v * 2
    def finalize(self): return self.s
class Bad:
    def step(self, v): raise ValueError
    def finalize(self): return 0
con.create_aggregate("sum2", 1, Sum2); con.create_aggregate("bad", 1, Bad)
print(con.execute("select sum2(v) from kv").fetchone(), con.execute("select sum2(v) from kv where 0").fetchone())
t(lambda: con.execute("select bad(v) from kv").fetchone())
con.create_collation("rev", lambda a, b: (a < b) - (a > b))
print([r[0] for r in con.execute("select k from kv order by k collate rev")])
t(lambda: con.create_collation("x", 5))
# transactions
print(con.in_transaction); con.commit(); print(con.in_transaction)
con.execute("insert into kv values ('f', 6)"); print(con.in_transaction); con.rollback()
print(con.execute("select count(*) from kv").fetchone())
with con:
    con.execute("insert into kv values ('g', 7)")
try:
    with con:
        con.execute("insert into kv values ('h', 8)"); raise KeyError
except KeyError: pass
print(con.execute("select group_concat(k) from kv").fetchone())
con.isolation_level = None
con.execute("insert into kv values ('i', 9)"); print(con.in_transaction, con.isolation_level)
con.isolation_level = "IMMEDIATE"; print(con.isolation_level)
con.executescript("create table s(a); insert into s values (1); insert into s values (2); -- end")
print(con.execute("select sum(a) from s").fetchone(), con.total_changes)
t(lambda: con.executescript("select 1; bogus"))
print("\n".join(list(con.iterdump())[:4]))
con.row_factory = sqlite3.Row
r = con.execute("select k, v as Value from kv where k = 'a'").fetchone()
print(type(r).__name__, dict(zip(r.keys(), r)), r["value"], hash(r) == hash(con.execute("select k, v as Value from kv where k = 'a'").fetchone()))
con.row_factory = lambda c, row: {d[0]: x for d, x in zip(c.description, row)}
print(con.execute("select 1 as one, 'x' as ex").fetchone())
con.row_factory = None
con.text_factory = bytes; print(con.execute("select 'héllo'").fetchone())
con.text_factory = lambda b: b.decode().upper(); print(con.execute("select 'héllo'").fetchone())
con.text_factory = str
print(con.execute("select ?", ("\u20ac",)).fetchone(), con.execute("select ?", (b"",)).fetchone(), con.execute("select ?", (bytearray(b"ab"),)).fetchone(), con.execute("select ?", (memoryview(b"cd"),)).fetchone())
print(con.execute("select ?, ?, ?", (True, None, -2**63)).fetchone())
t(lambda: con.execute("select ?", ("\udc80",)))
# file db, second connection sees committed data
d = tempfile.mkdtemp(); path = os.path.join(d, "x.db")
c1 = sqlite3.connect(path); c1.execute("create table z(a)"); c1.execute("insert into z values (1)"); c1.commit()
c2 = sqlite3.connect(path, timeout=0.1); print(c2.execute("select * from z").fetchall())
c1.execute("insert into z values (2)")
t(lambda: c2.execute("insert into z values (3)"))
c1.commit(); c1.close(); c2.close()
t(lambda: sqlite3.connect(os.path.join(d, "no", "such", "dir.db")))
class MyConn(sqlite3.Connection):
    def cursor(self, factory=None):
        print("my cursor"); return super().cursor(factory or MyCur)
class MyCur(sqlite3.Cursor):
    pass
mc = sqlite3.connect(":memory:", factory=MyConn)
print(type(mc).__name__, type(mc.execute("select 1")).__name__)
print(isinstance(sqlite3.Row, type), issubclass(sqlite3.IntegrityError, sqlite3.DatabaseError), sqlite3.Error.__module__, repr(sqlite3.Connection))
t(lambda: sqlite3.connect(":memory:").execute("select * from"))
t(lambda: sqlite3.Cursor(5))
