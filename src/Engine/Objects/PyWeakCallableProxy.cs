#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>weakref.CallableProxyType: a proxy to a callable, which calls it. (CPython's type
/// derives from object; this one derives from ProxyType to share its forwarding slots.)</summary>
[PyType("weakcallableproxy")]
public sealed class PyWeakCallableProxy : PyWeakProxy
{
    public static new readonly PyType TypeObject = PyType.Builtin("CallableProxyType", typeof(PyWeakCallableProxy), PyWeakProxy.TypeObject, subclassable: false, module: "weakref");

    public PyWeakCallableProxy(PyObject target, PyObject? callback = null) : base(TypeObject, target, callback) { }

    [PySlot("__call__")]
    static PyObject CallImpl(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => Ops.Call(ts, ((PyWeakProxy)self).Target, args, kwnames);
}
