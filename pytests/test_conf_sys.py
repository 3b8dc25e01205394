# sys attributes and hooks the standard library reads.
import sys

def test_plain_attributes():
    assert sys.abiflags == "" and sys.api_version == 1013 and sys.float_repr_style == "short"
    assert isinstance(sys.copyright, str) and sys._stdlib_dir.endswith("python3.11")

def test_hooks_are_kept():
    def tracer(frame, event, arg): return tracer
    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        assert sys.gettrace() is tracer
    finally:
        sys.settrace(old)
    sys.setswitchinterval(0.01)
    assert sys.getswitchinterval() == 0.01
    try:
        sys.setswitchinterval(0)
    except ValueError as e:
        assert str(e) == "switch interval must be strictly positive"
    else:
        raise AssertionError("zero interval accepted")
    assert sys.get_asyncgen_hooks() == (None, None)
    assert sys.call_tracing(max, (1, 5)) == 5

def test_struct_sequences():
    assert sys.version_info[:2] == (3, 11) and sys.version_info.major == 3
    assert sys.float_info.mant_dig == 53 and sys.int_info.bits_per_digit == 30
    assert sys.hash_info.modulus == 2**61 - 1
    try:
        type(sys.flags)()
    except TypeError as e:
        assert str(e) == "cannot create 'sys.flags' instances"
    else:
        raise AssertionError("sys.flags instantiated")
