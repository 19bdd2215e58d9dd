module deferlab.example/loop-defer-files/fixed

go 1.23
