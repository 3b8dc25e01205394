# The helpers of ast.py over our _ast nodes: unparse, literal_eval, walk, NodeVisitor,
# NodeTransformer + compile, fix_missing_locations, increment_lineno, copy_location, match.
import ast

src = '''
def f(a, /, b: int = 2, *args, c, d=4, **kw) -> list:
    """Docstring."""
    x = [i ** 2 for i in range(a) if i % 2]
    y = {k: v for k, v in kw.items()}
    async def g():
        async with a as b:
            await b
    match a:
        case [1, *rest] | {'k': rest}:
            pass
        case Point(x=0) if b:
            pass
    try:
        pass
    except* ValueError as e:
        raise
    return f"{a!r:>{b}} {c=}" + x[1:2, ::3]
'''
tree = ast.parse(src)
print(ast.unparse(tree))
print(ast.dump(tree.body[0].args, indent=2))
print(ast.get_docstring(tree.body[0]))
print(ast.literal_eval("{'a': [1, 2.5, -3, 1+2j, (True, None)], 'b': {1, 2}, 'c': b'x'}"))
try:
    ast.literal_eval('f(1)')
except ValueError as e:
    print('ValueError', str(e).split(':')[0])
print(sorted({type(n).__name__ for n in ast.walk(tree)}))


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append(node.id)
        self.generic_visit(node)


c = Counter()
c.visit(tree)
print(c.names)


class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if type(node.value) is int:
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

    def visit_Assert(self, node):
        return None


prog = ast.parse('assert False\nprint(1 + 20, [3, "s"])\nfor i in range(2): print(i)\n')
prog = ast.fix_missing_locations(Doubler().visit(prog))
exec(compile(prog, '<ast>', 'exec'))
print(ast.unparse(prog))

new = ast.Module(body=[ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Constant('built')], []))], type_ignores=[])
exec(compile(ast.fix_missing_locations(new), '<ast>', 'exec'))
e = ast.Expression(ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
print(eval(compile(ast.fix_missing_locations(e), '<ast>', 'eval')))

t2 = ast.parse('x = 1\ny = 2')
ast.increment_lineno(t2, 10)
print([(n.lineno, n.end_lineno) for n in t2.body])
print(ast.dump(ast.parse('x', mode='eval'), include_attributes=True))

node = ast.parse('a.b(c)', mode='eval').body
match node:
    case ast.Call(func=ast.Attribute(value=ast.Name(id=base), attr=attr), args=[ast.Name(id=arg)]):
        print('matched', base, attr, arg)

import copy, pickle
t3 = ast.parse('q = [1, 2]')
print(ast.dump(copy.deepcopy(t3)) == ast.dump(t3), ast.dump(pickle.loads(pickle.dumps(t3))) == ast.dump(t3))
try:
    ast.parse('x = (')
except SyntaxError as e:
    print('SyntaxError', e.msg, e.lineno, e.offset)
print(ast.dump(ast.parse('await x', mode='eval')))
print(isinstance(ast.Num(1), ast.Constant), ast.Str('s').s)
