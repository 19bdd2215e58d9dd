module deferlab.example/goroutine-defer-main-exit/fixed

go 1.23
