module deferlab.example/db-rows-leak/fixed

go 1.23
