# socket details: an unclosed socket's ResourceWarning when dropped, AF_UNIX autobind (bind(''))
# to an abstract name, getaddrinfo's strict port encoding, select.poll not instantiable, detach.
import socket, gc, warnings, select
warnings.simplefilter("always")
s = socket.socket(); r = repr(s)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    s = None; gc.collect()
print([str(x.message) == "unclosed " + r for x in w], [x.category.__name__ for x in w])
with socket.socket(socket.AF_UNIX) as u:
    u.bind(""); n = u.getsockname(); print(n[:1], len(n))
try: socket.getaddrinfo('localhost', '\uD800')
except UnicodeEncodeError as e: print("UnicodeEncodeError")
try: select.poll.__new__(select.poll)
except TypeError as e: print(e)
try: type(select.poll())()
except TypeError as e: print(e)
a, b = socket.socketpair(); a.close(); print(b.detach() > 0)
