#nullable enable
using System;
using System.Runtime.InteropServices;
using System.Text;
using StacklessIron.Modules.Posix;
namespace StacklessIron.Modules.Crypt;

/// <summary>The `_crypt` module under crypt.py: crypt(3) of the system's libcrypt.so.1
/// (libxcrypt), reentrant through crypt_r with its own state per call.</summary>
public static unsafe class CryptModule
{
    const int CryptDataSize = 32768;   // sizeof(struct crypt_data) in libxcrypt

    [DllImport("libcrypt.so.1", SetLastError = true)]
    static extern byte* crypt_r(byte[] phrase, byte[] setting, void* data);

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule("_crypt");
        NativeMembers.FillModule(m, typeof(CryptModule));
        return m;
    }

    public static void Register() => Importer.NativeModules["_crypt"] = Create;

    static byte[] Terminated(string s)
    {
        if (s.IndexOf('\0') >= 0) throw PyExc.ValueError("embedded null character");
        var b = Encoding.UTF8.GetBytes(s);
        Array.Resize(ref b, b.Length + 1);
        return b;
    }

    [PyMethod]
    static PyObject crypt(ThreadState ts, PyObject word, PyObject salt)
    {
        var w = Terminated(word is PyStr ws ? ws.Value : throw PyExc.TypeError($"crypt() argument 1 must be str, not {word.Type.Name}"));
        var s = Terminated(salt is PyStr ss ? ss.Value : throw PyExc.TypeError($"crypt() argument 2 must be str, not {salt.Type.Name}"));
        void* data = NativeMemory.AllocZeroed(CryptDataSize);
        try
        {
            byte* r = crypt_r(w, s, data);
            if (r == null) throw PosixErrors.FromErrno(Marshal.GetLastPInvokeError());
            return new PyStr(Marshal.PtrToStringUTF8((IntPtr)r)!);
        }
        finally { NativeMemory.Free(data); }
    }
}
