#nullable enable
using System;
using System.Buffers.Binary;
using System.IO;
using StacklessIron.Compiling;
namespace StacklessIron.Runtime;

/// <summary>
/// The persistent cache of compiled modules, so importing the standard library does not
/// tokenize, parse and compile it again at every start. A cache file is laid out as CPython's
/// timestamp-based .pyc (magic, flags 0, source mtime and size, then the code object as
/// `marshal` writes it), at the place importlib's cache_from_source names (the cache tag is
/// "stacklessiron-311"): the native import and importlib's own loaders, py_compile and
/// compileall read and write the same files.
/// <para>The magic comes from the engine assembly's build identity, so a rebuilt engine never
/// loads bytecode another build compiled. By default sys.pycache_prefix is a per-build folder
/// in the user's cache directory ($XDG_CACHE_HOME or ~/.cache, then stackless-iron/BUILD):
/// /usr/lib/python3.11 is not ours to write into, and engines of different builds (several
/// work trees, a test run beside a development build) then never overwrite each other's
/// files. PYTHONPYCACHEPREFIX or -X pycache_prefix choose another folder, as in CPython.</para>
/// <para>Files are written to a temporary name and renamed into place, so concurrent processes
/// read either the old file or the new one, never half of one; a damaged or truncated file
/// (checked by the code format's checksum) is a miss, compiled again and rewritten.</para>
/// </summary>
public static class CodeCache
{
    public const string CacheTag = "stacklessiron-311";
    const int HeaderSize = 16;

    /// <summary>The first four bytes of every cache file of this engine build (importlib's
    /// MAGIC_NUMBER here): taken from the engine assembly's module version id, which the
    /// compiler derives from the assembly's content.</summary>
    public static readonly byte[] Magic = MakeMagic();

    /// <summary>The build identity as 16 hex digits: names the default cache folder.</summary>
    public static readonly string BuildStamp = Convert.ToHexString(typeof(CodeObject).Assembly.ManifestModule.ModuleVersionId.ToByteArray(), 0, 8).ToLowerInvariant();

    static byte[] MakeMagic()
    {
        var id = typeof(CodeObject).Assembly.ManifestModule.ModuleVersionId.ToByteArray();
        var m = new[] { id[8], id[9], id[10], id[11] };
        // never CPython's form (a 2-byte number then "\r\n"), so no CPython .pyc ever matches
        if (m[2] == '\r' && m[3] == '\n') m[3] = 0;
        return m;
    }

    /// <summary>The folder holding the per-build cache folders (stackless-iron in the user's
    /// cache directory), or null without HOME and XDG_CACHE_HOME.</summary>
    static string? UserCacheRoot()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string? baseDir = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? xdg : null;
        if (baseDir == null)
        {
            var home = Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home) || !Path.IsPathRooted(home)) return null;
            baseDir = Path.Combine(home, ".cache");
        }
        return Path.Combine(baseDir, "stackless-iron");
    }

    /// <summary>sys.pycache_prefix at start: PYTHONPYCACHEPREFIX unless the environment is
    /// ignored (-E, -I), else this build's folder in the user's cache directory (null when
    /// there is none: then caches go to __pycache__ next to the sources, as CPython's).</summary>
    public static string? DefaultPrefix(bool ignoreEnvironment)
    {
        if (!ignoreEnvironment && Environment.GetEnvironmentVariable("PYTHONPYCACHEPREFIX") is { Length: > 0 } p) return p;
        var root = UserCacheRoot();
        return root == null ? null : Path.Combine(root, BuildStamp);
    }

    /// <summary>sys.dont_write_bytecode at start: PYTHONDONTWRITEBYTECODE set and not empty.</summary>
    public static bool DontWriteFromEnvironment() => Environment.GetEnvironmentVariable("PYTHONDONTWRITEBYTECODE") is { Length: > 0 };

    /// <summary>importlib's cache_from_source(path) for the engine's optimization level: the
    /// cache file of a source, or null when sys.implementation.cache_tag is None.</summary>
    public static string? CachePathFor(ThreadState ts, string sourcePath)
    {
        var sys = ts.Engine.Sys;
        var impl = sys.Get("implementation");
        if (impl == null || Ops.GetAttrOrNull(ts, impl, PyStr.Intern("cache_tag")) is not PyStr tag) return null;
        if (sourcePath.Contains('\0')) return null;
        int slash = sourcePath.LastIndexOf('/');
        string head = slash < 0 ? "" : sourcePath[..slash], tail = sourcePath[(slash + 1)..];
        int dot = tail.LastIndexOf('.');
        string name = (dot < 0 ? tail : dot == 0 ? tail[1..] : tail[..dot]) + (dot < 0 ? "" : ".") + tag.Value;
        if (ts.Engine.Optimize > 0) name += ".opt-" + ts.Engine.Optimize;
        name += ".pyc";
        if (sys.Get("pycache_prefix") is PyStr prefix)
        {
            if (!Path.IsPathRooted(head))
            {
                try { head = Path.Combine(Directory.GetCurrentDirectory(), head); }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return null; }
            }
            return Path.Combine(prefix.Value, head.TrimStart('/'), name);
        }
        return Path.Combine(head, "__pycache__", name);
    }

    /// <summary>The code of a module's source file: from its cache file (CachePathFor; null:
    /// no caching) when that is current, else compiled from the source and (unless
    /// sys.dont_write_bytecode) cached.</summary>
    public static PyCode LoadModule(ThreadState ts, string sourcePath, string? cachePath)
    {
        long mtime, size;
        try
        {
            var info = new FileInfo(sourcePath);
            size = info.Length;
            mtime = new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeSeconds();
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw PyExc.New(ExceptionTypes.OSError, e.Message);
        }
        if (cachePath != null && TryRead(cachePath, mtime, size, out var cached))
        {
            NoteUse(ts);
            if (cached.Filename != sourcePath) FixFilename(cached, sourcePath);
            return PyCode.For(cached);
        }
        var code = ts.Engine.CompileFile(ts, sourcePath);
        if (cachePath != null && !Ops.IsTrue(ts, ts.Engine.Sys.Get("dont_write_bytecode") ?? PyBool.False)
            && DateTimeOffset.UtcNow.ToUnixTimeSeconds() - mtime >= 2)
        {
            NoteUse(ts);
            TryWrite(cachePath, ToPyc(code.Code, mtime, size));
        }
        return code;
    }

    /// <summary>A cache file's bytes: the header, then the code as marshal writes it.</summary>
    public static byte[] ToPyc(CodeObject code, long mtime, long size)
    {
        var body = CodeObjectSerializer.Serialize(code);
        var pyc = new byte[HeaderSize + 5 + body.Length];
        Magic.CopyTo(pyc, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(pyc.AsSpan(8), (uint)mtime);
        BinaryPrimitives.WriteUInt32LittleEndian(pyc.AsSpan(12), (uint)size);
        pyc[HeaderSize] = CodeObjectSerializer.MarshalTypeCode;
        BinaryPrimitives.WriteInt32LittleEndian(pyc.AsSpan(HeaderSize + 1), body.Length);
        body.CopyTo(pyc, HeaderSize + 5);
        return pyc;
    }

    /// <summary>The code in a cache file that is current for a source of that mtime and size.
    /// Anything else (no file, another build's, a hash-based .pyc, a damaged one) is a miss.</summary>
    static bool TryRead(string cachePath, long mtime, long size, out CodeObject code)
    {
        code = null!;
        try
        {
            if (!File.Exists(cachePath)) return false;
            var data = File.ReadAllBytes(cachePath);
            var d = data.AsSpan();
            if (d.Length < HeaderSize + 5 || !d[..4].SequenceEqual(Magic)
                || BinaryPrimitives.ReadUInt32LittleEndian(d[4..]) != 0
                || BinaryPrimitives.ReadUInt32LittleEndian(d[8..]) != (uint)mtime
                || BinaryPrimitives.ReadUInt32LittleEndian(d[12..]) != (uint)size
                || (d[HeaderSize] & 0x7F) != CodeObjectSerializer.MarshalTypeCode
                || BinaryPrimitives.ReadInt32LittleEndian(d[(HeaderSize + 1)..]) != d.Length - HeaderSize - 5)
                return false;
            code = CodeObjectSerializer.Deserialize(d[(HeaderSize + 5)..]);
            return true;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException
            || e is ArgumentException || e is OverflowException)
        {
            return false;
        }
    }

    /// <summary>Writes a whole file under a temporary name, then renames it into place. Any
    /// failure (a read-only folder, a full disk) leaves things as they were: caching is an
    /// optimisation, never an error.</summary>
    public static bool TryWrite(string path, byte[] data)
    {
        string? tmp = null;
        try
        {
            var dir = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            tmp = $"{path}.{Environment.ProcessId}.{Random.Shared.Next():x}.tmp";
            using (var f = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
                f.Write(data);
            File.Move(tmp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            if (tmp != null) try { File.Delete(tmp); } catch (Exception) { }
            return false;
        }
    }

    /// <summary>Gives `code` and the code objects nested in it another file name (a module
    /// cached under one spelling of its path and imported under another), as CPython's
    /// _imp._fix_co_filename.</summary>
    public static void FixFilename(CodeObject code, string filename)
    {
        var old = code.Filename;
        Fix(code, old, filename, 0);
        static void Fix(CodeObject c, string old, string filename, int depth)
        {
            if (c.Filename != old || depth > 200) return;
            c.Filename = filename;
            foreach (var k in c.Constants) if (k is CodeObject inner) Fix(inner, old, filename, depth + 1);
        }
    }

    static bool s_used;

    /// <summary>Once per process, on the first use of the default cache: keeps this build's
    /// folder's time current (a folder unused for two days is removed when another build's
    /// folder is created), and when this build's folder is new, removes such stale ones.</summary>
    static void NoteUse(ThreadState ts)
    {
        if (s_used) return;
        s_used = true;
        try
        {
            if (ts.Engine.Sys.Get("pycache_prefix") is not PyStr prefix) return;
            var root = UserCacheRoot();
            if (root == null || prefix.Value != Path.Combine(root, BuildStamp)) return;
            var now = DateTime.UtcNow;
            if (!Directory.Exists(prefix.Value))
            {
                Directory.CreateDirectory(prefix.Value);
                foreach (var other in Directory.EnumerateDirectories(root))
                {
                    if (other == prefix.Value || Path.GetFileName(other).Length != BuildStamp.Length) continue;
                    if (now - Directory.GetLastWriteTimeUtc(other) > TimeSpan.FromDays(2))
                        try { Directory.Delete(other, recursive: true); } catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { }
                }
            }
            else if (now - Directory.GetLastWriteTimeUtc(prefix.Value) > TimeSpan.FromHours(1))
                Directory.SetLastWriteTimeUtc(prefix.Value, now);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { }
    }
}
