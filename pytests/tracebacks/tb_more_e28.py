def outer():
    def inner():
        return undefined_name_xyz
    return inner()
outer()
