module deferlab.example/defer-cost/fixed

go 1.23
