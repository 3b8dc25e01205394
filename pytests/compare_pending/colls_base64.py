# base64 on binascii (base64 imports re: needs _sre).
import base64
print(base64.b64encode(b"hello world"), base64.b64decode(b"aGVsbG8gd29ybGQ="), base64.urlsafe_b64encode(b"\xff\xfe"), base64.b16encode(b"\x01\xab"))
print(base64.b32encode(b"hello"), base64.b32decode(b"NBSWY3DP"), base64.b85encode(b"hello"), base64.a85encode(b"hello"), base64.standard_b64decode("aGk="))
