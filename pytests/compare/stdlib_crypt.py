# crypt over _crypt (libxcrypt): DES, MD5, SHA-256/512 and blowfish hashes with fixed
# salts, the methods crypt.py finds, and errors.
import warnings
warnings.simplefilter("ignore", DeprecationWarning)
import crypt, _crypt
print(_crypt.crypt("password", "ab"), _crypt.crypt("", "zz"))
for salt in ["$1$saltsalt", "$5$rounds=5000$saltsalt", "$6$saltsalt", "$2b$04$" + "a" * 22]:
    h = crypt.crypt("correct horse", salt)
    print(h, crypt.crypt("correct horse", h) == h, crypt.crypt("wrong", h) == h)
print([m.name for m in crypt.methods])
print(len(crypt.mksalt(crypt.METHOD_SHA512)), crypt.mksalt(crypt.METHOD_SHA256)[:3])
h = crypt.crypt("pw")
print(h.startswith("$6$"), crypt.crypt("pw", h) == h)
for bad in [("pw", "$9$x"), ("pw", "")]:
    try:
        print(repr(_crypt.crypt(*bad)))
    except OSError as e:
        print("OSError", e.errno)
try:
    _crypt.crypt("a\0b", "ab")
except ValueError as e:
    print("ValueError", e)
try:
    _crypt.crypt(b"pw", "ab")
except TypeError as e:
    print("TypeError", e)
