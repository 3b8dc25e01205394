#nullable enable
using System;
namespace StacklessIron.Modules.Sqlite;

/// <summary>`sqlite3.PrepareProtocol`: the protocol object adapters are registered for
/// (PEP 246 style: `(type, PrepareProtocol)` keys, `__conform__(protocol)`).</summary>
[PyType("PrepareProtocol")]
public sealed class PySqlitePrepareProtocol : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("PrepareProtocol", typeof(PySqlitePrepareProtocol), module: SqliteModule.ModuleName);

    PySqlitePrepareProtocol(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PySqlitePrepareProtocol(cls);
}
