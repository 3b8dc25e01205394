class K:
    def __init__(self):
        self.value = 1
        self.values = 2
    def run(self):
        return self.valeus
K().run()
