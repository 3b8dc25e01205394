class Meta(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns)

class Thing(metaclass=Meta):
    size = 10
    half = size / "2"
