import sys
for n in ['int_info','float_info','hash_info','flags']:
    o=getattr(sys,n); t=type(o); print(n, repr(o), t.__module__, t.__name__, t.__qualname__, t.n_sequence_fields, t.n_fields, t.n_unnamed_fields, t.__match_args__)
print(sys.flags.__reduce__())
try: type(sys.flags)()
except Exception as e: print(type(e).__name__, e)
print(type(sys.flags).__doc__)
print(type(sys.flags).__bases__, type(sys.flags).__mro__, sys.flags[0], sys.flags[-1], sys.flags[:2])
print(sys.version_info.major, sys.version_info[:2], sys.version_info >= (3, 8), type(sys.version_info).__name__, isinstance(sys.version_info, tuple))
print(sys.float_info.max, sys.float_info.epsilon, sys.hash_info.modulus, sys.int_info.bits_per_digit)
print(type(sys.thread_info).__name__, sys.thread_info.name, sys.thread_info.lock)
a, b, c, d = sys.int_info
print(a, b, c, d, len(sys.flags), sys.flags.optimize)
match sys.version_info:
    case (3, minor, *_): print("minor", minor)
try: sys.flags.debug = 1
except AttributeError as e: print("AttributeError", e)
print(hash(sys.int_info) == hash(tuple(sys.int_info)), sys.int_info == tuple(sys.int_info))
