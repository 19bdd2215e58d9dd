module deferlab.example/middleware-defer/bad

go 1.23
