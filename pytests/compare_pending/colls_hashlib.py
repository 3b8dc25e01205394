# hashlib and hmac on the builtin hash modules (hashlib imports warnings -> re: needs _sre).
import hashlib
print(hashlib.sha224(b'x').hexdigest(), hashlib.blake2b(b'x', digest_size=8).hexdigest(), hashlib.new('sha3_256', b'x').hexdigest()[:10], sorted(hashlib.algorithms_guaranteed))
print(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 100).hex()[:20])
import hmac
print(hmac.new(b'key', b'msg', 'sha256').hexdigest()[:20], hmac.digest(b'key', b'msg', 'md5').hex())
