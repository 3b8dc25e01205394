#nullable enable
using System;
namespace StacklessIron.Modules;

/// <summary>Every native module of the engine, registered with the importer in one place
/// (each Register only records a factory, so the order does not matter). The stackless
/// module registers itself from its own assembly.</summary>
public static class NativeModuleTable
{
    public static void RegisterAll()
    {
        // the runtime's own
        IoModule.Register();
        CodecsModule.Register();
        LocaleModule.Register();
        WeakrefModule.Register();
        MathModule.Register();
        ItertoolsModule.Register();
        TimeModule.Register();
        ThreadModule.Register();
        FaulthandlerModule.Register();
        TracemallocModule.Register();
        JsonModule.Register();
        StacklessIron.Modules.Pickle.PickleModule.Register();
        WarningsModule.Register();
        ContextvarsModule.Register();
        MarshalModule.Register();
        StacklessIron.Modules.Ast.AstModule.Register();
        // the operating system
        StacklessIron.Modules.Posix.PosixModule.Register();
        SignalModule.Register();
        AtexitModule.Register();
        StacklessIron.Modules.Sqlite.SqliteModule.Register();
        GcModule.Register();
        ImpModule.Register();
        StacklessIron.Modules.Select.SelectModule.Register();
        // what the standard library's pure-Python modules import
        StacklessIron.Modules.Sre.SreModule.Register();
        CollectionsModule.Register();
        StructModule.Register();
        StringModule.Register();
        FunctoolsModule.Register();
        RandomModule.Register();
        StacklessIron.Modules.Lsprof.LsprofModule.Register();
        HashModules.Register();
        BinasciiModule.Register();
        HeapqModule.Register();
        BisectModule.Register();
        UnicodedataModule.Register();
        ArrayModule.Register();
        CjkCodecsModule.Register();
        OperatorModule.Register();
        StacklessIron.Modules.Zlib.ZlibModule.Register();
        StacklessIron.Modules.Socket.SocketModule.Register();
        StacklessIron.Modules.Csv.CsvModule.Register();
        StacklessIron.Modules.Termios.TermiosModule.Register();
        StacklessIron.Modules.Bz2.Bz2Module.Register();
        StacklessIron.Modules.Lzma.LzmaModule.Register();
        StacklessIron.Modules.Symtable.SymtableModule.Register();
        StacklessIron.Modules.Crypt.CryptModule.Register();
        StacklessIron.Modules.Expat.ExpatModule.Register();
        StacklessIron.Modules.Cmath.CmathModule.Register();
        StacklessIron.Modules.Fcntl.FcntlModule.Register();
        StacklessIron.Modules.Resource.ResourceModule.Register();
        StacklessIron.Modules.Mmap.MmapModule.Register();
        QueueModule.Register();
        OpcodeModule.Register();
        StatisticsModule.Register();
        SyslogModule.Register();
        AbcModule.Register();
    }
}
