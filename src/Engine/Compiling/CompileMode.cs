#nullable enable
namespace StacklessIron.Compiling;

/// <summary>What compile() makes of the tree: a module body, one expression whose
/// value is returned, or an interactive statement whose expression values are printed.</summary>
public enum CompileMode { Exec, Eval, Single }
