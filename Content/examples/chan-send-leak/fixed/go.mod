module deferlab.example/chan-send-leak/fixed

go 1.23
