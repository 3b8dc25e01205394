# The command line as CPython's: combined flags, option arguments in the same word, sys.flags,
# -I/-P keeping the script folder off sys.path, -O, usage errors with status 2; run through
# sys.executable (a compare program: CPython must pass the same checks).
import subprocess, sys, os, tempfile

def run(*args, input=None):
    p = subprocess.run([sys.executable, *args], capture_output=True, text=True, input=input, timeout=120)
    return p.returncode, p.stdout, p.stderr

rc, out, err = run("-c", "print(6 * 7)")
assert (rc, out) == (0, "42\n"), (rc, out, err)

rc, out, _ = run("-uB", "-c", "import sys; print(sys.argv, sys.flags.dont_write_bytecode)", "a", "-b")
assert out == "['-c', 'a', '-b'] 1\n", out

rc, out, _ = run("-cimport sys; print(sys.argv[1:])", "x")
assert out == "['x']\n", out

rc, out, _ = run("-bb", "-vv", "-OO", "-q", "-s", "-c", "import sys; f = sys.flags; print(f.bytes_warning, f.verbose, f.optimize, f.quiet, f.no_user_site)")
assert out == "2 2 2 1 1\n", out

rc, out, _ = run("-Wignore", "-X", "dev", "-Xint_max_str_digits=5000", "-c", "import sys; print(sys.warnoptions, sorted(sys._xoptions.items()), sys.get_int_max_str_digits())")
assert out == "['default', 'ignore'] [('dev', True), ('int_max_str_digits', '5000')] 5000\n", out
rc, out, _ = run("-X", "dev", "-c", "import sys, faulthandler; print(sys.flags.dev_mode, faulthandler.is_enabled())")
assert out == "True True\n", out
rc, out, _ = run("-X", "faulthandler", "-c", "import sys, faulthandler; print(sys.flags.dev_mode, faulthandler.is_enabled())")
assert out == "False True\n", out

with tempfile.TemporaryDirectory() as d:
    script = os.path.join(d, "prog.py")
    with open(script, "w") as f:
        f.write("import sys\nprint(sys.path[0] == %r, sys.flags.isolated, sys.flags.safe_path, sys.argv[1:])\n" % d)
    assert run(script, "-x")[1] == "True 0 False ['-x']\n"
    assert run("-I", script)[1] == "False 1 True []\n"
    assert run("-P", script)[1] == "False 0 True []\n"
    assert run("--", script, "-c")[1] == "True 0 False ['-c']\n"

# -O leaves asserts and `if __debug__:` out (and -OO docstrings), for imports and compile() too
prog = "def f():\n    'doc'\n    assert False\n    return __debug__\nprint(f(), f.__doc__, eval(compile('__debug__', 's', 'eval', optimize=0)))\n"
assert run("-O", "-c", prog)[1] == "False doc True\n"
assert run("-OO", "-c", prog)[1] == "False None True\n"
rc, out, err = run("-c", prog)
assert rc == 1 and "AssertionError" in err, (rc, err)

rc, out, err = run("-z")
assert rc == 2 and "Unknown option: -z" in err and "usage:" in err, (rc, err)
rc, out, err = run("-c")
assert rc == 2 and "Argument expected for the -c option" in err, (rc, err)
rc, out, err = run("-h")
assert rc == 0 and "-m mod" in out, (rc, out)
rc, out, err = run("-V")
assert rc == 0 and out.startswith("Python 3.11"), out

# -m with a stdlib module and its own -h
rc, out, err = run("-I", "-m", "json.tool", "-h")
assert rc == 0 and "usage:" in out, (rc, out, err)
rc, out, err = run("-m", "json.tool", input='{"b": [1, 2]}')
assert (rc, out) == (0, '{\n    "b": [\n        1,\n        2\n    ]\n}\n'), (rc, out, err)
print("ok")
