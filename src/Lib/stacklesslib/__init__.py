"""stacklesslib: the framework around the Stackless scheduler that programs otherwise write
themselves: sleeping tasklets, a main loop, tasklet-aware locks, and monkey-patching that
makes blocking standard-library calls (socket, select, time.sleep, threading's locks) block
only the calling tasklet. Modelled on the public stacklesslib project's API.
"""
