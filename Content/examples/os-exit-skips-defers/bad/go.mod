module deferlab.example/os-exit-skips-defers/bad

go 1.23
