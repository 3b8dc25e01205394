# Child processes without fork: os.posix_spawn/posix_spawnp with file actions and
# os.waitpid, _posixsubprocess.fork_exec (what subprocess.Popen calls) with pipes, cwd and
# env, and the errors for a missing program.
import os, sys, _posixsubprocess

def run_spawn(*args, **kw):
    pid = os.posix_spawn(*args, **kw)
    wpid, status = os.waitpid(pid, 0)
    return wpid == pid, os.waitstatus_to_exitcode(status)

r, w = os.pipe()
print(run_spawn("/bin/sh", ["sh", "-c", "echo spawned $FOO; exit 4"], {"FOO": "bar"},
                file_actions=[(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r)]))
os.close(w)
print(os.read(r, 100))
os.close(r)

pid = os.posix_spawnp("true", ["true"], dict(os.environ))
print(os.waitpid(pid, 0)[1])
out = "/tmp/os_spawn_exec_%d.txt" % os.getpid()
print(run_spawn("/bin/echo", ["echo", "to", "a", "file"], {},
                file_actions=[(os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]))
fd = os.open(out, os.O_RDONLY); print(os.read(fd, 100)); os.close(fd); os.unlink(out)
for bad in [("/no/such/program", ["x"], {}), ("/bin/true", "notalist", {}), ("/bin/true", ["x"], {}, ), ]:
    try:
        if len(bad) == 3 and bad[0] == "/bin/true" and bad[1] == ["x"]:
            print(run_spawn(*bad, file_actions=[(7,)]))
        else:
            print(run_spawn(*bad))
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)

def fork_exec(args, exes, cwd=None, env=None, stdin=None):
    p2cread = p2cwrite = -1
    if stdin is not None:
        p2cread, p2cwrite = os.pipe()
    c2pread, c2pwrite = os.pipe()
    errpipe_read, errpipe_write = os.pipe()
    try:
        pid = _posixsubprocess.fork_exec(args, [os.fsencode(e) for e in exes], True, (errpipe_write,), cwd, env,
                                         p2cread, p2cwrite, c2pread, c2pwrite, -1, -1, errpipe_read, errpipe_write,
                                         True, False, -1, None, None, None, -1, None, True)
    finally:
        os.close(errpipe_write)
        os.close(c2pwrite)
        if p2cread != -1:
            os.close(p2cread)
    if stdin is not None:
        os.write(p2cwrite, stdin)
        os.close(p2cwrite)
    data = b""
    while True:
        chunk = os.read(c2pread, 4096)
        if not chunk:
            break
        data += chunk
    os.close(c2pread)
    err = os.read(errpipe_read, 100)
    os.close(errpipe_read)
    _, status = os.waitpid(pid, 0)
    if err:
        # What subprocess does with the child's report (CPython); StacklessIron raises the
        # same OSError from fork_exec itself.
        num = int(err.split(b":")[1], 16)
        raise OSError(num, os.strerror(num), cwd if cwd is not None else args[0])
    return data, os.waitstatus_to_exitcode(status)

print(fork_exec(["cat"], ["/no/cat", "/bin/cat"], stdin=b"piped through cat\n"))
print(fork_exec(["pwd"], ["/bin/pwd"], cwd="/usr/lib"))
print(fork_exec(["sh", "-c", "echo $ONLY; exit 3"], ["/bin/sh"], env=[b"ONLY=this"]))
for args, exes, cwd in [(["nosuchprog"], ["/a/nosuchprog", "/b/nosuchprog"], None), (["pwd"], ["/bin/pwd"], "/no/such/dir"),
                        (["/etc/passwd"], ["/etc/passwd"], None)]:
    try:
        fork_exec(args, exes, cwd=cwd)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename, e)
try:
    os.execv("/no/such/exe", ["x"])
except FileNotFoundError as e:
    print("execv:", e)
sys.stdout.flush()
os.execve("/bin/sh", ["sh", "-c", "echo replaced by sh: $E"], {"E": "from execve"})
print("never reached")
