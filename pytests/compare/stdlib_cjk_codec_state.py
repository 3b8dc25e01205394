"""_multibytecodec state and attribute edges: encoder/decoder getstate/setstate packing and
validation, deleting errors, the base stream classes without a codec."""
import codecs, _multibytecodec
enc = codecs.getincrementalencoder('euc_jp')()
print(enc.getstate())
enc.setstate(int.from_bytes(b"\x01a" + b"\x00" * 15, 'little')); print(enc.getstate(), enc.encode("b"))
for st in (int.from_bytes(b"\x09" + b"\x00" * 16, 'little'), int.from_bytes(b"\x01\xff" + b"\x00" * 8, 'little')):
    try: enc.setstate(st)
    except UnicodeError as e: print(type(e).__name__)
dec = codecs.getincrementaldecoder('euc_jp')()
dec.setstate((b'abc', 123456789)); print(dec.getstate())
try: dec.setstate((b'123456789', 0))
except UnicodeError as e: print(type(e).__name__, e)
dec.reset(); print(dec.getstate())
try: del enc.errors
except AttributeError: print("AttributeError")
enc.errors = "replace"; print(enc.errors, enc.encode("\u20ac"))
for cls in (_multibytecodec.MultibyteStreamReader, _multibytecodec.MultibyteStreamWriter):
    try: cls(None)
    except AttributeError: print("AttributeError")
