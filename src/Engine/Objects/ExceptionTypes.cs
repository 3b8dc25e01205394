#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>The builtin exception classes (CPython 3.11's hierarchy) and the per-class
/// initialisers that set their extra attributes. All are PyBaseException instances.</summary>
public static class ExceptionTypes
{
    /// <summary>Every builtin exception class (for the builtins module).</summary>
    public static readonly List<PyType> All = new();
    public static readonly PyType BaseException = TypeObjects.BaseException;
    public static readonly PyType BaseExceptionGroup = Make("BaseExceptionGroup", BaseException);
    public static readonly PyType GeneratorExit = Make("GeneratorExit", BaseException);
    public static readonly PyType KeyboardInterrupt = Make("KeyboardInterrupt", BaseException);
    public static readonly PyType SystemExit = Make("SystemExit", BaseException);
    public static readonly PyType Exception = Make("Exception", BaseException);
    public static readonly PyType ArithmeticError = Make("ArithmeticError", Exception);
    public static readonly PyType FloatingPointError = Make("FloatingPointError", ArithmeticError);
    public static readonly PyType OverflowError = Make("OverflowError", ArithmeticError);
    public static readonly PyType ZeroDivisionError = Make("ZeroDivisionError", ArithmeticError);
    public static readonly PyType AssertionError = Make("AssertionError", Exception);
    public static readonly PyType AttributeError = Make("AttributeError", Exception);
    public static readonly PyType BufferError = Make("BufferError", Exception);
    public static readonly PyType EOFError = Make("EOFError", Exception);
    public static readonly PyType ExceptionGroup = Make("ExceptionGroup", BaseExceptionGroup, Exception);
    public static readonly PyType ImportError = Make("ImportError", Exception);
    public static readonly PyType ModuleNotFoundError = Make("ModuleNotFoundError", ImportError);
    public static readonly PyType LookupError = Make("LookupError", Exception);
    public static readonly PyType IndexError = Make("IndexError", LookupError);
    public static readonly PyType KeyError = Make("KeyError", LookupError);
    public static readonly PyType MemoryError = Make("MemoryError", Exception);
    public static readonly PyType NameError = Make("NameError", Exception);
    public static readonly PyType UnboundLocalError = Make("UnboundLocalError", NameError);
    public static readonly PyType OSError = Make("OSError", Exception);
    public static readonly PyType BlockingIOError = Make("BlockingIOError", OSError);
    public static readonly PyType ChildProcessError = Make("ChildProcessError", OSError);
    public static readonly PyType ConnectionError = Make("ConnectionError", OSError);
    public static readonly PyType BrokenPipeError = Make("BrokenPipeError", ConnectionError);
    public static readonly PyType ConnectionAbortedError = Make("ConnectionAbortedError", ConnectionError);
    public static readonly PyType ConnectionRefusedError = Make("ConnectionRefusedError", ConnectionError);
    public static readonly PyType ConnectionResetError = Make("ConnectionResetError", ConnectionError);
    public static readonly PyType FileExistsError = Make("FileExistsError", OSError);
    public static readonly PyType FileNotFoundError = Make("FileNotFoundError", OSError);
    public static readonly PyType InterruptedError = Make("InterruptedError", OSError);
    public static readonly PyType IsADirectoryError = Make("IsADirectoryError", OSError);
    public static readonly PyType NotADirectoryError = Make("NotADirectoryError", OSError);
    public static readonly PyType PermissionError = Make("PermissionError", OSError);
    public static readonly PyType ProcessLookupError = Make("ProcessLookupError", OSError);
    public static readonly PyType TimeoutError = Make("TimeoutError", OSError);
    public static readonly PyType ReferenceError = Make("ReferenceError", Exception);
    public static readonly PyType RuntimeError = Make("RuntimeError", Exception);
    public static readonly PyType NotImplementedError = Make("NotImplementedError", RuntimeError);
    public static readonly PyType RecursionError = Make("RecursionError", RuntimeError);
    public static readonly PyType StopAsyncIteration = Make("StopAsyncIteration", Exception);
    public static readonly PyType StopIteration = Make("StopIteration", Exception);
    public static readonly PyType SyntaxError = Make("SyntaxError", Exception);
    public static readonly PyType IndentationError = Make("IndentationError", SyntaxError);
    public static readonly PyType TabError = Make("TabError", IndentationError);
    public static readonly PyType SystemError = Make("SystemError", Exception);
    public static readonly PyType TypeError = Make("TypeError", Exception);
    public static readonly PyType ValueError = Make("ValueError", Exception);
    public static readonly PyType UnicodeError = Make("UnicodeError", ValueError);
    public static readonly PyType UnicodeDecodeError = Make("UnicodeDecodeError", UnicodeError);
    public static readonly PyType UnicodeEncodeError = Make("UnicodeEncodeError", UnicodeError);
    public static readonly PyType UnicodeTranslateError = Make("UnicodeTranslateError", UnicodeError);
    public static readonly PyType Warning = Make("Warning", Exception);
    public static readonly PyType BytesWarning = Make("BytesWarning", Warning);
    public static readonly PyType DeprecationWarning = Make("DeprecationWarning", Warning);
    public static readonly PyType EncodingWarning = Make("EncodingWarning", Warning);
    public static readonly PyType FutureWarning = Make("FutureWarning", Warning);
    public static readonly PyType ImportWarning = Make("ImportWarning", Warning);
    public static readonly PyType PendingDeprecationWarning = Make("PendingDeprecationWarning", Warning);
    public static readonly PyType ResourceWarning = Make("ResourceWarning", Warning);
    public static readonly PyType RuntimeWarning = Make("RuntimeWarning", Warning);
    public static readonly PyType SyntaxWarning = Make("SyntaxWarning", Warning);
    public static readonly PyType UnicodeWarning = Make("UnicodeWarning", Warning);
    public static readonly PyType UserWarning = Make("UserWarning", Warning);

    static PyType Make(string name, params PyType[] bases)
    {
        var t = new PyType(TypeObjects.Type, name, bases, typeof(PyBaseException), TypeFlags.BaseType | TypeFlags.Immutable);
        t.FinishBuiltin("builtins", null);
        All.Add(t);
        return t;
    }

    static ExceptionTypes()
    {
        All.Insert(0, BaseException);
        SlotDefs.AddNative(KeyError, "__str__", (UnarySlot)((ts, self) =>
        {
            var e = (PyBaseException)self;
            return e.Args.Items.Length == 1 ? Ops.Repr(ts, e.Args.Items[0]) : Ops.Str(ts, e.Args.Items.Length == 0 ? PyStr.Empty : e.Args);
        }));
        SlotDefs.AddNative(OSError, "__str__", (UnarySlot)((ts, self) =>
        {
            var e = (PyBaseException)self;
            var d = e.Dict!;
            var errno = d.GetStr("errno"); var strerror = d.GetStr("strerror"); var filename = d.GetStr("filename");
            if (errno != null && errno != PyNone.Value && strerror != null && strerror != PyNone.Value)
            {
                var s = $"[Errno {Ops.StrString(ts, errno)}] {Ops.StrString(ts, strerror)}";
                if (filename != null && filename != PyNone.Value) s += ": " + Ops.ReprString(ts, filename);
                var f2 = d.GetStr("filename2");
                if (f2 != null && f2 != PyNone.Value) s += " -> " + Ops.ReprString(ts, f2);
                return new PyStr(s);
            }
            return e.Args.Items.Length == 1 ? Ops.Str(ts, e.Args.Items[0]) : e.Args.Items.Length == 0 ? PyStr.Empty : Ops.Str(ts, e.Args);
        }));
        SlotDefs.AddNative(UnicodeEncodeError, "__str__", (UnarySlot)((ts, self) =>
        {
            var d = ((PyBaseException)self).Dict!;
            if (d.GetStr("object") is not PyStr obj) return PyStr.Empty;
            string enc = Ops.StrString(ts, d.GetStr("encoding") ?? PyNone.Value), reason = Ops.StrString(ts, d.GetStr("reason") ?? PyNone.Value);
            long start = d.GetStr("start") is PyInt st ? (st.FitsLong ? st.Small : 0) : 0, end = d.GetStr("end") is PyInt en ? (en.FitsLong ? en.Small : 0) : 0;
            if (start >= 0 && start < obj.CpLength && end == start + 1)
            {
                string v = obj.Value; int ci = obj.CharIndex((int)start);
                int cp = char.IsHighSurrogate(v[ci]) && ci + 1 < v.Length && char.IsLowSurrogate(v[ci + 1])
                    ? char.ConvertToUtf32(v[ci], v[ci + 1]) : v[ci];  // a lone surrogate is its own code point
                string bad = cp <= 0xff ? $"\\x{cp:x2}" : cp <= 0xffff ? $"\\u{cp:x4}" : $"\\U{cp:x8}";
                return new PyStr($"'{enc}' codec can't encode character '{bad}' in position {start}: {reason}");
            }
            return new PyStr($"'{enc}' codec can't encode characters in position {start}-{end - 1}: {reason}");
        }));
        SlotDefs.AddNative(UnicodeDecodeError, "__str__", (UnarySlot)((ts, self) =>
        {
            var d = ((PyBaseException)self).Dict!;
            if (d.GetStr("object") is not PyBytes obj) return PyStr.Empty;
            string enc = Ops.StrString(ts, d.GetStr("encoding") ?? PyNone.Value), reason = Ops.StrString(ts, d.GetStr("reason") ?? PyNone.Value);
            long start = d.GetStr("start") is PyInt st ? (st.FitsLong ? st.Small : 0) : 0, end = d.GetStr("end") is PyInt en ? (en.FitsLong ? en.Small : 0) : 0;
            if (start >= 0 && start < obj.Data.Length && end == start + 1)
                return new PyStr($"'{enc}' codec can't decode byte 0x{obj.Data[start]:x2} in position {start}: {reason}");
            return new PyStr($"'{enc}' codec can't decode bytes in position {start}-{end - 1}: {reason}");
        }));
        SlotDefs.AddNative(SyntaxError, "__str__", (UnarySlot)((ts, self) =>
        {
            var e = (PyBaseException)self;
            var d = e.Dict!;
            var msg = d.GetStr("msg") ?? (e.Args.Items.Length > 0 ? e.Args.Items[0] : PyNone.Value);
            var fn = d.GetStr("filename"); var ln = d.GetStr("lineno");
            string m = Ops.StrString(ts, msg);
            bool hasFn = fn is PyStr, hasLn = ln is PyInt;
            if (hasFn && hasLn) return new PyStr($"{m} ({System.IO.Path.GetFileName(((PyStr)fn!).Value)}, line {Ops.StrString(ts, ln!)})");
            if (hasFn) return new PyStr($"{m} ({System.IO.Path.GetFileName(((PyStr)fn!).Value)})");
            if (hasLn) return new PyStr($"{m} (line {Ops.StrString(ts, ln!)})");
            return new PyStr(m);
        }));
    }

    /// <summary>Sets the class-specific attributes from the constructor arguments (after Args).</summary>
    public static void RunNativeInit(PyBaseException e, ReadOnlySpan<PyObject> kwvalues, PyTuple? kwnames)
    {
        var t = e.Type;
        var a = e.Args.Items;
        PyObject Arg(int i) => i < a.Length ? a[i] : PyNone.Value;
        string[] allowedKw = Array.Empty<string>();
        if (t.IsSubtypeOf(StopIteration) || t.IsSubtypeOf(StopAsyncIteration))
            e.Dict!.SetStr("value", Arg(0));
        else if (t.IsSubtypeOf(SystemExit))
            e.Dict!.SetStr("code", a.Length == 0 ? PyNone.Value : a.Length == 1 ? a[0] : e.Args);
        else if (t.IsSubtypeOf(ImportError))
        {
            allowedKw = new[] { "name", "path" };
            var d = e.Dict!;
            d.SetStr("msg", a.Length == 1 ? a[0] : PyNone.Value);
            d.SetStr("name", PyNone.Value); d.SetStr("path", PyNone.Value);
        }
        else if (t.IsSubtypeOf(NameError))
        {
            allowedKw = new[] { "name" };
            e.Dict!.SetStr("name", PyNone.Value);
        }
        else if (t.IsSubtypeOf(AttributeError))
        {
            allowedKw = new[] { "name", "obj" };
            e.Dict!.SetStr("name", PyNone.Value); e.Dict!.SetStr("obj", PyNone.Value);
        }
        else if (t.IsSubtypeOf(OSError))
        {
            var d = e.Dict!;
            bool full = a.Length >= 2 && a.Length <= 5;
            d.SetStr("errno", full ? a[0] : PyNone.Value);
            d.SetStr("strerror", full ? a[1] : PyNone.Value);
            d.SetStr("filename", full && a.Length >= 3 ? a[2] : PyNone.Value);
            d.SetStr("filename2", full && a.Length >= 5 ? a[4] : PyNone.Value);
            if (full && a.Length >= 3) e.Args = new PyTuple(new[] { a[0], a[1] });
        }
        else if (t.IsSubtypeOf(SyntaxError))
        {
            var d = e.Dict!;
            d.SetStr("msg", Arg(0));
            PyObject[] info = a.Length >= 2 && a[1] is PyTuple tup ? tup.Items : Array.Empty<PyObject>();
            string[] names = { "filename", "lineno", "offset", "text", "end_lineno", "end_offset" };
            for (int i = 0; i < names.Length; i++) d.SetStr(names[i], i < info.Length ? info[i] : PyNone.Value);
            d.SetStr("print_file_and_line", PyNone.Value);
        }
        else if (t.IsSubtypeOf(UnicodeDecodeError) || t.IsSubtypeOf(UnicodeEncodeError))
        {
            var d = e.Dict!;
            if (a.Length == 5)
            {
                d.SetStr("encoding", a[0]); d.SetStr("object", a[1]); d.SetStr("start", a[2]);
                d.SetStr("end", a[3]); d.SetStr("reason", a[4]);
            }
        }
        if (kwnames != null)
        {
            for (int i = 0; i < kwnames.Items.Length; i++)
            {
                var k = ((PyStr)kwnames.Items[i]).Value;
                if (Array.IndexOf(allowedKw, k) < 0)
                {
                    if (allowedKw.Length == 0) throw PyExc.TypeError($"{t.Name}() takes no keyword arguments");
                    throw PyExc.TypeError($"'{k}' is an invalid keyword argument for {t.Name}()");
                }
                e.Dict!.SetStr(k, kwvalues[i]);
            }
        }
    }

    /// <summary>The OSError subclass CPython picks for an errno (Linux values), or OSError itself.
    /// OSError(errno, strerror, ...) builds an instance of this class.</summary>
    public static PyType OSErrorFor(long errno) => errno switch
    {
        11 or 114 or 115 => BlockingIOError,    // EAGAIN (= EWOULDBLOCK), EALREADY, EINPROGRESS
        10 => ChildProcessError,                 // ECHILD
        32 or 108 => BrokenPipeError,            // EPIPE, ESHUTDOWN
        103 => ConnectionAbortedError,           // ECONNABORTED
        111 => ConnectionRefusedError,           // ECONNREFUSED
        104 => ConnectionResetError,             // ECONNRESET
        17 => FileExistsError,                   // EEXIST
        2 => FileNotFoundError,                  // ENOENT
        21 => IsADirectoryError,                 // EISDIR
        20 => NotADirectoryError,                // ENOTDIR
        4 => InterruptedError,                   // EINTR
        13 or 1 => PermissionError,              // EACCES, EPERM
        3 => ProcessLookupError,                 // ESRCH
        110 => TimeoutError,                     // ETIMEDOUT
        _ => OSError,
    };

    /// <summary>OSError called with (errno, strerror, ...) becomes the errno's subclass.</summary>
    public static PyType MapOSErrorType(PyType type, ReadOnlySpan<PyObject> args)
    {
        if (type != OSError || args.Length < 2 || args.Length > 5 || args[0] is not PyInt e || !e.FitsLong) return type;
        return OSErrorFor(e.Small);
    }

    /// <summary>A new exception instance of a builtin class, initialised like a Python call would.</summary>
    public static PyBaseException Create(PyType type, params PyObject[] args)
    {
        type = MapOSErrorType(type, args);
        var e = new PyBaseException(type, args.Length == 0 ? PyTuple.Empty : new PyTuple(args));
        RunNativeInit(e, default, null);
        return e;
    }
}
