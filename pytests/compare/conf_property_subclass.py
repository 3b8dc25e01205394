# property details from CPython's test_property: docstrings of property subclasses live in
# the instance (a subclass's class docstring would shadow them), getter/setter/deleter copy
# through the subclass and take the new getter's doc, and the 3.11 error messages.
class PropertySub(property):
    """This is a subclass of property"""


class PropertySubSlots(property):
    """This is a subclass of property that defines __slots__"""
    __slots__ = ()


class Foo:
    @PropertySub
    def spam(self):
        """spam wrapped in property subclass"""
        return 1

    @spam.setter
    def spam(self, value):
        """this docstring is ignored"""

    @PropertySub
    def eggs(self):
        """a docstring"""
        return 1

    @eggs.getter
    def eggs(self):
        """a new docstring"""
        return 2

    ham = PropertySub(doc="explicit doc")

    @ham.getter
    def ham(self):
        """getter doc loses to the explicit one"""
        return 3


print(Foo.spam.__doc__, type(Foo.spam).__name__, Foo().spam)
print(Foo.eggs.__doc__, Foo().eggs)
print(Foo.ham.__doc__, Foo().ham)
print(PropertySub.__doc__, Foo.spam.__dict__)

try:
    class Bar:
        @PropertySubSlots
        def spam(self):
            """Trying to copy this docstring will raise an exception"""
            return 1
except AttributeError as e:
    print("AttributeError:", e)


class WithName:
    foo = property()


class NoName:
    pass


NoName.foo = property()
for cls in (WithName, NoName):
    for action in ("get", "set", "del"):
        try:
            if action == "get":
                cls().foo
            elif action == "set":
                cls().foo = 1
            else:
                del cls().foo
        except AttributeError as e:
            print(action, e)

p = property()
for n in (0, 1, 3):
    try:
        p.__set_name__(*([0] * n))
    except TypeError as e:
        print(e)
p.__set_name__(WithName, "bar")
q = p.getter(len)
print(type(q).__name__, q.__doc__ == len.__doc__)
