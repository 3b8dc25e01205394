# pyexpat under xml.parsers.expat, xml.etree.ElementTree, plistlib and xmlrpc: handlers,
# namespaces, buffered text, ordered attributes, entities, incremental feeding, errors.
import io, plistlib, xml.parsers.expat as expat
import xml.etree.ElementTree as ET
import xmlrpc.client

events = []
p = expat.ParserCreate()
p.StartElementHandler = lambda name, attrs: events.append(("start", name, attrs))
p.EndElementHandler = lambda name: events.append(("end", name))
p.CharacterDataHandler = lambda data: events.append(("data", data))
p.CommentHandler = lambda c: events.append(("comment", c))
p.ProcessingInstructionHandler = lambda t, d: events.append(("pi", t, d))
p.XmlDeclHandler = lambda v, e, s: events.append(("xmldecl", v, e, s))
p.StartCdataSectionHandler = lambda: events.append(("cdata-start",))
p.EndCdataSectionHandler = lambda: events.append(("cdata-end",))
doc = b'<?xml version="1.0" encoding="utf-8"?>\n<root a="1" b="two"><!-- note --><?go now?><item>x &amp; y</item><![CDATA[<raw>]]>caf\xc3\xa9</root>'
print(p.Parse(doc, True))
for e in events:
    print(e)
print(p.ErrorCode, p.CurrentLineNumber, p.buffer_text, p.ordered_attributes, p.StartElementHandler is not None)

# buffered text and ordered attributes, fed in pieces
out = []
p = expat.ParserCreate()
p.buffer_text = True
p.ordered_attributes = True
p.StartElementHandler = lambda n, a: out.append((n, a))
p.CharacterDataHandler = out.append
for piece in [b"<a x='1' y='2'>he", b"llo ", b"wor", b"ld<b/>", b"!</a>"]:
    p.Parse(piece)
p.Parse(b"", True)
print(out, p.buffer_size, p.buffer_used)

# namespaces
ns = []
p = expat.ParserCreate(namespace_separator="}")
p.StartNamespaceDeclHandler = lambda prefix, uri: ns.append(("ns", prefix, uri))
p.StartElementHandler = lambda n, a: ns.append((n, a))
p.Parse('<r xmlns="urn:d" xmlns:q="urn:q"><q:e q:at="v"/></r>', True)
print(ns)

# errors
def err(data, **kw):
    p = expat.ParserCreate(**kw)
    try:
        p.Parse(data, True)
        print("ok")
    except expat.ExpatError as e:
        print("ExpatError", e, e.code, e.lineno, e.offset, expat.ErrorString(e.code) == expat.errors.messages[e.code])
err(b"<a><b></a>")
err(b"<a>\n  <b>\n</a>")
err(b"")
err(b"<a/><b/>")
err(b"<a>&undefined;</a>")
err(b'<a x="1" x="2"/>')
print(expat.errors.XML_ERROR_SYNTAX, expat.errors.codes[expat.errors.XML_ERROR_TAG_MISMATCH], expat.model.XML_CTYPE_SEQ)
def boom(name, attrs):
    raise ValueError("handler failed on " + name)
p = expat.ParserCreate()
p.StartElementHandler = boom
try:
    p.Parse(b"<a><b/></a>", True)
except ValueError as e:
    print("ValueError", e)
p = expat.ParserCreate()
p.Parse(b"<a/>", True)
try:
    p.Parse(b"<b/>", True)
except expat.ExpatError as e:
    print("ExpatError", e.code)
try:
    expat.ParserCreate(namespace_separator="ab")
except ValueError as e:
    print("ValueError", e)
print(expat.EXPAT_VERSION.startswith("expat_"), len(expat.version_info), expat.native_encoding)

# ElementTree
xml_text = """<?xml version="1.0"?>
<catalog xmlns:x="urn:extra">
  <book id="b1" lang="en"><title>Dune</title><price>9.99</price><x:tag>sf</x:tag></book>
  <book id="b2"><title>Emma &amp; Co</title><price>5</price></book>
  <!-- comment -->
</catalog>"""
root = ET.fromstring(xml_text)
print(root.tag, len(root), [b.get("id") for b in root.findall("book")], root.find("book/title").text)
print([e.tag for e in root.iter()], root[0].attrib, root[1].find("title").text)
print(sum(float(p.text) for p in root.iter("price")), root.find("book/{urn:extra}tag").text)
tree = ET.ElementTree(root)
buf = io.BytesIO()
tree.write(buf, encoding="utf-8", xml_declaration=True)
print(buf.getvalue()[:60])
print(ET.tostring(ET.fromstring("<a><b c='1'>t</b>tail</a>")))
events = [(ev, el.tag) for ev, el in ET.iterparse(io.BytesIO(xml_text.encode()), events=("start", "end"))]
print(events[:4], len(events))
pp = ET.XMLPullParser(events=("start", "end", "start-ns"))
pp.feed("<r xmlns:p='urn:p'><p:c>1</p:c>")
pp.feed("</r>")
print([(ev, el if ev == "start-ns" else el.tag) for ev, el in pp.read_events()])
try:
    ET.fromstring("<a><b></a>")
except ET.ParseError as e:
    print("ParseError", e, e.code, e.position)
parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
parser.feed("<r><!--c--><?p d?>text</r>")
r = parser.close()
print([type(c.tag).__name__ if not isinstance(c.tag, str) else c.tag for c in r], r.text)

# plistlib (XML format)
data = {"name": "StacklessIron", "version": 3, "ratio": 0.5, "ok": True, "items": [1, "two", {"three": 3}], "blob": b"\x00\x01"}
xml_plist = plistlib.dumps(data)
print(xml_plist.splitlines()[0], plistlib.loads(xml_plist) == data)
print(plistlib.loads(plistlib.dumps(data, fmt=plistlib.FMT_BINARY)) == data)

# xmlrpc marshalling
payload = xmlrpc.client.dumps((1, "two", [3.0, True], {"k": None}), "method", allow_none=True)
print(xmlrpc.client.loads(payload, use_builtin_types=True))
