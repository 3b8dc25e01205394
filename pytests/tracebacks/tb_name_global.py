import sys
counter = 3
def show():
    print(countr)
show()
