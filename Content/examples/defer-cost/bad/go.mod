module deferlab.example/defer-cost/bad

go 1.23
