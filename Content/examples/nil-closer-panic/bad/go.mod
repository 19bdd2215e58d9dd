module deferlab.example/nil-closer-panic/bad

go 1.23
