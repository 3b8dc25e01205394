#nullable enable
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
namespace StacklessIron.Objects;

/// <summary>PyStrInline of one size class: TChars is the inline buffer (an InlineArray of chars).</summary>
internal sealed class PyStrInline<TChars> : PyStrInline where TChars : struct
{
    TChars _chars;

    internal PyStrInline(int length) : base(length) { }

    internal override Span<char> Chars => MemoryMarshal.CreateSpan(ref Unsafe.As<TChars, char>(ref _chars), _cpLength);
}
