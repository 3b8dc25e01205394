# f-string and format() with numeric specs (ints and floats).
v = 3.14159
n = 1234567
print(f"{v:.2f} {v:8.3f}| {v:<8.1f}| {v:e} {v:.0f} {v:g} {v:%}")
print(f"{n:,} {n:_} {n:>12,} {n:012} {n:+} {-n:x}")
print(f"{0.5:.0%} {1/3:.4} {2/3:.3g} {1e-10:g} {1e20:.2e} {123.456:10.2f}|")
print("{:.3f} {:>10.4f} {:^10.1f}|".format(2.0, 1 / 7, 9.99))
for price in [0.5, 12.345, 1000.0, 99999.999]:
    print(f"|{price:>12,.2f}|{price:<10.1f}|{price:^9.0f}|")
print(format(255, "08b"), format(3.0, ".2f"), format(-0.0, ".1f"), format(1e300 * 1e300, "f"))
print(f"{'nested':{'>'}{12}}|", f"{7:{'0'}{4}}")
