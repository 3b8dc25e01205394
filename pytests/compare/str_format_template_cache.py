# Parsed %-formats and str.format templates are cached by format text: the same text from
# another object, and many formats that land in one cache slot, must each format as its own.
fs = ["%d-%s", "%s-%s", "%d:%s", "{}-{}", "{0}/{1}", "ab%s", "%s"]
for k in range(3):
    for f in fs:
        g = "".join(list(f))   # same text, another object
        if "%" in f:
            print(f % (1, "x") if f.count("%") == 2 else f % ("y",), g % (2, "z") if g.count("%") == 2 else g % ("w",))
        else:
            print(f.format(3, "q"), g.format(4, "r"))
# many formats that share slots
for i in range(600):
    f = "%d" + "x" * (i % 50) + "%s" + str(i)
    assert f % (i, "s") == str(i) + "x" * (i % 50) + "s" + str(i)
    f2 = "{}" + "y" * (i % 40) + "{}" + str(i)
    assert f2.format(i, "t") == str(i) + "y" * (i % 40) + "t" + str(i)
print("".format(), "%%" % (), "{{}}".format())
