# Reads commands from standard input (r_stdin_wordcount.stdin) until EOF and runs a small key-value store.
import sys
store = {}
history = []
lineno = 0
while True:
    try:
        line = input()
    except EOFError:
        print("EOF after", lineno, "lines")
        break
    lineno += 1
    parts = line.split()
    if not parts or parts[0].startswith("#"):
        continue
    cmd, args = parts[0].lower(), parts[1:]
    try:
        if cmd == "set":
            key, val = args
            history.append(("set", key, store.get(key)))
            store[key] = val
            print("ok")
        elif cmd == "get":
            print(store[args[0]])
        elif cmd == "del":
            history.append(("del", args[0], store.pop(args[0])))
            print("deleted")
        elif cmd == "undo":
            op, key, old = history.pop()
            if old is None:
                store.pop(key, None)
            else:
                store[key] = old
            print("undid", op, key)
        elif cmd == "count":
            print(len(store))
        elif cmd == "dump":
            print(", ".join("%s=%s" % kv for kv in sorted(store.items())) or "(empty)")
        elif cmd == "sum":
            print(sum(int(v) for v in store.values() if v.lstrip("-").isdigit()))
        else:
            print("unknown command:", cmd)
    except KeyError as e:
        print("no such key:", e.args[0])
    except ValueError:
        print("bad arguments for", cmd)
    except IndexError:
        print("nothing to undo" if cmd == "undo" else "missing argument")
sys.stdout.write("final: %r\n" % sorted(store.items()))
