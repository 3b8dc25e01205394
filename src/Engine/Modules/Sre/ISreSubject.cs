#nullable enable
namespace StacklessIron.Modules.Sre;

/// <summary>The text a pattern runs over, one code unit per position. Implemented by small
/// structs so the JIT compiles the matcher once per kind (like CPython's UCS1/2/4 builds of
/// sre_lib.h) with the element access inlined.</summary>
internal interface ISreSubject
{
    int Length { get; }
    int this[int i] { get; }
    /// <summary>The first index in [from, to) holding c, or -1.</summary>
    int IndexOf(int c, int from, int to);
    /// <summary>The first index in [from, to - prefix.Length] where prefix starts, or -1.</summary>
    int IndexOf(uint[] code, int prefixPc, int prefixLen, int from, int to);
}
