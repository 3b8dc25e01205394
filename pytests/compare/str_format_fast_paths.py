# The fast paths of format() (exact int with align/width, exact float with .Nf) and of
# str % args (%s %d %i %% with exact str/int arguments) must agree with the general formatter,
# and everything they do not handle must still reach it (errors included).
vals = [0, 5, -5, 12345678, -123456789012, 2**63-1, -2**63, 2**64, True, 3.0]
out = []
for v in vals:
    for spec in ["", ">8", "<8", "^8", "^9", "8", "1", ">1", "08", "+8", ">008", "d", ">8d"]:
        try: out.append(repr(format(v, spec)))
        except Exception as e: out.append(type(e).__name__ + str(e))
        try: out.append(repr(f"{v:{spec}}"))
        except Exception as e: out.append(type(e).__name__ + str(e))
for v in [0.0, -0.0, 0.125, 0.375, 2.675, 1e15, 1e16, 1e300, -1.5, float("inf"), float("nan"), -float("nan"), 1/3, 5e-324]:
    for spec in [".2f", ".0f", ".10f", ".1f", ".99f", ".f", "f", ".2e"]:
        try: out.append(repr(format(v, spec)))
        except Exception as e: out.append(type(e).__name__ + str(e))
for fmt, a in [("%d-%s", (1, "x")), ("%s", 5), ("%s", "s"), ("%d", 2**70), ("%s%%", (1,)), ("%d", (1, 2)), ("%d %d", (1,)),
               ("%s", ()), ("%", (1,)), ("%i|%s", (-3, -4)), ("%d", True), ("%s", True), ("%s", (True,)), ("a%%b", ()),
               ("%s", [1]), ("%(a)s", {"a": 1}), ("%d", "x"), ("%s", 2**64), ("%5d", (3,)), ("%s %s", ("é", "\U0001F600"))]:
    try: out.append(repr(fmt % a))
    except Exception as e: out.append(type(e).__name__ + ": " + str(e))
print("\n".join(out))
