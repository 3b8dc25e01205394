# Files closed at finalization: data reaches the file, the descriptor is released, and a
# ResourceWarning "unclosed file" is issued (shown when the filters allow it).
import gc
import os
import tempfile
import warnings


def _open_and_drop(path, text):
    f = open(path, "w")
    f.write(text)
    return repr(f)


def test_dropped_file_is_flushed_with_resource_warning():
    fd, path = tempfile.mkstemp()
    os.close(fd)
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = _open_and_drop(path, "data")
            gc.collect()
        with open(path) as f:
            assert f.read() == "data"
        msgs = [str(x.message) for x in w if x.category is ResourceWarning]
        assert msgs == ["unclosed file " + r], (msgs, r)
    finally:
        os.remove(path)


def test_closed_file_gives_no_warning():
    fd, path = tempfile.mkstemp()
    os.close(fd)
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            f = open(path, "w")
            f.write("x")
            f.close()
            del f
            gc.collect()
        assert [x for x in w if x.category is ResourceWarning] == []
    finally:
        os.remove(path)


def test_descriptor_released():
    fd, path = tempfile.mkstemp()
    os.close(fd)
    try:
        def drop():
            f = open(path, "rb")
            return f.fileno()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            n = drop()
            gc.collect()
        try:
            os.fstat(n)
        except OSError:
            pass
        else:
            # the number may have been reused by another file meanwhile; it must not be ours
            assert os.path.realpath("/proc/self/fd/%d" % n) != os.path.realpath(path)
    finally:
        os.remove(path)


for _name, _fn in list(globals().items()):
    if _name.startswith('test_'):
        _fn()
print('ok')
