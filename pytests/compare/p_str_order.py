# String ordering compares code points (astral characters sort after BMP ones).
words = ["zeta", "Alpha", "\uffff", "😀", "é", "e", "日本", "\U0001F600a"]
print(sorted(words))
print("😀" > "\uffff", max("a\uffff😀"), min(["😀", "\ue000"]))
