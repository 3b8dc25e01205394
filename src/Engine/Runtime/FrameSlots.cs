#nullable enable
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
namespace StacklessIron.Runtime;

/// <summary>The dispatch loop's view of a frame's slot array (fast locals, cells, value stack):
/// one interior pointer, indexed without bounds checks.</summary>
/// <remarks>A Span would hold the length too, and the loop would spend a callee-saved register
/// on it (x64 has five) and a compare on every access. The compiler sizes each frame's array
/// for its code's deepest stack (StackEffect), which is what makes the unchecked indexing sound;
/// CPython's loop trusts its stack depth the same way.</remarks>
readonly ref struct FrameSlots
{
    readonly ref PyObject? _first;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FrameSlots(PyObject?[] slots) { _first = ref MemoryMarshal.GetArrayDataReference(slots); }

    public ref PyObject? this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.Add(ref _first, i);
    }

    /// <summary>Call arguments on the value stack (all non-null there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<PyObject> Args(int start, int n)
        => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<PyObject?, PyObject>(ref Unsafe.Add(ref _first, start)), n);
}
