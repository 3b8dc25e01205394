def cleanup():
    try:
        raise ValueError("first")
    finally:
        print("cleanup")
        None.close()

cleanup()
