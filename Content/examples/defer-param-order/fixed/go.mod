module deferlab.example/defer-param-order/fixed

go 1.23
