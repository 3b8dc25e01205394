import sys
sys.tracebacklimit = 2
def a(): b()
def b(): c()
def c(): d()
def d(): raise IndexError("deep")
a()
