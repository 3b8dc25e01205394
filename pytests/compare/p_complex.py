# Complex numbers.
z = 3 + 4j
print(z, abs(z), z.real, z.imag, z.conjugate(), z * z, z / (1 - 1j), -z, complex(1, 2), 1j ** 2)
print(complex("1+2j"), z == complex(3, 4), repr(2j), (1 + 0j) == 1, hash(1 + 0j) == hash(1))
