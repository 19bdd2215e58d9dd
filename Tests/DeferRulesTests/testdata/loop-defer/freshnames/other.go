package freshnames

// Names a wrap would like to use are taken at package level.
var (
	exit  = 1
	ret   = "taken"
	ret1  = 2.5
	exit1 = true
)

func use() (int, string, float64, bool) { return exit, ret, ret1, exit1 }

var _ = use
