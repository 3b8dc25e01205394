# bool bitwise ops keep bool type.
print(True & False, True | False, True ^ True, False | False, True & 1, type(True & True).__name__)
print(~True, -True, +False, True << 2, True / 2, divmod(True, 2))
