module deferlab.example/pprof-lock-pileup/fixed

go 1.23
