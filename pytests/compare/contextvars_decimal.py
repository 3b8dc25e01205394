# Modules that need _contextvars: decimal's local contexts (through _pydecimal), fractions, statistics.
import decimal, fractions, statistics
decimal.getcontext().prec = 5
print(decimal.Decimal(1) / decimal.Decimal(7))
with decimal.localcontext() as lc:
    lc.prec = 3
    print(decimal.Decimal(1) / decimal.Decimal(7))
print(decimal.Decimal(1) / decimal.Decimal(7))
print(fractions.Fraction(3, 4) + fractions.Fraction('1/3'), statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]))
print(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
