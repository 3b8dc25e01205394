class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
raise E("msg", 2)
