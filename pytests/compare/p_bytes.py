# bytes and bytearray semantics.
b = b"hello world"
print(b, b[0], b[-1], b[1:4], b[::-1], len(b))
print(b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b.count(b"l"))
print(list(b"abc"), bytes([65, 66, 67]), bytes(3), b"ab" + b"cd", b"x" * 3)
print(b.hex(), bytes.fromhex("41 42 43"), b"abc" < b"abd", b"a" in b"cat", 97 in b"cat")
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
print(ba, len(ba), ba.decode())
del ba[1]
ba.insert(0, 122)
print(ba, ba.pop(), ba)
ba[1:3] = b"XYZ"
print(ba, bytes(ba), ba == b"zXYZdef"[:len(ba)])
print(b"a,b,c".split(b","), b"-".join([b"x", b"y"]), b"  pad ".strip())
print("héllo".encode("utf-8"), b"h\xc3\xa9llo".decode("utf-8"), "abc".encode("ascii"))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TE", e)
try:
    bytes([256])
except ValueError as e:
    print("VE", e)
print(b"abc".startswith(b"ab"), b"ABC".lower(), b"a1".isalnum(), b"x".zfill(3))
print(repr(bytes(range(0, 256, 37))))
checksum = 0
for byte in b"The checksum input":
    checksum = (checksum * 31 + byte) & 0xFFFF
print(checksum)
print(bytearray(4), bytearray(b"hi") * 2, b"%d" % 5)
