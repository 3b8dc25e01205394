source = "x = (1,\n  2 +)\n"
exec(source)
