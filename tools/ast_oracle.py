#!/usr/bin/python3.11
"""CPython 3.11 as the parser's oracle, for cstests (StdlibParseTests, ParserFuzzTests).

  ast_oracle.py hashes ROOT      one JSON line per .py file under ROOT (sorted, relative path):
                                 {"path", "ok": true, "sha256", "chars", "utf16_ambiguous"} for the sha256
                                 of the UTF-8 (surrogatepass) of ast.dump(ast.parse(bytes),
                                 include_attributes=True) (utf16_ambiguous: a str constant holds a
                                 surrogate pair of code points, which a .NET string cannot keep apart
                                 from the astral code point),
                                 or {"path", "ok": false, "kind", "lineno", "msg"} when ast.parse raises.
                                 Cached under ~/.cache/stackless-iron/, keyed by this script, the
                                 Python version and every file's path, size and mtime.
  ast_oracle.py dump FILE        prints that dump of one file (to find where ours differs).
  ast_oracle.py verdicts IN OUT  IN: JSON lines, each a source string; OUT: one JSON line each,
                                 {"ok": true, "sha256", "utf16_ambiguous"} (as for hashes) or
                                 {"ok": false, "kind", "lineno", "msg"}.
  ast_oracle.py trees IN OUT      IN: file paths, one a line; OUT: one JSON line each, {"path", "tree",
                                 "dump"}: CPython's AST as typed JSON (see encode_tree) and its dump
                                 with attributes, or {"path", "error"}. Lets the tests rebuild the
                                 exact tree in C# and check AstDump without our parser.
  ast_oracle.py snippets ROOT OUT  code snippets from CPython's own syntax tests under ROOT/test (every
                                 str constant, and every doctest example, of the files in
                                 SNIPPET_SOURCES), each with ast.parse's verdict: one JSON line each,
                                 {"origin", "hex": UTF-8 (surrogatepass) of the snippet, verdict...}.
Verdicts carry "offset" (SyntaxError.offset) too.
Warnings are ignored: ast.parse's verdict is what is compared.
"""
import ast
import contextlib
import hashlib
import json
import os
import re
import sys
import warnings


def verdict(source):
    """ast.parse's outcome for source (bytes or str): (tree or None, error dict or None)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(source), None
    except SyntaxError as e:  # IndentationError and TabError are subclasses
        return None, {"ok": False, "kind": type(e).__name__, "lineno": e.lineno, "offset": e.offset, "msg": e.msg}
    except (ValueError, MemoryError, RecursionError, OverflowError) as e:
        # Not a syntax error in CPython (e.g. 3.11's ValueError for NUL bytes in the source):
        # reported with its class, lineno None; the tests decide what to expect from us.
        return None, {"ok": False, "kind": type(e).__name__, "lineno": None, "msg": str(e)}


SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def needs_code_points(tree):
    """True when a str in the tree holds a high surrogate code point followed by a low one:
    a .NET (UTF-16) string cannot hold that str apart from the astral code point they encode."""
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and SURROGATE_PAIR.search(n.value)
               for n in ast.walk(tree))


@contextlib.contextmanager
def lifted_limits():
    """Limits that also decide ast.parse's verdict, lifted only while a parsed tree is dumped or
    encoded: the int-to-str digit limit (it rejects long decimal literals, but would also stop
    repr() of a huge hex literal's value) and the recursion limit (3.11 scales its AST depth
    limit, about 3,000, with it; ast.dump recurses once per level)."""
    digits, depth = sys.get_int_max_str_digits(), sys.getrecursionlimit()
    sys.set_int_max_str_digits(0)
    sys.setrecursionlimit(100000)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(digits)
        sys.setrecursionlimit(depth)


def dump_of(tree):
    with lifted_limits():
        return ast.dump(tree, include_attributes=True)


def list_files(root):
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in filenames:
            if name.endswith(".py"):
                files.append(os.path.join(dirpath, name))
    files.sort(key=lambda p: os.path.relpath(p, root))
    return files


def cache_path(root, files):
    key = hashlib.sha256()
    with open(__file__, "rb") as f:
        key.update(f.read())
    key.update(sys.version.encode())
    key.update(os.path.abspath(root).encode())
    for path in files:
        st = os.stat(path)
        key.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    folder = os.path.join(os.path.expanduser("~"), ".cache", "stackless-iron")
    return os.path.join(folder, f"ast_oracle-{key.hexdigest()[:32]}.jsonl")


def hashes(root):
    files = list_files(root)
    cached = cache_path(root, files)
    if os.path.exists(cached):
        with open(cached, "r", encoding="utf-8") as f:
            sys.stdout.write(f.read())
        return
    lines = []
    for path in files:
        with open(path, "rb") as f:
            source = f.read()
        rel = os.path.relpath(path, root)
        tree, error = verdict(source)
        if tree is not None:
            try:
                text = dump_of(tree)
            except RecursionError:
                error = {"ok": False, "kind": "DumpRecursionError", "lineno": None, "msg": "ast.dump too deep"}
        if error is not None:
            record = dict(path=rel, **error)
        else:
            data = text.encode("utf-8", "surrogatepass")
            record = {"path": rel, "ok": True, "sha256": hashlib.sha256(data).hexdigest(), "chars": len(text),
                      "utf16_ambiguous": needs_code_points(tree)}
        lines.append(json.dumps(record) + "\n")
    os.makedirs(os.path.dirname(cached), exist_ok=True)
    tmp = cached + f".{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.writelines(lines)
    os.replace(tmp, cached)
    prune_cache(os.path.dirname(cached), keep=8)
    sys.stdout.writelines(lines)


def prune_cache(folder, keep):
    """Keeps the newest `keep` oracle caches (several worktrees may each use their own version)."""
    entries = [os.path.join(folder, n) for n in os.listdir(folder)
               if n.startswith("ast_oracle-") and n.endswith(".jsonl")]
    entries.sort(key=lambda p: os.stat(p).st_mtime_ns, reverse=True)
    for old in entries[keep:]:
        try:
            os.remove(old)
        except OSError:
            pass  # another process removed it first


def dump_file(path):
    with open(path, "rb") as f:
        tree, error = verdict(f.read())
    if error is not None:
        print(json.dumps(error))
        return 1
    sys.stdout.buffer.write(dump_of(tree).encode("utf-8", "surrogatepass") + b"\n")
    return 0


def verdicts(in_path, out_path):
    with open(in_path, "r", encoding="utf-8") as src, open(out_path, "w", encoding="utf-8") as out:
        for line in src:
            source = json.loads(line)
            if isinstance(source, str):
                # Sources travel as JSON text; surrogateescape brings back undecodable bytes.
                source = source.encode("utf-8", "surrogateescape")
            tree, error = verdict(source)
            if error is None:
                data = dump_of(tree).encode("utf-8", "surrogatepass")
                error = {"ok": True, "sha256": hashlib.sha256(data).hexdigest(), "utf16_ambiguous": needs_code_points(tree)}
            out.write(json.dumps(error) + "\n")


def encode_tree(value):
    """AST as JSON that keeps Python's value types: a node is {"_": class, field: value...,
    "@": [lineno, col_offset, end_lineno, end_col_offset]} (a field the node lacks is left out);
    scalars are tagged: {"s": str} ({"u": [code points]} when it holds surrogate code points), {"i": decimal}, {"b": bool},
    {"f": IEEE big-endian hex}, {"c": [re, im] as hex}, {"y": bytes hex}, {"e": 1} for Ellipsis."""
    import struct
    if isinstance(value, ast.AST):
        node = {"_": type(value).__name__}
        for name in value._fields:
            if hasattr(value, name):
                node[name] = encode_tree(getattr(value, name))
        if value._attributes:
            node["@"] = [getattr(value, name, None) for name in value._attributes]
        return node
    if isinstance(value, list):
        return [encode_tree(v) for v in value]
    if value is None:
        return None
    if value is ...:
        return {"e": 1}
    if isinstance(value, bool):
        return {"b": value}
    if isinstance(value, int):
        return {"i": str(value)}
    if isinstance(value, float):
        return {"f": struct.pack(">d", value).hex()}
    if isinstance(value, complex):
        return {"c": [struct.pack(">d", value.real).hex(), struct.pack(">d", value.imag).hex()]}
    if isinstance(value, str):
        if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            return {"u": [ord(c) for c in value]}  # surrogate code points: kept one by one
        return {"s": value}
    if isinstance(value, bytes):
        return {"y": value.hex()}
    raise TypeError(f"unexpected AST value {value!r}")


def trees(in_path, out_path):
    with open(in_path, "r", encoding="utf-8") as src, open(out_path, "w", encoding="utf-8") as out:
        for line in src:
            path = line.rstrip("\n")
            with open(path, "rb") as f:
                tree, error = verdict(f.read())
            if error is not None:
                record = {"path": path, "error": error}
            else:
                with lifted_limits():
                    record = {"path": path, "tree": encode_tree(tree), "dump": dump_of(tree)}
            out.write(json.dumps(record) + "\n")


SNIPPET_SOURCES = [
    "test_syntax.py", "test_grammar.py", "test_exceptions.py", "test_fstring.py", "test_string_literals.py",
    "test_eof.py", "test_positional_only_arg.py", "test_named_expressions.py", "test_patma.py",
    "test_unpack_ex.py", "test_unpack.py", "test_keywordonlyarg.py", "test_genexps.py", "test_generators.py",
    "test_listcomps.py", "test_setcomps.py", "test_dictcomps.py", "test_coroutines.py", "test_compile.py",
    "test_global.py", "test_scope.py", "test_except_star.py", "test_type_comments.py", "test_flufl.py",
    "test_future.py", "test_unparse.py", "test_ast.py", "test_tokenize.py", "test_traceback.py",
    "test_utf8source.py", "test_unicode_identifiers.py", "test_source_encoding.py", "test_decorators.py",
    "test_with.py", "test_raise.py", "test_class.py", "test_print.py", "test_opcodes.py",
]


def snippets(root, out_path):
    import doctest
    parser = doctest.DocTestParser()
    seen = set()
    with open(out_path, "w", encoding="utf-8") as out:
        for name in SNIPPET_SOURCES:
            path = os.path.join(root, "test", name)
            if not os.path.exists(path):
                continue
            with open(path, "rb") as f:
                tree, error = verdict(f.read())
            if tree is None:
                continue
            found = []
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and 0 < len(node.value) <= 3000:
                    found.append(node.value)
                    if ">>>" in node.value:
                        try:
                            found.extend(ex.source for ex in parser.get_examples(node.value))
                        except ValueError:
                            pass  # not well-formed doctest text
            for text in found:
                if text in seen:
                    continue
                seen.add(text)
                data = text.encode("utf-8", "surrogatepass")
                tree, error = verdict(data)
                if error is None:
                    record = {"ok": True, "sha256": hashlib.sha256(dump_of(tree).encode("utf-8", "surrogatepass")).hexdigest(),
                              "utf16_ambiguous": needs_code_points(tree)}
                else:
                    record = error
                out.write(json.dumps(dict(origin=name, hex=data.hex(), **record)) + "\n")


def main(argv):
    if len(argv) == 3 and argv[1] == "hashes":
        hashes(argv[2])
        return 0
    if len(argv) == 3 and argv[1] == "dump":
        return dump_file(argv[2])
    if len(argv) == 4 and argv[1] == "trees":
        trees(argv[2], argv[3])
        return 0
    if len(argv) == 4 and argv[1] == "snippets":
        snippets(argv[2], argv[3])
        return 0
    if len(argv) == 4 and argv[1] == "verdicts":
        verdicts(argv[2], argv[3])
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
