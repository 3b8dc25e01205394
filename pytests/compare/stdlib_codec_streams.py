"""bz2 and lzma streams through the shared incremental compressor/decompressor: flush rules,
max_length with input held over, unused_data after the end, EOF messages."""
import bz2, lzma
for mod, C, D in ((bz2, bz2.BZ2Compressor, bz2.BZ2Decompressor), (lzma, lzma.LZMACompressor, lzma.LZMADecompressor)):
    c = C(); a = c.compress(b"hello " * 10000); b = c.flush()
    for f in (lambda: c.flush(), lambda: c.compress(b"x"), lambda: c.compress(1)):
        try: f()
        except Exception as e: print(type(e).__name__, e)
    d = D(); out = d.decompress(a + b + b"tail", max_length=100)
    print(len(out), d.needs_input, d.eof)
    out += d.decompress(b"", max_length=-1)
    print(len(out), d.eof, d.unused_data, d.needs_input)
    try: d.decompress(b"x")
    except EOFError as e: print("EOFError", e)
