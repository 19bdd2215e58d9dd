module deferlab.example/log-fatal-skips-defers/bad

go 1.23
