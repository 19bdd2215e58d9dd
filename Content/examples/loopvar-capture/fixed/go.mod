module deferlab.example/loopvar-capture/fixed

go 1.22
