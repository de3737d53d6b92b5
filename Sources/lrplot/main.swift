print("lrplot")
