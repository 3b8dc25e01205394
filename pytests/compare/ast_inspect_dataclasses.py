# What the _ast module unblocks: inspect (signature, getsource through ast/tokenize), dataclasses,
# pprint, and a unittest run whose report goes to stdout (the time figure masked).
import inspect, dataclasses, pprint, unittest, io, re, sys


def f(a, b: int = 2, *c, d, e='x', **g) -> str:
    "Doc of f."
    return a


print(inspect.signature(f))
print(inspect.getsource(f))
print(inspect.getdoc(f), inspect.isfunction(f), inspect.getfullargspec(f).kwonlyargs)
print(list(inspect.signature(f).parameters.items())[1])


@dataclasses.dataclass(order=True, frozen=True)
class P:
    x: int
    y: int = 0
    z: list = dataclasses.field(default_factory=list, compare=False)


print(P(1), P(1) < P(2), P(1, 2) == P(1, 2, [3]), dataclasses.asdict(P(3, 4)), dataclasses.astuple(P(5)))
try:
    P(1).x = 3
except dataclasses.FrozenInstanceError as e:
    print('FrozenInstanceError', e)
print([fl.name for fl in dataclasses.fields(P)], hash(P(1)) == hash(P(1)))
Q = dataclasses.make_dataclass('Q', [('a', int), ('b', str, dataclasses.field(default='b'))])
print(Q(1), dataclasses.replace(P(1), y=9))

pprint.pprint({'numbers': list(range(25)), 'point': P(1), 'nested': {'a': [1, 2, {'b': 'c' * 30}], 'x': (1, 2)}})
print(pprint.pformat(list(range(5)), width=10))


class T(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)

    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])

    @unittest.skip('because')
    def test_skip(self):
        pass

    def test_error(self):
        raise KeyError('k')


out = io.StringIO()
unittest.main(exit=False, argv=['t'], testRunner=unittest.TextTestRunner(stream=out, verbosity=2))
text = re.sub(r'in \d+\.\d+s', 'in X s', out.getvalue())
text = re.sub(r'File "[^"]*", line \d+', 'File F', text)
print(text)
