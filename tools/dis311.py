"""Prints CPython 3.11's bytecode for a source file (or -c source) in the
normalised listing our Disassembler.Dump produces, so the two can be diffed.
Normalisation applies the documented deviations of our instruction set:
no CACHE/RESUME/PRECALL/EXTENDED_ARG/MAKE_CELL/COPY_FREE_VARS/RETURN_GENERATOR,
LOAD_GLOBAL's NULL bit becomes an explicit PUSH_NULL, jumps carry absolute
instruction indices and lose their FORWARD/BACKWARD direction in POP_JUMP_*."""
import dis, sys, types

SKIP = {"CACHE", "RESUME", "PRECALL", "EXTENDED_ARG", "MAKE_CELL", "COPY_FREE_VARS"}

def norm(code, out, deep=True):
    ins = [i for i in dis.get_instructions(code)]
    # A generator's leading RETURN_GENERATOR; POP_TOP is dropped.
    kept = []
    drop_next_pop = False
    for i in ins:
        if i.opname in SKIP: continue
        if i.opname == "RETURN_GENERATOR": drop_next_pop = True; continue
        if drop_next_pop and i.opname == "POP_TOP": drop_next_pop = False; continue
        drop_next_pop = False
        kept.append(i)
    index = {}
    n = 0
    for i in kept:
        index[i.offset] = n
        n += 2 if (i.opname == "LOAD_GLOBAL" and i.arg & 1) else 1
    def at(off):
        # a jump to a dropped instruction lands on the next kept one
        while off not in index: off += 2
        return index[off]
    out.append(f"code {code.co_name} argc={code.co_argcount} posonly={code.co_posonlyargcount} kwonly={code.co_kwonlyargcount} flags=0x{code.co_flags & ~0x40 & 0xFFFFFFF:x}")
    out.append(f"  varnames={list(code.co_varnames)} cellvars={list(code.co_cellvars)} freevars={list(code.co_freevars)}")
    out.append(f"  names={list(code.co_names)}")
    n = 0
    for i in kept:
        name = i.opname
        arg = ""
        if name == "LOAD_GLOBAL":
            if i.arg & 1:
                out.append(f"  {n:4} PUSH_NULL"); n += 1
            arg = i.argval
        elif "JUMP" in name or name in ("FOR_ITER", "SEND"):
            arg = str(at(i.argval))
            name = name.replace("_FORWARD_IF", "_IF").replace("_BACKWARD_IF", "_IF")
            if name == "JUMP_BACKWARD_NO_INTERRUPT": name = "JUMP_BACKWARD"
        elif name == "LOAD_CONST":
            arg = "<code %s>" % i.argval.co_name if isinstance(i.argval, types.CodeType) else repr(i.argval)
        elif name == "KW_NAMES":
            arg = repr(code.co_consts[i.arg])
        elif name in ("COMPARE_OP",):
            arg = i.argval
        elif name == "BINARY_OP":
            arg = str(i.arg)
        elif i.arg is not None:
            arg = i.argval if isinstance(i.argval, str) else str(i.arg)
        out.append(f"  {n:4} {name} {arg}".rstrip())
        n += 1
    for line in dis._parse_exception_table(code) if hasattr(dis, "_parse_exception_table") else []:
        out.append(f"  except {at(line.start)}..{at(line.end)} -> {at(line.target)} depth={line.depth}{' lasti' if line.lasti else ''}")
    if deep:
        for c in code.co_consts:
            if isinstance(c, types.CodeType):
                norm(c, out)

if __name__ == "__main__":
    if sys.argv[1] == "--tree":
        # --tree SRC_DIR OUT_DIR: one listing per .py file that CPython compiles
        import os
        root, outdir = sys.argv[2], sys.argv[3]
        for dirpath, _, files in os.walk(root):
            for f in files:
                if not f.endswith(".py"): continue
                path = os.path.join(dirpath, f)
                try:
                    with open(path, "rb") as fh: data = fh.read()
                    code = compile(data, path, "exec", dont_inherit=True)
                except (SyntaxError, ValueError):
                    continue
                out = []
                norm(code, out)
                target = os.path.join(outdir, path.replace("/", "_") + ".txt")
                with open(target, "w", encoding="utf-8", errors="surrogateescape") as fh: fh.write("\n".join(out) + "\n")
        sys.exit(0)
    if sys.argv[1] == "-c": src, fn = sys.argv[2], "<string>"
    else: src, fn = open(sys.argv[1], encoding="utf-8").read(), sys.argv[1]
    out = []
    norm(compile(src, fn, "exec", dont_inherit=True), out)
    print("\n".join(out))
