module deferlab.example/nil-closer-panic/fixed

go 1.23
