module deferlab.example/defer-return-value/bad

go 1.23
