module deferlab.example/defer-args-evaluated/bad

go 1.23
