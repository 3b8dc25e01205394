#nullable enable
using System;
namespace StacklessIron.Objects;

// Whether instances of a class need finalization, cached until the class or a base changes.
public sealed partial class PyType
{
    int _delCheckedVersion;
    bool _hasDel;

    /// <summary>A class statement's type whose MRO has `__del__`: its instances are tracked at
    /// allocation (Runtime/Finalization) so `__del__` runs once they are unreachable. Builtin
    /// types that need finalization (files) register their instances themselves.</summary>
    public bool HasDel
    {
        get
        {
            if (_delCheckedVersion != VersionTag)
            {
                _hasDel = IsHeapType && Lookup("__del__") != null;
                _delCheckedVersion = VersionTag;
            }
            return _hasDel;
        }
    }
}
