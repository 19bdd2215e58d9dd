module deferlab.example/pprof-lock-pileup/bad

go 1.23
