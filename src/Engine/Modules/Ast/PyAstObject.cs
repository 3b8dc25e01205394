#nullable enable
using System;
using StacklessIron.Objects;
namespace StacklessIron.Modules.Ast;

/// <summary>`ast.AST`, the base of every node class. A node is a plain object with a dict: its
/// fields and positions are ordinary attributes, set by the constructor from positional
/// arguments (in `_fields` order) and keywords; fields not given are simply absent, as in 3.11.</summary>
[PyType("AST")]
public sealed class PyAstObject : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("AST", typeof(PyAstObject), module: "ast");
    PyDict? _dict = new();

    public PyAstObject(PyType type) : base(type) { }

    public override PyDict? Dict { get => _dict; set => _dict = value; }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyAstObject(cls);

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Items.Length ?? 0;
        int npos = args.Length - nkw;
        if (npos > 0)
        {
            var fieldsObj = Ops.GetAttrOrNull(ts, self.Type, PyStr.Intern("_fields"));
            PyObject[] fields = fieldsObj == null ? Array.Empty<PyObject>() : Ops.ToArray(ts, fieldsObj);
            if (npos > fields.Length)
                throw PyExc.TypeError($"{self.Type.Name} constructor takes at most {fields.Length} positional argument{(fields.Length == 1 ? "" : "s")}");
            for (int i = 0; i < npos; i++) Ops.SetAttr(ts, self, AsName(fields[i]), args[i]);
        }
        for (int i = 0; i < nkw; i++) Ops.SetAttr(ts, self, (PyStr)kwnames!.Items[i], args[npos + i]);
    }

    static PyStr AsName(PyObject o) => o as PyStr ?? throw PyExc.TypeError("attribute name must be string");

    /// <summary>(type(self), (), self.__dict__): pickling and copy rebuild the node from its attributes.</summary>
    [PyMethod]
    static PyObject __reduce__(ThreadState ts, PyObject self)
    {
        var d = self.Dict;
        return d == null ? PyTuple.Of(self.Type, PyTuple.Empty) : PyTuple.Of(self.Type, PyTuple.Empty, d);
    }

    public static void InitType(PyType t)
    {
        t.Namespace.SetStr("_fields", PyTuple.Empty);
        t.Namespace.SetStr("_attributes", PyTuple.Empty);
        t.Namespace.SetStr("__match_args__", PyTuple.Empty);
    }
}
