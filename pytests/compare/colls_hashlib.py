# hashlib and hmac on the builtin hash modules, and _operator._compare_digest.
import hashlib
print(hashlib.sha224(b'x').hexdigest(), hashlib.blake2b(b'x', digest_size=8).hexdigest(), hashlib.new('sha3_256', b'x').hexdigest()[:10], sorted(hashlib.algorithms_guaranteed))
import hmac
print(hmac.new(b'key', b'msg', 'sha256').hexdigest()[:20], hmac.digest(b'key', b'msg', 'md5').hex())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("abc", "abd"), hmac.compare_digest(b"a", bytearray(b"a")))
import _operator
for a, b in [("\xe9", "\xe9"), (1, 1), ("a", b"a"), ("ab", "a")]:
    try:
        print(_operator._compare_digest(a, b))
    except TypeError as e:
        print("TypeError", e)
import operator
print(operator.itemgetter(1)([1, 2]), operator.add(2, 3), operator.__doc__.splitlines()[0])
