# Builtin methods that take no keyword arguments name themselves with their type, as
# CPython's method descriptors do ("dict.get() takes no keyword arguments").
calls = [
    lambda: {}.get(key=1),
    lambda: {}.pop(x=1),
    lambda: {}.setdefault(x=1),
    lambda: [].index(x=1),
    lambda: [].insert(x=1),
    lambda: [].append(x=1),
    lambda: "a".startswith(x=1),
    lambda: "a".count(x=1),
    lambda: b"".count(x=1),
    lambda: set().add(x=1),
    lambda: (1).bit_length(x=1),
    lambda: getattr(x=1),
    lambda: divmod(x=1),
    lambda: {}.get(),
    lambda: [].index(),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)
