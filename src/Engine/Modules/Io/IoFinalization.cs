#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>
/// What CPython's IOBase finalizer does for a file object dropped without close(): close it,
/// so buffered data reaches the file and the descriptor is released, and, if its file was
/// still open, say so with ResourceWarning("unclosed file ...") (shown under -W default or
/// -X dev). A text wrapper, its buffer and its FileIO die together here: the wrapper closes
/// first (its text is flushed through the buffer), then the others find themselves closed.
/// `__del__` methods of the same collection run before any file closes.
/// </summary>
public static class IoFinalization
{
    public const int TextOrder = 10, BufferedOrder = 11, RawOrder = 12;
    static readonly Action<ThreadState, PyObject> s_close = Close;

    /// <summary>Called when a file object opened: closes it once it is unreachable (and at exit).
    /// A subclass has `__del__` (IOBase's, which closes) and is finalized through that instead.</summary>
    public static void Track(ThreadState ts, PyObject o, int order)
    {
        if (o.Type.HasDel) return;
        ts.Engine.Finalization.TrackNative(o, s_close, order);
    }

    /// <summary>A buffer or text wrapper took `inner` (its raw or buffer): the wrapper's close
    /// closes it, so `inner` closes no more by itself (two trackers of one file would close
    /// its layers in whatever order the .NET finalizer thread queued them). Returns whether it
    /// was tracked, for Release.</summary>
    public static bool Adopt(PyObject inner) => Finalization.Untrack(inner);

    /// <summary>detach() gave `inner` back: it closes itself again when dropped, if it did before.</summary>
    public static void Release(ThreadState ts, PyObject inner, bool wasTracked)
    {
        if (!wasTracked) return;
        if (IoModule.IsClosed(ts, inner)) return;
        Track(ts, inner, inner is PyFileIO ? RawOrder : inner is PyBuffered ? BufferedOrder : TextOrder);
    }

    static void Close(ThreadState ts, PyObject o)
    {
        // as CPython: an object whose `closed` cannot be read (a detached wrapper) is left alone
        try { if (IoModule.IsClosed(ts, o)) return; }
        catch (PyException) { return; }
        if (OpenFileIO(ts, o) != null) WarnUnclosed(ts, o);
        Ops.CallMethod(ts, o, "close");
    }

    /// <summary>The FileIO under `o` (itself, its raw, or its buffer's raw) if it owns an open descriptor.</summary>
    static PyFileIO? OpenFileIO(ThreadState ts, PyObject o)
    {
        for (int depth = 0; depth < 3; depth++)
        {
            if (o is PyFileIO f) return !f.IsClosedFd && Ops.IsTrue(ts, Ops.GetAttr(ts, f, "closefd")) ? f : null;
            var inner = o is PyBuffered ? Ops.GetAttrOrNull(ts, o, PyStr.Intern("raw")) : o is PyTextIOWrapper ? Ops.GetAttrOrNull(ts, o, PyStr.Intern("buffer")) : null;
            if (inner == null) return null;
            o = inner;
        }
        return null;
    }

    /// <summary>ResourceWarning("unclosed file <repr>"); if the warning itself raises (-W error),
    /// that is reported as unraisable and the file is still closed, as CPython does.
    /// (Passing `source` would show CPython's tracemalloc hint, but the pure-Python
    /// warnings.warn_explicit hands it to WarningMessage as its file.)</summary>
    static void WarnUnclosed(ThreadState ts, PyObject source)
    {
        try
        {
            var warnings = ts.Engine.Modules.GetStr("warnings") ?? Importer.ImportModuleLevel(ts, "warnings", null, PyNone.Value, 0);
            Ops.CallMethod(ts, warnings, "warn", new PyStr("unclosed file " + Ops.ReprString(ts, source)), ExceptionTypes.ResourceWarning);
        }
        catch (PyException e) when (e.Matches(ExceptionTypes.ImportError)) { }
        catch (PyException e) { Finalization.ReportUnraisable(ts, e.Value, source); }
    }
}
