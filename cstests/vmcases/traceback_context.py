class MyError(Exception):
    pass
try:
    1 / 0
except ZeroDivisionError:
    raise MyError("during")
