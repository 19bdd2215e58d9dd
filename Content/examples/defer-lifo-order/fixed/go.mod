module deferlab.example/defer-lifo-order/fixed

go 1.23
