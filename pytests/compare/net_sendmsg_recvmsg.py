# sendmsg/recvmsg/recvmsg_into: gather/scatter buffers, datagram addresses, SCM_RIGHTS
# descriptor passing (also through multiprocessing.reduction), truncated control data, errors.
import socket, os, array
a,b=socket.socketpair()
print(b.sendmsg([b'ab', b'cd']), a.recvmsg(10))
print(socket.CMSG_LEN(4), socket.CMSG_SPACE(4))
for args in [(-1,), (10,-1)]:
  try: a.recvmsg(*args)
  except Exception as e: print(type(e).__name__, e)
for args in [([b'x'], [(1,1)]), ([b'x'], [1]), (1,), ([1],)]:
  try: b.sendmsg(*args)
  except Exception as e: print(type(e).__name__, e)
try: socket.CMSG_LEN(-1)
except Exception as e: print(type(e).__name__, e)
u=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1',0)); v=socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
v.bind(('127.0.0.1', 0))
v.sendmsg([b'hi'], [], 0, u.getsockname()); d = u.recvmsg(10); print(d[0], d[3] == v.getsockname())
r,w=os.pipe()
b.sendmsg([b'f'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i',[r,w]))])
msg, anc, flags, addr = a.recvmsg(1, socket.CMSG_SPACE(8))
fds = array.array('i'); fds.frombytes(anc[0][2])
print(msg, anc[0][:2], len(fds), flags, addr)
os.write(fds[1], b"through the passed fd"); print(os.read(r, 100))
b.sendmsg([b'0123456789'])
buf1, buf2 = bytearray(4), bytearray(10)
print(a.recvmsg_into([buf1, memoryview(buf2)[2:]]), buf1, buf2)
# truncated control data
b.sendmsg([b'f'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i',[r,w]))])
msg, anc, flags, addr = a.recvmsg(1, socket.CMSG_LEN(4))
print(msg, len(anc), flags & socket.MSG_CTRUNC != 0)
import multiprocessing.reduction as red
red.sendfds(b, [r]); print(len(red.recvfds(a, 1)))
