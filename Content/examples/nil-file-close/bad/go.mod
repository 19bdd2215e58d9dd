module deferlab.example/nil-file-close/bad

go 1.23
