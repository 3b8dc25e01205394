naïve = {"é": 1}
print("ok")
café = naïve["é"] + naïve["ü"]
