module deferlab.example/defer-param-order/bad

go 1.23
