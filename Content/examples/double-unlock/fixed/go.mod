module deferlab.example/double-unlock/fixed

go 1.23
