# termios on a pseudo-terminal from os.openpty: attributes as 7-element lists, raw and cbreak
# modes (tty), echo through the pty, the window size, line control, and the errors.
import os, termios, tty, pty

master, slave = os.openpty()
print(os.isatty(master), os.isatty(slave), os.get_inheritable(master), os.get_inheritable(slave))
attrs = termios.tcgetattr(slave)
print(len(attrs), [type(a).__name__ for a in attrs], len(attrs[6]), attrs[6][termios.VINTR], attrs[6][termios.VEOF])
print(bool(attrs[3] & termios.ICANON), bool(attrs[3] & termios.ECHO), attrs[4] == attrs[5])
new = termios.tcgetattr(slave)
new[3] &= ~(termios.ECHO | termios.ICANON)
new[6][termios.VMIN] = 1
new[6][termios.VTIME] = 0
termios.tcsetattr(slave, termios.TCSANOW, new)
got = termios.tcgetattr(slave)
print(bool(got[3] & termios.ICANON), bool(got[3] & termios.ECHO), got[6][termios.VMIN], got[6][termios.VTIME], got[6][termios.VINTR])
termios.tcsetattr(slave, termios.TCSADRAIN, attrs)
print(termios.tcgetattr(slave) == attrs)

# the line discipline echoes and translates in canonical mode
os.write(master, b"hello\n")
print(os.read(slave, 100), os.read(master, 100))
tty.setraw(slave)
raw = termios.tcgetattr(slave)
print(bool(raw[3] & termios.ICANON), bool(raw[3] & termios.ISIG), raw[6][termios.VMIN], bool(raw[1] & termios.OPOST))
os.write(master, b"x")
print(os.read(slave, 10))
termios.tcsetattr(slave, termios.TCSAFLUSH, attrs)
tty.setcbreak(slave)
print(bool(termios.tcgetattr(slave)[3] & termios.ICANON))
termios.tcsetattr(slave, termios.TCSANOW, attrs)

termios.tcsetwinsize(slave, (24, 80))
print(termios.tcgetwinsize(slave), termios.tcgetwinsize(master))
termios.tcsetwinsize(master, [50, 132])
print(termios.tcgetwinsize(slave), os.get_terminal_size(slave))
termios.tcdrain(slave)
termios.tcflush(slave, termios.TCIOFLUSH)
termios.tcflow(slave, termios.TCOON)
class F:
    def fileno(self): return slave
print(termios.tcgetattr(F()) == termios.tcgetattr(slave))

def err(f, *a):
    try:
        f(*a); print("ok")
    except Exception as e:
        print(type(e).__name__, e.args)
r, w = os.pipe()
err(termios.tcgetattr, r)
err(termios.tcgetattr, 9999)
err(termios.tcsetattr, slave, termios.TCSANOW, attrs[:6])
err(termios.tcsetattr, slave, termios.TCSANOW, tuple(attrs))
bad = list(attrs); bad[6] = attrs[6][:5]
err(termios.tcsetattr, slave, termios.TCSANOW, bad)
bad = list(attrs); bad[6] = list(attrs[6]); bad[6][0] = "x"
err(termios.tcsetattr, slave, termios.TCSANOW, bad)
err(termios.tcsetattr, slave, 99, attrs)
err(termios.tcgetwinsize, r)
err(termios.tcsetwinsize, slave, (1,))
print(issubclass(termios.error, Exception), termios.error.__module__, termios.B38400, termios.TCSANOW, termios.NCCS, termios.TIOCGWINSZ)
for fd in (master, slave, r, w):
    os.close(fd)
print(pty.STDIN_FILENO, callable(pty.spawn))
import getpass
print(getpass.getuser() != "")
