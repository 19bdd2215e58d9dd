module deferlab.example/os-exit-skips-defers/fixed

go 1.23
