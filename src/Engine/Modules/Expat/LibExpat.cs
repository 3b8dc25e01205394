#nullable enable
using System;
using System.Runtime.InteropServices;
namespace StacklessIron.Modules.Expat;

/// <summary>The functions of the system's libexpat.so.1 (XML_Char is UTF-8 char) that pyexpat
/// calls. Handlers are unmanaged function pointers; their user data is a GCHandle.</summary>
internal static unsafe class LibExpat
{
    const string Lib = "libexpat.so.1";
    public const int XML_STATUS_ERROR = 0;

    [DllImport(Lib)] public static extern IntPtr XML_ParserCreate(byte[]? encoding);
    [DllImport(Lib)] public static extern IntPtr XML_ParserCreateNS(byte[]? encoding, byte sep);
    [DllImport(Lib)] public static extern void XML_ParserFree(IntPtr p);
    [DllImport(Lib)] public static extern void XML_SetUserData(IntPtr p, IntPtr data);
    [DllImport(Lib)] public static extern int XML_Parse(IntPtr p, byte* s, int len, int isFinal);
    [DllImport(Lib)] public static extern int XML_StopParser(IntPtr p, byte resumable);
    [DllImport(Lib)] public static extern int XML_SetEncoding(IntPtr p, byte[] encoding);
    [DllImport(Lib)] public static extern int XML_GetErrorCode(IntPtr p);
    [DllImport(Lib)] public static extern IntPtr XML_ErrorString(int code);
    [DllImport(Lib)] public static extern ulong XML_GetCurrentLineNumber(IntPtr p);
    [DllImport(Lib)] public static extern ulong XML_GetCurrentColumnNumber(IntPtr p);
    [DllImport(Lib)] public static extern long XML_GetCurrentByteIndex(IntPtr p);
    [DllImport(Lib)] public static extern IntPtr XML_ExpatVersion();
    [DllImport(Lib)] public static extern IntPtr XML_GetFeatureList();
    [DllImport(Lib)] public static extern int XML_SetParamEntityParsing(IntPtr p, int parsing);
    [DllImport(Lib)] public static extern int XML_UseForeignDTD(IntPtr p, byte useDTD);
    [DllImport(Lib)] public static extern void XML_SetReturnNSTriplet(IntPtr p, int doNst);

    [DllImport(Lib)] public static extern void XML_SetStartElementHandler(IntPtr p, delegate* unmanaged<IntPtr, byte*, byte**, void> h);
    [DllImport(Lib)] public static extern void XML_SetEndElementHandler(IntPtr p, delegate* unmanaged<IntPtr, byte*, void> h);
    [DllImport(Lib)] public static extern void XML_SetCharacterDataHandler(IntPtr p, delegate* unmanaged<IntPtr, byte*, int, void> h);
    [DllImport(Lib)] public static extern void XML_SetProcessingInstructionHandler(IntPtr p, delegate* unmanaged<IntPtr, byte*, byte*, void> h);
    [DllImport(Lib)] public static extern void XML_SetCommentHandler(IntPtr p, delegate* unmanaged<IntPtr, byte*, void> h);
    [DllImport(Lib)] public static extern void XML_SetStartNamespaceDeclHandler(IntPtr p, delegate* unmanaged<IntPtr, byte*, byte*, void> h);
    [DllImport(Lib)] public static extern void XML_SetEndNamespaceDeclHandler(IntPtr p, delegate* unmanaged<IntPtr, byte*, void> h);
    [DllImport(Lib)] public static extern void XML_SetDefaultHandler(IntPtr p, delegate* unmanaged<IntPtr, byte*, int, void> h);
    [DllImport(Lib)] public static extern void XML_SetDefaultHandlerExpand(IntPtr p, delegate* unmanaged<IntPtr, byte*, int, void> h);
    [DllImport(Lib)] public static extern void XML_SetStartCdataSectionHandler(IntPtr p, delegate* unmanaged<IntPtr, void> h);
    [DllImport(Lib)] public static extern void XML_SetEndCdataSectionHandler(IntPtr p, delegate* unmanaged<IntPtr, void> h);
    [DllImport(Lib)] public static extern void XML_SetXmlDeclHandler(IntPtr p, delegate* unmanaged<IntPtr, byte*, byte*, int, void> h);
    [DllImport(Lib)] public static extern void XML_SetStartDoctypeDeclHandler(IntPtr p, delegate* unmanaged<IntPtr, byte*, byte*, byte*, int, void> h);
    [DllImport(Lib)] public static extern void XML_SetEndDoctypeDeclHandler(IntPtr p, delegate* unmanaged<IntPtr, void> h);
    [DllImport(Lib)] public static extern void XML_SetEntityDeclHandler(IntPtr p, delegate* unmanaged<IntPtr, byte*, int, byte*, int, byte*, byte*, byte*, byte*, void> h);

    public static string? Str(byte* s) => s == null ? null : Marshal.PtrToStringUTF8((IntPtr)s);
    public static string Str(byte* s, int len) => System.Text.Encoding.UTF8.GetString(s, len);
    public static string? ErrorString(int code) => Marshal.PtrToStringUTF8(XML_ErrorString(code));
}
