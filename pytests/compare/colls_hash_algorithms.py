# SHA-224, SHA-3, SHAKE and BLAKE2 (written here) against CPython 3.11's digests, across block edges.
import _sha256, _sha3, _blake2, _md5
data = [b'', b'abc', b'a' * 63, b'a' * 64, b'a' * 65, b'x' * 135, b'x' * 136, b'x' * 137, bytes(range(256)) * 5]
for d in data:
    print(len(d), _sha256.sha224(d).hexdigest(), _sha3.sha3_224(d).hexdigest()[:16], _sha3.sha3_256(d).hexdigest()[:16],
          _sha3.sha3_384(d).hexdigest()[:16], _sha3.sha3_512(d).hexdigest()[:16],
          _sha3.shake_128(d).hexdigest(20), _sha3.shake_256(d).hexdigest(300)[-16:],
          _blake2.blake2b(d).hexdigest()[:32], _blake2.blake2s(d).hexdigest()[:32])
h = _blake2.blake2b(b'hello', digest_size=20, key=b'k' * 10, salt=b's' * 16, person=b'p' * 5, fanout=2, depth=3, leaf_size=100, node_offset=7, node_depth=1, inner_size=5, last_node=True)
print(h.hexdigest(), h.digest_size, h.block_size, h.name)
h = _blake2.blake2s(b'hello', digest_size=20, key=b'k' * 10, salt=b's' * 8, person=b'p' * 5, fanout=2, depth=3, leaf_size=100, node_offset=7, node_depth=1, inner_size=5, last_node=True)
print(h.hexdigest(), h.digest_size, h.block_size, h.name)
print(_blake2.blake2b(key=b'key').hexdigest()[:20], _blake2.blake2s(b'x' * 64, key=b'key').hexdigest()[:20])
h = _blake2.blake2b(); 
for i in range(300): h.update(bytes([i % 256]) * (i % 7))
c = h.copy(); c.update(b'!')
print(h.hexdigest()[:20], c.hexdigest()[:20])
h = _sha3.sha3_256(); 
for i in range(300): h.update(bytes([i % 256]) * (i % 11))
print(h.hexdigest()[:20], h.copy().hexdigest()[:20], h.name, h.digest_size, h.block_size)
s = _sha3.shake_128(b'q'); print(s.digest(5), s.name, s.digest_size, s.block_size)
for bad in [dict(digest_size=0), dict(digest_size=65), dict(key=b'k' * 65), dict(salt=b's' * 17), dict(person=b'p' * 17), dict(fanout=256), dict(depth=0), dict(node_depth=256)]:
    try: _blake2.blake2b(**bad)
    except Exception as e: print(type(e).__name__, e)
try: _md5.md5('x')
except TypeError as e: print(e)
