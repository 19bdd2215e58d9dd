module deferlab.example/middleware-defer/fixed

go 1.23
