#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
namespace StacklessIron.Modules.Expat;

/// <summary>`pyexpat.xmlparser`: an Expat parser whose events call the Python handlers set as
/// attributes (StartElementHandler ...). Character data can be buffered (buffer_text) and
/// attributes passed as a flat list (ordered_attributes), as ElementTree, plistlib and
/// xmlrpc use them. An exception in a handler stops the parser and is raised by Parse.</summary>
[PyType("xmlparser")]
public sealed unsafe class PyXmlParser : PyObject
{

    internal enum H
    {
        StartElement, EndElement, CharacterData, ProcessingInstruction, Comment, StartNamespaceDecl, EndNamespaceDecl,
        Default, DefaultExpand, StartCdataSection, EndCdataSection, XmlDecl, StartDoctypeDecl, EndDoctypeDecl, EntityDecl, Count
    }
    static readonly string[] s_names = {
        "StartElementHandler", "EndElementHandler", "CharacterDataHandler", "ProcessingInstructionHandler", "CommentHandler",
        "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "DefaultHandler", "DefaultHandlerExpand",
        "StartCdataSectionHandler", "EndCdataSectionHandler", "XmlDeclHandler", "StartDoctypeDeclHandler",
        "EndDoctypeDeclHandler", "EntityDeclHandler" };
    // After s_names: building the type runs InitType, which reads them.
    public static readonly PyType TypeObject = PyType.Builtin("xmlparser", typeof(PyXmlParser), subclassable: false, module: "pyexpat");

    IntPtr _parser;
    readonly GCHandle _self;
    readonly PyObject?[] _handlers = new PyObject?[(int)H.Count];
    ThreadState? _ts;
    Exception? _pending;
    internal bool BufferText, OrderedAttributes, SpecifiedAttributes, NamespacePrefixes;
    internal int BufferSize = 8192;
    readonly MemoryStream _buffer = new();
    readonly PyDict _intern = new();

    internal PyXmlParser(IntPtr parser) : base(TypeObject)
    {
        _parser = parser;
        _self = GCHandle.Alloc(this, GCHandleType.Weak);
        LibExpat.XML_SetUserData(parser, GCHandle.ToIntPtr(_self));
    }

    ~PyXmlParser()
    {
        if (_parser != IntPtr.Zero) LibExpat.XML_ParserFree(_parser);
        if (_self.IsAllocated) _self.Free();
    }

    public static void InitType(PyType t)
    {
        for (int i = 0; i < s_names.Length; i++)
        {
            int k = i;
            t.Namespace.SetStr(s_names[i], new PyGetSetDescriptor(t, s_names[i],
                (ts, o) => ((PyXmlParser)o)._handlers[k] ?? PyNone.Value,
                (ts, o, v) => ((PyXmlParser)o).SetHandler((H)k, v == null || v == PyNone.Value ? null : v)));
        }
    }

    void SetHandler(H which, PyObject? handler)
    {
        // Text gathered for the old character handler goes to it before it is replaced.
        if (which == H.CharacterData && _ts != null) Flush();
        _handlers[(int)which] = handler;
        bool on = handler != null;
        var p = _parser;
        switch (which)
        {
            case H.StartElement: LibExpat.XML_SetStartElementHandler(p, on ? &OnStartElement : null); break;
            case H.EndElement: LibExpat.XML_SetEndElementHandler(p, on ? &OnEndElement : null); break;
            case H.CharacterData: LibExpat.XML_SetCharacterDataHandler(p, on ? &OnCharacterData : null); break;
            case H.ProcessingInstruction: LibExpat.XML_SetProcessingInstructionHandler(p, on ? &OnProcessingInstruction : null); break;
            case H.Comment: LibExpat.XML_SetCommentHandler(p, on ? &OnComment : null); break;
            case H.StartNamespaceDecl: LibExpat.XML_SetStartNamespaceDeclHandler(p, on ? &OnStartNamespaceDecl : null); break;
            case H.EndNamespaceDecl: LibExpat.XML_SetEndNamespaceDeclHandler(p, on ? &OnEndNamespaceDecl : null); break;
            case H.Default: LibExpat.XML_SetDefaultHandler(p, on ? &OnDefault : null); break;
            case H.DefaultExpand: LibExpat.XML_SetDefaultHandlerExpand(p, on ? &OnDefaultExpand : null); break;
            case H.StartCdataSection: LibExpat.XML_SetStartCdataSectionHandler(p, on ? &OnStartCdataSection : null); break;
            case H.EndCdataSection: LibExpat.XML_SetEndCdataSectionHandler(p, on ? &OnEndCdataSection : null); break;
            case H.XmlDecl: LibExpat.XML_SetXmlDeclHandler(p, on ? &OnXmlDecl : null); break;
            case H.StartDoctypeDecl: LibExpat.XML_SetStartDoctypeDeclHandler(p, on ? &OnStartDoctypeDecl : null); break;
            case H.EndDoctypeDecl: LibExpat.XML_SetEndDoctypeDeclHandler(p, on ? &OnEndDoctypeDecl : null); break;
            case H.EntityDecl: LibExpat.XML_SetEntityDeclHandler(p, on ? &OnEntityDecl : null); break;
        }
    }

    // ---------------- dispatch from Expat ----------------

    static PyXmlParser? From(IntPtr userData) => GCHandle.FromIntPtr(userData).Target as PyXmlParser;

    /// <summary>Calls handler `which` with `args` (after flushing buffered text); an exception
    /// is kept for Parse to raise and the parser is stopped, since it cannot cross Expat.</summary>
    void Call(H which, Func<PyObject[]> args)
    {
        if (_pending != null || _ts == null) return;
        try
        {
            Flush();
            var h = _handlers[(int)which];
            if (h != null) Ops.Call(_ts, h, args());
        }
        catch (Exception e)
        {
            _pending = e;
            LibExpat.XML_StopParser(_parser, 0);
        }
    }

    /// <summary>Hands buffered character data to the character handler.</summary>
    void Flush()
    {
        if (_buffer.Length == 0) return;
        var text = Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length);
        _buffer.SetLength(0);
        var h = _handlers[(int)H.CharacterData];
        if (h != null) Ops.Call(_ts!, h, new PyStr(text));
    }

    static PyObject Str(byte* s) => s == null ? PyNone.Value : new PyStr(LibExpat.Str(s)!);

    [UnmanagedCallersOnly]
    static void OnStartElement(IntPtr ud, byte* name, byte** atts)
    {
        var self = From(ud);
        self?.Call(H.StartElement, () =>
        {
            var n = Str(name);
            if (self.OrderedAttributes)
            {
                var l = new PyList();
                for (int i = 0; atts[i] != null; i++) l.Append(Str(atts[i]));
                return new[] { n, l };
            }
            var d = new PyDict();
            for (int i = 0; atts[i] != null; i += 2) d.SetItem(self._ts!, Str(atts[i]), Str(atts[i + 1]));
            return new[] { n, d };
        });
    }

    [UnmanagedCallersOnly] static void OnEndElement(IntPtr ud, byte* name) => From(ud)?.Call(H.EndElement, () => new[] { Str(name) });

    [UnmanagedCallersOnly]
    static void OnCharacterData(IntPtr ud, byte* s, int len)
    {
        var self = From(ud);
        if (self == null || self._pending != null) return;
        if (!self.BufferText) { self.Call(H.CharacterData, () => new PyObject[] { new PyStr(LibExpat.Str(s, len)) }); return; }
        try
        {
            if (self._buffer.Length + len > self.BufferSize) self.Flush();
            if (len > self.BufferSize)
            {
                var h = self._handlers[(int)H.CharacterData];
                if (h != null) Ops.Call(self._ts!, h, new PyStr(LibExpat.Str(s, len)));
            }
            else self._buffer.Write(new ReadOnlySpan<byte>(s, len));
        }
        catch (Exception e)
        {
            self._pending = e;
            LibExpat.XML_StopParser(self._parser, 0);
        }
    }

    [UnmanagedCallersOnly] static void OnProcessingInstruction(IntPtr ud, byte* target, byte* data) => From(ud)?.Call(H.ProcessingInstruction, () => new[] { Str(target), Str(data) });
    [UnmanagedCallersOnly] static void OnComment(IntPtr ud, byte* data) => From(ud)?.Call(H.Comment, () => new[] { Str(data) });
    [UnmanagedCallersOnly] static void OnStartNamespaceDecl(IntPtr ud, byte* prefix, byte* uri) => From(ud)?.Call(H.StartNamespaceDecl, () => new[] { Str(prefix), Str(uri) });
    [UnmanagedCallersOnly] static void OnEndNamespaceDecl(IntPtr ud, byte* prefix) => From(ud)?.Call(H.EndNamespaceDecl, () => new[] { Str(prefix) });
    [UnmanagedCallersOnly] static void OnDefault(IntPtr ud, byte* s, int len) => From(ud)?.Call(H.Default, () => new PyObject[] { new PyStr(LibExpat.Str(s, len)) });
    [UnmanagedCallersOnly] static void OnDefaultExpand(IntPtr ud, byte* s, int len) => From(ud)?.Call(H.DefaultExpand, () => new PyObject[] { new PyStr(LibExpat.Str(s, len)) });
    [UnmanagedCallersOnly] static void OnStartCdataSection(IntPtr ud) => From(ud)?.Call(H.StartCdataSection, () => Array.Empty<PyObject>());
    [UnmanagedCallersOnly] static void OnEndCdataSection(IntPtr ud) => From(ud)?.Call(H.EndCdataSection, () => Array.Empty<PyObject>());
    [UnmanagedCallersOnly] static void OnXmlDecl(IntPtr ud, byte* version, byte* encoding, int standalone) => From(ud)?.Call(H.XmlDecl, () => new[] { Str(version), Str(encoding), PyInt.From(standalone) });
    [UnmanagedCallersOnly] static void OnStartDoctypeDecl(IntPtr ud, byte* name, byte* sysid, byte* pubid, int internalSubset) => From(ud)?.Call(H.StartDoctypeDecl, () => new[] { Str(name), Str(sysid), Str(pubid), PyInt.From(internalSubset) });
    [UnmanagedCallersOnly] static void OnEndDoctypeDecl(IntPtr ud) => From(ud)?.Call(H.EndDoctypeDecl, () => Array.Empty<PyObject>());

    [UnmanagedCallersOnly]
    static void OnEntityDecl(IntPtr ud, byte* name, int isParameter, byte* value, int valueLength, byte* baseUri, byte* systemId, byte* publicId, byte* notation)
        => From(ud)?.Call(H.EntityDecl, () => new[] {
            Str(name), PyInt.From(isParameter), value == null ? PyNone.Value : new PyStr(LibExpat.Str(value, valueLength)),
            Str(baseUri), Str(systemId), Str(publicId), Str(notation) });

    // ---------------- parsing ----------------

    PyObject Feed(ThreadState ts, ReadOnlySpan<byte> data, bool isFinal)
    {
        _ts = ts;
        _pending = null;
        int rc = 1;
        fixed (byte* p = data)
        {
            int done = 0;
            do
            {
                int n = Math.Min(data.Length - done, 1 << 30);
                bool last = isFinal && done + n == data.Length;
                rc = LibExpat.XML_Parse(_parser, p + done, n, last ? 1 : 0);
                done += n;
            } while (rc != 0 && done < data.Length);
        }
        if (_pending != null)
        {
            var e = _pending;
            _pending = null;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
        }
        if (rc == LibExpat.XML_STATUS_ERROR)
        {
            int code = LibExpat.XML_GetErrorCode(_parser);
            throw ExpatModule.Error(code, (long)LibExpat.XML_GetCurrentLineNumber(_parser), (long)LibExpat.XML_GetCurrentColumnNumber(_parser));
        }
        Flush();
        return PyInt.From(rc);
    }

    [PyMethod]
    static PyObject Parse(ThreadState ts, PyXmlParser self, PyObject data, bool isfinal = false)
    {
        if (data is PyStr s)
        {
            LibExpat.XML_SetEncoding(self._parser, Encoding.ASCII.GetBytes("utf-8\0"));
            return self.Feed(ts, Encoding.UTF8.GetBytes(s.Value), isfinal);
        }
        return self.Feed(ts, PyBytes.Buffer(data).ToArray(), isfinal);
    }

    [PyMethod]
    static PyObject ParseFile(ThreadState ts, PyXmlParser self, PyObject file)
    {
        var read = Ops.GetAttrOrNull(ts, file, PyStr.Intern("read")) ?? throw PyExc.TypeError("argument must have 'read' attribute");
        while (true)
        {
            var chunk = Ops.Call(ts, read, PyInt.From(64 * 1024));
            byte[] bytes = chunk is PyStr cs ? Encoding.UTF8.GetBytes(cs.Value)
                : PyBytes.TryGetBuffer(chunk, out var m) ? m.ToArray()
                : throw PyExc.TypeError($"read() did not return a bytes object (type={chunk.Type.Name})");
            if (bytes.Length == 0) return self.Feed(ts, bytes, true);
            self.Feed(ts, bytes, false);
        }
    }

    [PyMethod]
    static long SetParamEntityParsing(ThreadState ts, PyXmlParser self, int flag) => LibExpat.XML_SetParamEntityParsing(self._parser, flag);

    [PyMethod]
    static void UseForeignDTD(ThreadState ts, PyXmlParser self, bool flag = true) => LibExpat.XML_UseForeignDTD(self._parser, (byte)(flag ? 1 : 0));

    [PyGetter("ErrorCode")] static PyObject ErrorCode(ThreadState ts, PyObject o) => PyInt.From(LibExpat.XML_GetErrorCode(((PyXmlParser)o)._parser));
    [PyGetter("ErrorLineNumber")] static PyObject ErrorLine(ThreadState ts, PyObject o) => PyInt.From((long)LibExpat.XML_GetCurrentLineNumber(((PyXmlParser)o)._parser));
    [PyGetter("ErrorColumnNumber")] static PyObject ErrorColumn(ThreadState ts, PyObject o) => PyInt.From((long)LibExpat.XML_GetCurrentColumnNumber(((PyXmlParser)o)._parser));
    [PyGetter("ErrorByteIndex")] static PyObject ErrorByte(ThreadState ts, PyObject o) => PyInt.From(LibExpat.XML_GetCurrentByteIndex(((PyXmlParser)o)._parser));
    [PyGetter("CurrentLineNumber")] static PyObject CurLine(ThreadState ts, PyObject o) => PyInt.From((long)LibExpat.XML_GetCurrentLineNumber(((PyXmlParser)o)._parser));
    [PyGetter("CurrentColumnNumber")] static PyObject CurColumn(ThreadState ts, PyObject o) => PyInt.From((long)LibExpat.XML_GetCurrentColumnNumber(((PyXmlParser)o)._parser));
    [PyGetter("CurrentByteIndex")] static PyObject CurByte(ThreadState ts, PyObject o) => PyInt.From(LibExpat.XML_GetCurrentByteIndex(((PyXmlParser)o)._parser));
    [PyGetter("intern")] static PyObject Intern(ThreadState ts, PyObject o) => ((PyXmlParser)o)._intern;
    [PyGetter("buffer_used")] static PyObject BufferUsed(ThreadState ts, PyObject o) => PyInt.From(((PyXmlParser)o)._buffer.Length);

    [PyGetter("buffer_text")] static PyObject GetBufferText(ThreadState ts, PyObject o) => PyBool.From(((PyXmlParser)o).BufferText);
    [PySetter("buffer_text")]
    static void SetBufferText(ThreadState ts, PyObject o, PyObject? v)
    {
        var p = (PyXmlParser)o;
        if (v == null) throw PyExc.RuntimeError("Cannot delete attribute");
        bool on = Ops.IsTrue(ts, v);
        if (!on && p._ts != null) p.Flush();
        p.BufferText = on;
    }

    [PyGetter("buffer_size")] static PyObject GetBufferSize(ThreadState ts, PyObject o) => PyInt.From(((PyXmlParser)o).BufferSize);
    [PySetter("buffer_size")]
    static void SetBufferSize(ThreadState ts, PyObject o, PyObject? v)
    {
        var p = (PyXmlParser)o;
        if (v is not PyInt i) throw PyExc.TypeError("buffer_size must be an integer");
        if (!i.FitsLong || i.Small <= 0) throw PyExc.ValueError("buffer_size must be greater than zero");
        if (i.Small > int.MaxValue) throw PyExc.ValueError($"buffer_size must not be greater than {int.MaxValue}");
        if (p._ts != null) p.Flush();
        p.BufferSize = (int)i.Small;
    }

    [PyGetter("ordered_attributes")] static PyObject GetOrdered(ThreadState ts, PyObject o) => PyBool.From(((PyXmlParser)o).OrderedAttributes);
    [PySetter("ordered_attributes")] static void SetOrdered(ThreadState ts, PyObject o, PyObject? v) => ((PyXmlParser)o).OrderedAttributes = v != null && Ops.IsTrue(ts, v);
    [PyGetter("specified_attributes")] static PyObject GetSpecified(ThreadState ts, PyObject o) => PyBool.From(((PyXmlParser)o).SpecifiedAttributes);
    [PySetter("specified_attributes")] static void SetSpecified(ThreadState ts, PyObject o, PyObject? v) => ((PyXmlParser)o).SpecifiedAttributes = v != null && Ops.IsTrue(ts, v);
    [PyGetter("namespace_prefixes")] static PyObject GetPrefixes(ThreadState ts, PyObject o) => PyBool.From(((PyXmlParser)o).NamespacePrefixes);
    [PySetter("namespace_prefixes")]
    static void SetPrefixes(ThreadState ts, PyObject o, PyObject? v)
    {
        var p = (PyXmlParser)o;
        p.NamespacePrefixes = v != null && Ops.IsTrue(ts, v);
        LibExpat.XML_SetReturnNSTriplet(p._parser, p.NamespacePrefixes ? 1 : 0);
    }
}
