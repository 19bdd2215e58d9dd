module deferlab.example/goroutine-quit-no-wait/fixed

go 1.23
