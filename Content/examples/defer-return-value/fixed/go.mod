module deferlab.example/defer-return-value/fixed

go 1.23
