#nullable enable
using StacklessIron.Compiling;
using System;
namespace StacklessIron.Objects;

/// <summary>`weakproxy` (weakref.ProxyType): forwards attribute access, the number,
/// sequence, mapping and iterator protocols, comparisons and str to the target while it lives
/// (ReferenceError after), as CPython's proxy does; unhashable. A proxy to a callable is a
/// PyWeakCallableProxy.</summary>
[PyType("weakproxy")]
public class PyWeakProxy : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("ProxyType", typeof(PyWeakProxy), subclassable: false, module: "weakref");
    readonly WeakReference<PyObject> _target;
    PyObject? _callback;

    public PyWeakProxy(PyObject target, PyObject? callback = null) : this(TypeObject, target, callback) { }

    protected PyWeakProxy(PyType type, PyObject target, PyObject? callback) : base(type)
    {
        _target = new WeakReference<PyObject>(target);
        _callback = callback;
    }

    internal bool HasCallback => _callback != null;
    internal bool IsAlive => _target.TryGetTarget(out _);

    /// <summary>The callback, once (called with this proxy after the target died).</summary>
    internal PyObject? TakeCallback()
    {
        var cb = _callback;
        _callback = null;
        return cb;
    }

    internal PyObject Target => _target.TryGetTarget(out var t) ? t : throw PyExc.New(ExceptionTypes.ReferenceError, "weakly-referenced object no longer exists");

    [PySlot("__getattribute__")] static PyObject? GetAttr(ThreadState ts, PyObject self, PyStr name) => Ops.GetAttrOrNull(ts, ((PyWeakProxy)self).Target, name);
    [PySlot("__setattr__", "__delattr__")] static void SetAttr(ThreadState ts, PyObject self, PyStr name, PyObject? v) => Ops.SetAttr(ts, ((PyWeakProxy)self).Target, name, v);
    [PySlot("__str__")] static PyObject Str(ThreadState ts, PyObject self) => Ops.Str(ts, ((PyWeakProxy)self).Target);
    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var p = (PyWeakProxy)self;
        return new PyStr(p._target.TryGetTarget(out var t) ? $"<weakproxy at 0x{Ops.Id(self):x}; to '{t.Type.FullName}' at 0x{Ops.Id(t):x}>" : $"<weakproxy at 0x{Ops.Id(self):x}; dead>");
    }
    [PySlot("__len__")] static long Len(ThreadState ts, PyObject self) => Ops.Len(ts, ((PyWeakProxy)self).Target);
    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => Ops.GetIter(ts, ((PyWeakProxy)self).Target);
    [PySlot("__getitem__")] static PyObject GetItem(ThreadState ts, PyObject self, PyObject k) => Ops.GetItem(ts, ((PyWeakProxy)self).Target, k);
    [PySlot("__contains__")] static bool Contains(ThreadState ts, PyObject self, PyObject k) => Ops.Contains(ts, ((PyWeakProxy)self).Target, k);
    [PySlot("__bool__")] static bool Bool(ThreadState ts, PyObject self) => Ops.IsTrue(ts, ((PyWeakProxy)self).Target);

    [PySlot("__setitem__", "__delitem__")]
    static void SetItem(ThreadState ts, PyObject self, PyObject k, PyObject? v)
    {
        if (v == null) Ops.DelItem(ts, ((PyWeakProxy)self).Target, k);
        else Ops.SetItem(ts, ((PyWeakProxy)self).Target, k, v);
    }

    [PySlot("__hash__")]
    static long Hash(ThreadState ts, PyObject self) => throw PyExc.TypeError("unhashable type: 'weakref.ProxyType'");

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        var t = ((PyWeakProxy)self).Target;
        if (t.Type.IterNext == null) throw PyExc.TypeError($"Weakref proxy referenced a non-iterator '{t.Type.Name}' object");
        return Ops.Next(ts, t);
    }

    [PyMethod] static PyObject __bytes__(ThreadState ts, PyWeakProxy self) => Ops.CallMethod(ts, self.Target, "__bytes__");
    [PyMethod] static PyObject __reversed__(ThreadState ts, PyWeakProxy self) => Ops.CallMethod(ts, self.Target, "__reversed__");

    // ---- numbers: each operand that is a proxy stands for its target ----
    static PyObject U(PyObject o) => o is PyWeakProxy p ? p.Target : o;
    static PyObject Op(ThreadState ts, PyObject a, PyObject b, BinaryOpArg op) => Ops.BinaryOp(ts, U(a), U(b), (int)op);

    [PySlot("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")]
    static PyObject Compare(ThreadState ts, PyObject a, PyObject b, CompareOp op) => Ops.RichCompare(ts, U(a), U(b), op);

    [PySlot("__add__", "__radd__")] static PyObject Add(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.Add);
    [PySlot("__sub__", "__rsub__")] static PyObject Sub(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.Subtract);
    [PySlot("__mul__", "__rmul__")] static PyObject Mul(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.Multiply);
    [PySlot("__matmul__", "__rmatmul__")] static PyObject MatMul(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.MatrixMultiply);
    [PySlot("__truediv__", "__rtruediv__")] static PyObject TrueDiv(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.TrueDivide);
    [PySlot("__floordiv__", "__rfloordiv__")] static PyObject FloorDiv(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.FloorDivide);
    [PySlot("__mod__", "__rmod__")] static PyObject Mod(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.Remainder);
    [PySlot("__pow__", "__rpow__")] static PyObject Pow(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.Power);
    [PySlot("__lshift__", "__rlshift__")] static PyObject LShift(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.LShift);
    [PySlot("__rshift__", "__rrshift__")] static PyObject RShift(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.RShift);
    [PySlot("__and__", "__rand__")] static PyObject And(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.And);
    [PySlot("__or__", "__ror__")] static PyObject Or(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.Or);
    [PySlot("__xor__", "__rxor__")] static PyObject Xor(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.Xor);
    [PySlot("__iadd__")] static PyObject IAdd(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplaceAdd);
    [PySlot("__isub__")] static PyObject ISub(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplaceSubtract);
    [PySlot("__imul__")] static PyObject IMul(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplaceMultiply);
    [PySlot("__imatmul__")] static PyObject IMatMul(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplaceMatrixMultiply);
    [PySlot("__itruediv__")] static PyObject ITrueDiv(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplaceTrueDivide);
    [PySlot("__ifloordiv__")] static PyObject IFloorDiv(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplaceFloorDivide);
    [PySlot("__imod__")] static PyObject IMod(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplaceRemainder);
    [PySlot("__ipow__")] static PyObject IPow(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplacePower);
    [PySlot("__ilshift__")] static PyObject ILShift(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplaceLShift);
    [PySlot("__irshift__")] static PyObject IRShift(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplaceRShift);
    [PySlot("__iand__")] static PyObject IAnd(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplaceAnd);
    [PySlot("__ior__")] static PyObject IOr(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplaceOr);
    [PySlot("__ixor__")] static PyObject IXor(ThreadState ts, PyObject a, PyObject b) => Op(ts, a, b, BinaryOpArg.InplaceXor);
    [PySlot("__neg__")] static PyObject Neg(ThreadState ts, PyObject self) => Ops.Negative(ts, ((PyWeakProxy)self).Target);
    [PySlot("__pos__")] static PyObject Pos(ThreadState ts, PyObject self) => Ops.Positive(ts, ((PyWeakProxy)self).Target);
    [PySlot("__abs__")] static PyObject Abs(ThreadState ts, PyObject self) => Ops.Absolute(ts, ((PyWeakProxy)self).Target);
    [PySlot("__invert__")] static PyObject Invert(ThreadState ts, PyObject self) => Ops.Invert(ts, ((PyWeakProxy)self).Target);
    [PySlot("__index__")] static PyObject Index(ThreadState ts, PyObject self) => Ops.Index(ts, ((PyWeakProxy)self).Target);
    [PySlot("__int__")] static PyObject Int(ThreadState ts, PyObject self) => Ops.Call(ts, PyInt.TypeObject, ((PyWeakProxy)self).Target);
    [PySlot("__float__")] static PyObject Float(ThreadState ts, PyObject self) => Ops.Call(ts, PyFloat.TypeObject, ((PyWeakProxy)self).Target);
}
