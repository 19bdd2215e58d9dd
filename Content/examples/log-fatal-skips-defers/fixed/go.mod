module deferlab.example/log-fatal-skips-defers/fixed

go 1.23
