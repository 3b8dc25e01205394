# time.strptime parses through _strptime, as CPython's time module: results, the default format, errors
import time
print(time.strptime('2024-02-29 13:45:01', '%Y-%m-%d %H:%M:%S'))
print(time.strptime('Thu Feb 29 13:45:01 2024'))
print(tuple(time.strptime('1 Jan 70', '%d %b %y')))
print(time.strptime('12:30 PM', '%I:%M %p').tm_hour)
for bad in [('x', '%Y'), ('2024-13-01', '%Y-%m-%d'), ('2024', '%Y %Q')]:
    try:
        time.strptime(*bad)
    except ValueError as e:
        print('ValueError', e)
try:
    time.strptime(5)
except TypeError as e:
    print('TypeError', e)
