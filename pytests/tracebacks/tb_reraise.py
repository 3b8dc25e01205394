def work():
    try:
        return {}["k"]
    except KeyError:
        print("logging")
        raise

work()
