module deferlab.example/defer-args-evaluated/fixed

go 1.23
