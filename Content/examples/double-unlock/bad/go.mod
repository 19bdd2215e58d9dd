module deferlab.example/double-unlock/bad

go 1.23
