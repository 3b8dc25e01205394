# NaN signs as CPython: float('nan') and math.nan are positive, float('-nan') negative, and
# Decimal NaNs convert with their sign (test_decimal's test_nan_to_float).
import math
import struct
from decimal import Decimal
from fractions import Fraction

values = [float("nan"), float("-nan"), float(" NaN "), -float("nan"), math.nan, -math.nan,
          float.fromhex("nan"), float.fromhex("-nan"), complex("nan").real, complex("-nanj").imag,
          float(Decimal("nan")), float(Decimal("-nan2468")), float("inf") - float("inf")]
for v in values:
    print(math.copysign(1.0, v), struct.pack(">d", v).hex())
print(math.isnan(values[0]), str(float("-nan")), repr(-math.nan), Decimal("-nan"), Fraction(1, 3) < math.inf)
