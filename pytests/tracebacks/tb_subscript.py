data = {"a": [1, 2, {"k": "v"}]}

def lookup(d):
    return d["a"][2]["missing"]

lookup(data)
