module deferlab.example/nil-file-close/fixed

go 1.23
