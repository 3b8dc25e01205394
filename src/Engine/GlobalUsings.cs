// Imports for the runtime's own folders. NOT `System`: the parser and compiler use the AST's
// Tuple/Attribute names unqualified, which `global using System;` would make ambiguous, so
// each runtime file says `using System;` itself.
global using System.Collections.Generic;
global using StacklessIron.Objects;
global using StacklessIron.Runtime;
global using StacklessIron.Modules;
global using Interlocked = System.Threading.Interlocked;
global using ThreadState = StacklessIron.Runtime.ThreadState;
