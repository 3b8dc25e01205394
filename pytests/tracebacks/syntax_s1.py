print("hi")
x = = 2
