# A hand-written JSON-like serializer and pretty printer plus a tiny parser.
def dumps(v, indent=0, step=2):
    pad = " " * indent
    if v is None: return "null"
    if v is True: return "true"
    if v is False: return "false"
    if isinstance(v, (int, float)): return repr(v)
    if isinstance(v, str):
        out = '"'
        for ch in v:
            if ch == '"': out += '\\"'
            elif ch == "\\": out += "\\\\"
            elif ch == "\n": out += "\\n"
            elif ord(ch) < 32: out += "\\u%04x" % ord(ch)
            else: out += ch
        return out + '"'
    if isinstance(v, (list, tuple)):
        if not v: return "[]"
        inner = [" " * (indent + step) + dumps(x, indent + step, step) for x in v]
        return "[\n" + ",\n".join(inner) + "\n" + pad + "]"
    if isinstance(v, dict):
        if not v: return "{}"
        inner = [" " * (indent + step) + dumps(str(k)) + ": " + dumps(x, indent + step, step) for k, x in v.items()]
        return "{\n" + ",\n".join(inner) + "\n" + pad + "}"
    raise TypeError("cannot serialize " + type(v).__name__)
def parse(s):
    pos = [0]
    def ws():
        while pos[0] < len(s) and s[pos[0]] in " \n\t": pos[0] += 1
    def val():
        ws(); c = s[pos[0]]
        if c == "{":
            pos[0] += 1; d = {}; ws()
            if s[pos[0]] == "}": pos[0] += 1; return d
            while True:
                ws(); k = val(); ws(); assert s[pos[0]] == ":"; pos[0] += 1
                d[k] = val(); ws()
                if s[pos[0]] == ",": pos[0] += 1; continue
                pos[0] += 1; return d
        if c == "[":
            pos[0] += 1; l = []; ws()
            if s[pos[0]] == "]": pos[0] += 1; return l
            while True:
                l.append(val()); ws()
                if s[pos[0]] == ",": pos[0] += 1; continue
                pos[0] += 1; return l
        if c == '"':
            pos[0] += 1; out = ""
            while s[pos[0]] != '"':
                if s[pos[0]] == "\\":
                    pos[0] += 1; e = s[pos[0]]
                    out += {"n": "\n", '"': '"', "\\": "\\"}.get(e, e)
                else:
                    out += s[pos[0]]
                pos[0] += 1
            pos[0] += 1; return out
        for lit, v in (("null", None), ("true", True), ("false", False)):
            if s.startswith(lit, pos[0]): pos[0] += len(lit); return v
        j = pos[0]
        while j < len(s) and s[j] in "-0123456789.e": j += 1
        t = s[pos[0]:j]; pos[0] = j
        return float(t) if "." in t or "e" in t else int(t)
    return val()
doc = {"name": "widget", "id": 1234, "tags": ["a", "b\n", 'q"uote'], "dims": {"w": 2.5, "h": -1, "deep": [[], {}, [None, True, False]]}, "empty": ""}
text = dumps(doc)
print(text)
back = parse(text)
print(back == doc, back["dims"]["deep"], dumps([1, [2, [3]]], step=1))
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print("TE", e)
print(parse('  {"a": [1, 2.5, -3], "b": {"c": null}} '))
