e = ValueError("with notes")
e.add_note("first note")
e.add_note("second\nmultiline note")
e.add_note(42 if False else "third")
raise e
