#nullable enable
using System;
namespace StacklessIron.Objects;

/// <summary>
/// The bootstrap set of builtin types: the ones needed to build any type's namespace (object,
/// type, str, dict, tuple, the descriptor types ...). They are created in two phases because
/// they refer to each other: first every type object, then every namespace. Other builtin
/// types are made in one step with PyType.Builtin from their own C# class.
/// </summary>
public static class TypeObjects
{
    public static readonly PyType Object, Type, NoneType, NotImplementedType, Ellipsis, Str, Dict, Tuple,
        MethodDescriptor, SlotWrapper, GetSetDescriptor, MemberDescriptor, BuiltinFunction, Method,
        ClassMethod, StaticMethod, BaseException;

    static TypeObjects()
    {
        const TypeFlags B = TypeFlags.Immutable | TypeFlags.BaseType, F = TypeFlags.Immutable;
        Object = new PyType(null, "object", System.Array.Empty<PyType>(), typeof(PyInstance), B);
        Type = new PyType(null, "type", new[] { Object }, typeof(PyType), B);
        Object.Type = Type;
        Type.Type = Type;
        PyType Core(string name, System.Type cls, TypeFlags flags) => new(Type, name, new[] { Object }, cls, flags);
        NoneType = Core("NoneType", typeof(PyNone), F);
        NotImplementedType = Core("NotImplementedType", typeof(PyNotImplemented), F);
        Ellipsis = Core("ellipsis", typeof(PyEllipsis), F);
        Str = Core("str", typeof(PyStr), B);
        Dict = Core("dict", typeof(PyDict), B);
        Tuple = Core("tuple", typeof(PyTuple), B);
        MethodDescriptor = Core("method_descriptor", typeof(PyMethodDescriptor), F);
        SlotWrapper = Core("wrapper_descriptor", typeof(PySlotWrapper), F);
        GetSetDescriptor = Core("getset_descriptor", typeof(PyGetSetDescriptor), F);
        MemberDescriptor = Core("member_descriptor", typeof(PyMemberDescriptor), F);
        BuiltinFunction = Core("builtin_function_or_method", typeof(PyBuiltinFunction), F);
        Method = Core("method", typeof(PyMethod), F);
        ClassMethod = Core("classmethod", typeof(PyClassMethod), B);
        StaticMethod = Core("staticmethod", typeof(PyStaticMethod), B);
        BaseException = Core("BaseException", typeof(PyBaseException), B);

        Object.FinishBuiltin("builtins", typeof(PyBaseObject));
        Type.FinishBuiltin("builtins", typeof(PyType));
        NoneType.FinishBuiltin("builtins", typeof(PyNone));
        NotImplementedType.FinishBuiltin("builtins", typeof(PyNotImplemented));
        Ellipsis.FinishBuiltin("builtins", typeof(PyEllipsis));
        Str.FinishBuiltin("builtins", typeof(PyStr));
        Dict.FinishBuiltin("builtins", typeof(PyDict));
        Tuple.FinishBuiltin("builtins", typeof(PyTuple));
        MethodDescriptor.FinishBuiltin("builtins", typeof(PyMethodDescriptor));
        SlotWrapper.FinishBuiltin("builtins", typeof(PySlotWrapper));
        GetSetDescriptor.FinishBuiltin("builtins", typeof(PyGetSetDescriptor));
        MemberDescriptor.FinishBuiltin("builtins", typeof(PyMemberDescriptor));
        BuiltinFunction.FinishBuiltin("builtins", typeof(PyBuiltinFunction));
        Method.FinishBuiltin("builtins", typeof(PyMethod));
        ClassMethod.FinishBuiltin("builtins", typeof(PyClassMethod));
        StaticMethod.FinishBuiltin("builtins", typeof(PyStaticMethod));
        BaseException.FinishBuiltin("builtins", typeof(PyBaseException));
    }
}
