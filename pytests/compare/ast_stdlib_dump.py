# ast.dump(ast.parse(src), include_attributes=True) of stdlib files, done by the stdlib's ast.py
# over our _ast objects; CPython prints the same digests only if every node, field and
# position is equal.
import ast, hashlib, os
LIB = os.path.dirname(ast.__file__)
FILES = ['ast.py', 'dataclasses.py', 'pprint.py', 'textwrap.py', 'test/test_fstring.py',
         'test/test_patma.py', 'test/test_grammar.py', 'test/test_string_literals.py', 'asyncio/tasks.py']
for name in FILES:
    with open(os.path.join(LIB, name), 'rb') as f:
        tree = ast.parse(f.read(), name)
    dump = ast.dump(tree, include_attributes=True)
    print(name, len(dump), hashlib.md5(dump.encode('utf-8', 'surrogatepass')).hexdigest())
    nodes = sum(1 for _ in ast.walk(tree))
    print('  nodes', nodes)
