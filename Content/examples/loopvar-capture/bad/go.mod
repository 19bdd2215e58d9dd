module deferlab.example/loopvar-capture/bad

go 1.21
