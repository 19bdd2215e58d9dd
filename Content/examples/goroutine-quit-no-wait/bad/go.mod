module deferlab.example/goroutine-quit-no-wait/bad

go 1.23
