module deferlab.example/defer-lifo-order/bad

go 1.23
