module deferlab.example/chan-send-leak/bad

go 1.23
