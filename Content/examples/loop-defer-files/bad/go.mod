module deferlab.example/loop-defer-files/bad

go 1.23
