global using System;
global using System.Collections.Generic;
global using StacklessIron.Objects;
global using StacklessIron.Runtime;
global using Interlocked = System.Threading.Interlocked;
global using ThreadState = StacklessIron.Runtime.ThreadState;
