# string.Formatter and string.Template on _string (string imports re: needs _sre).
import string
f = string.Formatter()
print(f.format("{0}-{name}-{0!r}-{1:>5}", "x", 3.5, name="N"), f.vformat("{a.real}", (), {"a": 3}))
print(string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"))
print(string.Template("$who $$ $x").safe_substitute(who="a"))
print(string.capwords(" hello   world "), string.ascii_letters, string.digits, string.punctuation)
