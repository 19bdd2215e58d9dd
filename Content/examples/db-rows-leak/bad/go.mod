module deferlab.example/db-rows-leak/bad

go 1.23
