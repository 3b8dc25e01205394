# csv over _csv: reading and writing with tricky quoting, escapes, dialects, QUOTE_* modes,
# multi-line fields, strict mode, the field size limit, DictReader/DictWriter and Sniffer.
import csv, io

def read(text, **kw):
    try:
        r = csv.reader(io.StringIO(text, newline=""), **kw)
        rows = list(r)
        print(rows, r.line_num)
    except Exception as e:
        print(type(e).__name__, e)

def write(rows, **kw):
    out = io.StringIO()
    try:
        w = csv.writer(out, **kw)
        for row in rows:
            w.writerow(row)
    except Exception as e:
        print(type(e).__name__, e, end=" | ")
    print(repr(out.getvalue()))

read('a,b,c\r\n1,2,3\r\n')
read('"quoted, with comma","with ""double"" quotes",plain\n')
read('"multi\nline\r\nfield",x\nnext,row')
read('a,"b\n')
read('a,"b\n', strict=True)
read('a,"b"c,d', strict=True)
read('a,"b"c,d')
read('x\n\n\ny\n')
read('  a,  b', skipinitialspace=True)
read('a;b;"c;d"', delimiter=";")
read("a|'b|c'|d", delimiter="|", quotechar="'")
read('a\\,b,c\\\nd,e', escapechar="\\")
read('"a\\"b",c', escapechar="\\", doublequote=False)
read('a,b\rc,d\re')
read('1,"2",3.5,,x', quoting=csv.QUOTE_NONNUMERIC)
read('"a,b",c', quoting=csv.QUOTE_NONE)
read('a\0b,c')
read('a,b\nc\x85d,e')
read('\u00e9t\u00e9,\U0001f600,"\U0001f600x"')
read('a,b', delimiter="\t")
read('a\tb\tc', dialect="excel-tab")
read('"a"\n', dialect="unix")
read('a,b\r\nc', lineterminator="\n")
read('abc\rdef')
read('"abc"def\rghi')

write([["a", "b,c", 'd"e', "f\ng", "", None, 1, 2.5, True]])
write([["a", "b"]], quoting=csv.QUOTE_ALL)
write([["a", 1, 2.5, None, "", True]], quoting=csv.QUOTE_NONNUMERIC)
write([["a,b", "c"]], quoting=csv.QUOTE_NONE)
write([["a,b", "c\\d", 'e"f']], quoting=csv.QUOTE_NONE, escapechar="\\")
write([['say "hi"']], doublequote=False, escapechar="\\")
write([['say "hi"']], doublequote=False)
write([[""], [None], [], ["", ""]])
write([[""]], quoting=csv.QUOTE_NONE)
write([["a", "b"]], delimiter="\t", lineterminator="\n")
write([["x y", " lead"]], quotechar="'", quoting=csv.QUOTE_MINIMAL)
write([["a\rb", "c\nd"]], lineterminator="\n")
write([["\U0001f600", "\u00e9,"]])
write([1, 2])
write(iter([("gen", "row"), ["list", "row"]]))
class Num:
    def __float__(self): return 1.0
    def __str__(self): return "num"
write([[Num(), "s"]], quoting=csv.QUOTE_NONNUMERIC)
out = io.StringIO()
print(csv.writer(out).writerow(["ret", "value"]), csv.writer(out).writerows([["a"], ["b"]]), repr(out.getvalue()))

# dialects
class Semi(csv.Dialect):
    delimiter = ";"; quotechar = "'"; doublequote = True; skipinitialspace = False
    lineterminator = "\n"; quoting = csv.QUOTE_MINIMAL
csv.register_dialect("semi", Semi)
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()))
d = csv.get_dialect("semi")
print(type(d).__name__, d.delimiter, d.quotechar, repr(d.lineterminator), d.quoting, d.escapechar, d.doublequote, d.strict)
write([["a;b", "c'd"]], dialect="semi")
write([["a", "b"]], dialect="pipes")
write([["a", "b"]], dialect="pipes", quoting=csv.QUOTE_MINIMAL)
csv.unregister_dialect("pipes")
for bad in ["pipes", "nope"]:
    try:
        csv.get_dialect(bad)
    except csv.Error as e:
        print("Error", e)
for kw in [dict(delimiter=""), dict(delimiter="ab"), dict(delimiter=1), dict(quotechar="ab"), dict(quotechar=1),
           dict(escapechar=5), dict(lineterminator=1), dict(quoting=9), dict(quoting="x"), dict(quotechar=None, quoting=csv.QUOTE_ALL),
           dict(bogus=1)]:
    try:
        csv.writer(io.StringIO(), **kw)
        print("ok", kw)
    except TypeError as e:
        print("TypeError", e)
class BadDialect(csv.Dialect):
    delimiter = ","
try:
    BadDialect()
except csv.Error as e:
    print("Error", e)
try:
    csv.writer(io.StringIO()).writerow(5)
except csv.Error as e:
    print("Error", e)
try:
    csv.writer(5)
except TypeError as e:
    print("TypeError", e)
try:
    list(csv.reader([b"bytes,line"]))
except csv.Error as e:
    print("Error", e)

# field size limit
old = csv.field_size_limit(10)
read("short,0123456789abc")
print(old, csv.field_size_limit(old), csv.field_size_limit())

# DictReader / DictWriter
src = "name,age,city\r\nAnn,31,Oslo\r\nBob,,\r\nCy,40,Rome,extra\r\n"
for row in csv.DictReader(io.StringIO(src)):
    print(row)
dr = csv.DictReader(io.StringIO("a,b\n1\n"), restval="?")
print(dr.fieldnames, list(dr))
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["x", "y"], extrasaction="ignore")
dw.writeheader()
dw.writerows([{"x": 1, "y": "two, three"}, {"x": None, "z": 9}])
print(repr(out.getvalue()))
try:
    csv.DictWriter(io.StringIO(), ["x"]).writerow({"x": 1, "bad": 2})
except ValueError as e:
    print("ValueError", e)

# Sniffer
s = csv.Sniffer()
sample = "id;name;score\n1;'Ann Lee';3.5\n2;'Bob';4\n3;'Cy, Jr';5\n"
dialect = s.sniff(sample)
print(repr(dialect.delimiter), repr(dialect.quotechar), dialect.doublequote, dialect.skipinitialspace, s.has_header(sample))
print(list(csv.reader(io.StringIO(sample), dialect)))
print(s.sniff("a\tb\tc\n1\t2\t3\n").delimiter == "\t", s.has_header("1,2\n3,4\n"))
try:
    s.sniff("")
except csv.Error as e:
    print("Error", e)

# round trip of awkward values
rows = [["", " ", '"', '""', ",", "\n", "\r\n", "a\"b,c\nd", "\t"], ["x"] * 3]
out = io.StringIO()
csv.writer(out).writerows(rows)
print(list(csv.reader(io.StringIO(out.getvalue(), newline=""))) == rows)
class NoTerminator(csv.Dialect):
    delimiter = ","; quotechar = '"'; quoting = csv.QUOTE_MINIMAL; doublequote = True; skipinitialspace = False
try:
    NoTerminator()
except csv.Error as e:
    print("Error", e)
class BoolQuoting(NoTerminator):
    lineterminator = "\n"; quoting = True
try:
    BoolQuoting()
except csv.Error as e:
    print("Error", e)
