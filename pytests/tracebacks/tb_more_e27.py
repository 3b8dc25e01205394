lst = []
lst.pop()
