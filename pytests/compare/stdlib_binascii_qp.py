"""binascii.a2b_qp/b2a_qp (quoted-printable) against fixed and generated inputs, and quopri on top of them."""
import binascii, random, quopri, array
rng = random.Random(1234)
alphabet = b"ab =_.\t\r\n\x00\xff\xe9=0A" + b"x" * 8
digest = []
for n in range(400):
    data = bytes(rng.choice(alphabet) for _ in range(rng.randrange(0, 200)))
    if n % 7 == 0: data = data.replace(b"\n", b"\r\n")
    for qt in (False, True):
        for it in (False, True):
            for hd in (False, True):
                enc = binascii.b2a_qp(data, quotetabs=qt, istext=it, header=hd)
                digest.append(enc)
                digest.append(binascii.a2b_qp(enc, header=hd))
    digest.append(binascii.a2b_qp(data))
    digest.append(binascii.a2b_qp(data, True))
import hashlib
print(hashlib.sha256(b"|".join(digest)).hexdigest())
print(binascii.b2a_qp(b"x" * 100 + b" \n."), binascii.a2b_qp("=41=3d=\r\nB=4G=="), binascii.b2a_qp(array.array('B', b"a=b")))
print(quopri.encodestring(b"caf\xc3\xa9 = ok  \nline"), quopri.decodestring(b"caf=C3=A9=\n ok"))
for bad in (["é"], [1]):
    try: binascii.a2b_qp(*bad)
    except Exception as e: print(type(e).__name__, e)
try: binascii.b2a_qp("text")
except TypeError as e: print(e)
