# The _ast module and compile()'s AST paths, without ast.py (tests/compare/ast_*.py use it).
import _ast

ONLY_AST = _ast.PyCF_ONLY_AST


def parse(src, mode='exec'):
    return compile(src, '<test>', mode, ONLY_AST)


def raises(exc, fn, *args, msg=None):
    try:
        fn(*args)
    except exc as e:
        if msg is not None:
            assert str(e) == msg, (str(e), msg)
        return e
    raise AssertionError(f'{exc.__name__} not raised')


def test_constants():
    assert (_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT) == (1024, 4096, 8192)


def test_hierarchy():
    assert _ast.AST.__module__ == 'ast' and _ast.Name.__module__ == 'ast'
    assert type(_ast.Name) is type
    assert _ast.Name.__mro__ == (_ast.Name, _ast.expr, _ast.AST, object)
    assert issubclass(_ast.Load, _ast.expr_context) and issubclass(_ast.Add, _ast.operator)
    assert issubclass(_ast.arguments, _ast.AST) and not issubclass(_ast.arguments, _ast.expr)
    assert _ast.Name._fields == ('id', 'ctx') and _ast.Name.__match_args__ == ('id', 'ctx')
    assert _ast.expr._attributes == ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    assert _ast.Name._attributes == _ast.expr._attributes
    assert _ast.arguments._attributes == () and _ast.AST._fields == ()
    assert _ast.Name.__doc__ == 'Name(identifier id, expr_context ctx)'
    assert _ast.expr.end_lineno is None and _ast.Constant.kind is None and _ast.FunctionDef.returns is None
    names = [n for n in dir(_ast) if not n.startswith('_')]
    assert len(names) == 122, len(names)
    assert 'TryStar' in names and 'MatchAs' in names and 'TypeIgnore' in names


def test_constructor():
    n = _ast.Name('x', _ast.Load(), lineno=3)
    assert (n.id, type(n.ctx), n.lineno) == ('x', _ast.Load, 3)
    assert not hasattr(_ast.Name(), 'id')
    raises(TypeError, _ast.Name, 1, 2, 3, msg='Name constructor takes at most 2 positional arguments')
    raises(TypeError, _ast.Load, 1, msg='Load constructor takes at most 0 positional arguments')
    raises(TypeError, _ast.Return, 1, 2, msg='Return constructor takes at most 1 positional argument')
    c = _ast.Constant(value=5, anything='kept')
    assert c.anything == 'kept' and c.kind is None
    assert _ast.Name('x').__reduce__() == (_ast.Name, (), {'id': 'x'})
    assert _ast.Load().__reduce__() == (_ast.Load, (), {})


def test_subclass():
    class MyName(_ast.Name):
        _fields = ('id', 'ctx', 'extra')
    m = MyName('a', _ast.Load(), 'e')
    assert (m.id, m.extra) == ('a', 'e') and isinstance(m, _ast.expr)


def test_parse_result():
    t = parse('x = 1 + 2\n')
    assert type(t) is _ast.Module and t.type_ignores == []
    a = t.body[0]
    assert type(a) is _ast.Assign and a.type_comment is None
    assert (a.lineno, a.col_offset, a.end_lineno, a.end_col_offset) == (1, 0, 1, 9)
    assert type(a.targets[0].ctx) is _ast.Store
    b = a.value
    assert type(b.op) is _ast.Add and (b.left.value, b.right.value) == (1, 2)
    assert b.left.kind is None
    # the context and operator instances are shared, as in CPython
    assert parse('a; b').body[0].value.ctx is parse('c').body[0].value.ctx
    e = parse('a + 1', 'eval')
    assert type(e) is _ast.Expression and type(e.body) is _ast.BinOp
    s = parse('x = 1', 'single')
    assert type(s) is _ast.Interactive
    assert parse("u'x'").body[0].value.kind == 'u'
    consts = [parse(src, 'eval').body.value for src in ("b'\\x00'", '...', '1.5', '2j', 'True', 'None', '10**100' and '1' + '0' * 30)]
    assert consts == [b'\x00', Ellipsis, 1.5, 2j, True, None, 10 ** 30]


def test_syntax_error():
    e = raises(SyntaxError, parse, 'x = (')
    assert e.lineno == 1


def test_round_trip_compile():
    t = parse('def f(a, *, b=2):\n    return a * b\nresult = f(3)\n')
    ns = {}
    exec(compile(t, '<ast>', 'exec'), ns)
    assert ns['result'] == 6
    assert eval(compile(parse('[i * 2 for i in range(3)]', 'eval'), '<ast>', 'eval')) == [0, 2, 4]
    # a tree built by hand
    L = dict(lineno=1, col_offset=0)
    tree = _ast.Module(body=[_ast.Assign(targets=[_ast.Name('y', _ast.Store(), **L)],
                                         value=_ast.Constant((1, frozenset({2})), **L), **L)], type_ignores=[])
    ns = {}
    exec(compile(tree, '<ast>', 'exec'), ns)
    assert ns['y'] == (1, frozenset({2}))
    # PyCF_ONLY_AST with a tree hands the tree back
    assert compile(tree, '<ast>', 'exec', ONLY_AST) is tree


def test_transform_then_compile():
    t = parse('print_me = [1, 2]\n')
    t.body[0].value.elts.append(_ast.Constant(3, lineno=1, col_offset=0))
    ns = {}
    exec(compile(t, '<ast>', 'exec'), ns)
    assert ns['print_me'] == [1, 2, 3]


def test_conversion_errors():
    L = dict(lineno=1, col_offset=0)

    def c(tree, mode='exec'):
        return compile(tree, '<ast>', mode)

    def mod(*body):
        return _ast.Module(body=list(body), type_ignores=[])

    raises(TypeError, c, _ast.Expression(body=_ast.Constant(1, **L)), msg='expected Module node, got Expression')
    raises(TypeError, c, _ast.Module(body=[_ast.Pass(**L)]), msg='required field "type_ignores" missing from Module')
    raises(TypeError, c, _ast.Module(body=_ast.Pass(**L), type_ignores=[]), msg='Module field "body" must be a list, not a Pass')
    raises(TypeError, c, mod(_ast.Load()), msg='required field "lineno" missing from stmt')
    raises(TypeError, c, mod(_ast.Expr(_ast.Constant(1), **L)), msg='required field "lineno" missing from expr')
    raises(TypeError, c, mod(_ast.Expr(**L)), msg='required field "value" missing from Expr')
    raises(ValueError, c, mod(_ast.Expr(value=None, **L)), msg="field 'value' is required for Expr")
    raises(ValueError, c, mod(None), msg='None disallowed in statement list')
    raises(TypeError, c, mod(_ast.Expr(_ast.Load(), **L)), msg='required field "lineno" missing from expr')
    load = _ast.Load(**L)
    raises(TypeError, c, mod(_ast.Expr(load, **L)), msg='expected some sort of expr, but got ' + repr(load))
    raises(TypeError, c, mod(_ast.Expr(_ast.Name(1, _ast.Load(), **L), **L)), msg='AST identifier must be of type str')
    raises(TypeError, c, mod(_ast.Expr(_ast.Constant([1], **L), **L)), msg='got an invalid type in Constant: list')
    raises(TypeError, c, mod(_ast.Expr(_ast.Constant('x', kind=3, **L), **L)), msg='AST string must be of type str')
    raises(ValueError, c, mod(_ast.Expr(_ast.FormattedValue(_ast.Constant(1, **L), 'x', None, **L), **L)), msg="invalid integer value: 'x'")
    raises(TypeError, compile, 5, '<ast>', 'exec', msg='compile() arg 1 must be a string, bytes or AST object')


def test_validator():
    L = dict(lineno=1, col_offset=0)

    def c(*body):
        return compile(_ast.Module(body=list(body), type_ignores=[]), '<ast>', 'exec')

    def name(n, ctx):
        return _ast.Name(n, ctx, **L)

    raises(ValueError, c, _ast.Expr(name('x', _ast.Store()), **L), msg='expression must have Load context but has Store instead')
    raises(ValueError, c, _ast.Assign([name('x', _ast.Load())], _ast.Constant(1, **L), **L),
           msg='expression must have Store context but has Load instead')
    raises(ValueError, c, _ast.Delete([name('x', _ast.Store())], **L), msg='expression must have Del context but has Store instead')
    raises(ValueError, c, _ast.Assign([_ast.Constant(1, **L)], _ast.Constant(1, **L), **L),
           msg="expression which can't be assigned to in Store context")
    raises(ValueError, c, _ast.Expr(name('None', _ast.Load()), **L), msg="identifier field can't represent 'None' constant")
    raises(ValueError, c, _ast.If(_ast.Constant(1, **L), [], [], **L), msg='empty body on If')
    raises(ValueError, c, _ast.Expr(_ast.Dict([], [name('x', _ast.Load())], **L), **L),
           msg="Dict doesn't have the same number of keys as values")
    raises(ValueError, c, _ast.Expr(_ast.List([None], _ast.Load(), **L), **L), msg='None disallowed in expression list')
    # a starred tuple target passes its Store context down
    c(_ast.Assign([_ast.Tuple([_ast.Starred(name('a', _ast.Store()), _ast.Store(), **L)], _ast.Store(), **L)],
                  _ast.List([], _ast.Load(), **L), **L))
    # Dict keys may be None (the ** entries)
    c(_ast.Expr(_ast.Dict([None], [_ast.Dict([], [], **L)], **L), **L))


def test_deep_tree_is_a_clean_error():
    t = _ast.Constant(1, lineno=1, col_offset=0)
    for _ in range(200000):
        t = _ast.UnaryOp(_ast.USub(), t, lineno=1, col_offset=0)
    tree = _ast.Expression(t)
    try:
        compile(tree, '<ast>', 'eval')
    except RecursionError:
        pass


for _name, _fn in list(globals().items()):
    if _name.startswith('test_'):
        _fn()
print('ok')
