# _opcode.stack_effect over every opcode number, several opargs and the three jump modes,
# with its errors: the table our compiler uses must give CPython 3.11's effects.
import _opcode, dis, opcode

def show(*args, **kw):
    try:
        return str(_opcode.stack_effect(*args, **kw))
    except (ValueError, TypeError, OverflowError) as e:
        return f"{type(e).__name__}: {e}"

for op in range(256):
    if op < opcode.HAVE_ARGUMENT:
        cells = [show(op), show(op, jump=True), show(op, jump=False), show(op, 1)]
    else:
        cells = [show(op, arg, jump=j) for arg in (0, 1, 2, 3, 4, 7, 0x105, 0x201) for j in (None, True, False)]
        cells.append(show(op))
    print(op, opcode.opname[op], " ".join(cells))
for op in range(-12, 0):
    print(op, show(op), show(op, jump=True), show(op, jump=False), show(op, 1))
print(show(opcode.opmap["POP_TOP"], jump=1), show(256, 0), show(opcode.opmap["CALL"], 1.5), show(opcode.opmap["CALL"], 2**40), show(opcode.opmap["CALL"], 2**70))
print(dis.stack_effect(opcode.opmap["BUILD_MAP"], 3), dis.stack_effect(opcode.opmap["FOR_ITER"], 0, jump=True))
