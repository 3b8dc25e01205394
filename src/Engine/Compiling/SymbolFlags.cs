#nullable enable
using System;
namespace StacklessIron.Compiling;

/// <summary>How a name is used inside one scope (CPython's DEF_* bits of symtable.h).</summary>
[Flags]
public enum SymbolFlags
{
    None = 0,
    Global = 1,          // `global` statement
    Local = 2,           // assigned in this scope
    Param = 4,           // a parameter
    Nonlocal = 8,        // `nonlocal` statement
    Use = 16,            // read
    Free = 32,           // free in a nested scope (unused by the analysis, kept for parity)
    FreeClass = 64,      // free in a method, also bound in the class body
    Import = 128,        // bound by import
    Annotated = 256,     // annotated simple name
    CompIter = 512,      // comprehension iteration variable
    Bound = Local | Param | Import,
}

/// <summary>Where a name lives once the analysis is done (CPython's LOCAL ... CELL).</summary>
public enum SymbolScope { Unknown = 0, Local = 1, GlobalExplicit = 2, GlobalImplicit = 3, Free = 4, Cell = 5 }

/// <summary>The kind of a scope (block) in the symbol table.</summary>
public enum ScopeKind { Module, Class, Function, Annotation }

/// <summary>Which kind of comprehension a function scope implements, if any.</summary>
public enum ComprehensionKind { None, List, Set, Dict, Generator }
