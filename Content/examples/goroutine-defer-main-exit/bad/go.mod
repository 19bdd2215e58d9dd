module deferlab.example/goroutine-defer-main-exit/bad

go 1.23
