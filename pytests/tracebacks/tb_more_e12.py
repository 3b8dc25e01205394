def f(): pass
f(x=1)
