# gzip, zipfile and tarfile (.tar.gz) end to end over zlib: write, read back, list, and the
# bytes of files other tools can read (crc, sizes, a fixed mtime for reproducible output).
import gzip, io, os, shutil, tarfile, tempfile, zipfile, zlib

tmp = tempfile.mkdtemp()
payload = b"".join(b"row %05d,%s\n" % (i, b"x" * (i % 17)) for i in range(5000))

# gzip: one-shot, streaming file, reproducible header, multi-member, errors
blob = gzip.compress(payload, compresslevel=6, mtime=0)
print(len(blob), blob[:10].hex(), gzip.decompress(blob) == payload)
print(gzip.decompress(blob + gzip.compress(b"second member", mtime=0))[-13:])
path = os.path.join(tmp, "a.txt.gz")
with gzip.open(path, "wb", compresslevel=9) as f:
    for i in range(0, len(payload), 4096):
        f.write(payload[i:i + 4096])
with gzip.open(path, "rb") as f:
    print(f.read(10), f.readline(), f.seek(100000), len(f.read()), f.tell())
with gzip.open(path, "rt", encoding="ascii") as f:
    lines = f.readlines()
print(len(lines), lines[-1])
with gzip.GzipFile(fileobj=io.BytesIO(blob)) as g:
    print(sum(1 for _ in g))
try:
    gzip.decompress(blob[:-3])
except EOFError as e:
    print("EOFError", e)
try:
    gzip.decompress(b"not gzip data")
except gzip.BadGzipFile as e:
    print("BadGzipFile", e)
bad = bytearray(blob); bad[-8] ^= 0xFF
try:
    gzip.decompress(bytes(bad))
except gzip.BadGzipFile as e:
    print("BadGzipFile", e)

# zipfile: stored and deflated members, testzip, infolist, reading a member as a stream
zpath = os.path.join(tmp, "t.zip")
with zipfile.ZipFile(zpath, "w", compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("data/payload.csv", date_time=(2020, 1, 2, 3, 4, 6)), payload, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr(zipfile.ZipInfo("stored.txt", date_time=(2020, 1, 2, 3, 4, 6)), b"plain", compress_type=zipfile.ZIP_STORED)
    z.writestr(zipfile.ZipInfo("empty/", date_time=(1999, 12, 31, 23, 59, 58)), b"")
with zipfile.ZipFile(zpath) as z:
    print(z.testzip(), z.namelist())
    for info in z.infolist():
        print(info.filename, info.compress_type, info.file_size, info.compress_size, info.CRC, info.date_time)
    print(z.read("data/payload.csv") == payload, z.read("stored.txt"))
    with z.open("data/payload.csv") as m:
        print(m.read(9), len(m.read()))
zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    z.writestr("one", b"1" * 1000)
print(zipfile.is_zipfile(zbuf), zipfile.ZipFile(zbuf).read("one") == b"1" * 1000)

# tarfile with gzip: add files, list, extract
src = os.path.join(tmp, "src"); os.mkdir(src)
for name, content in [("a.txt", b"alpha\n"), ("b.bin", payload)]:
    with open(os.path.join(src, name), "wb") as f:
        f.write(content)
tpath = os.path.join(tmp, "t.tar.gz")
with tarfile.open(tpath, "w:gz") as t:
    t.add(src, arcname="src")
with tarfile.open(tpath, "r:*") as t:
    print(sorted((m.name, m.size, m.isdir()) for m in t.getmembers()))
    print(t.extractfile("src/a.txt").read())
    t.extractall(os.path.join(tmp, "out"))
with open(os.path.join(tmp, "out", "src", "b.bin"), "rb") as f:
    print(f.read() == payload)
print(tarfile.is_tarfile(tpath))

# shutil archives
arch = shutil.make_archive(os.path.join(tmp, "arch"), "gztar", root_dir=src)
print(os.path.basename(arch), sorted(tarfile.open(arch).getnames()))
arch = shutil.make_archive(os.path.join(tmp, "arch"), "zip", root_dir=src)
print(os.path.basename(arch), sorted(zipfile.ZipFile(arch).namelist()))
shutil.rmtree(tmp)
