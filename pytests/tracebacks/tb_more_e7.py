obj = None
obj.attr.other
