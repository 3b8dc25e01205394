# A program that prints, then dies from an uncaught exception (exit status 1).
def process(items):
    total = 0
    for it in items:
        print("processing", it)
        total += 10 // it
    return total
print("start")
try:
    process([1, 2, 0])
except ZeroDivisionError:
    print("first failure handled")
results = []
for v in [5, 2, 1]:
    results.append(process([v]))
print("results", results)
class ConfigError(Exception):
    pass
def load(cfg):
    if "name" not in cfg:
        raise ConfigError("missing name")
    return cfg["name"]
print(load({"name": "x"}))
load({})
print("never printed")
