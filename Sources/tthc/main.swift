print("tthc")
