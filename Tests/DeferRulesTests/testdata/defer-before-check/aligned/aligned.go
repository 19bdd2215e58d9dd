package aligned

import "net/http"

// Status has a run of aligned trailing comments; the moved line leaves it and joins another.
func Status(url string) (int, error) {
	resp, err := http.Get(url) // get
	defer resp.Body.Close()    // close // want "uses resp before err is checked.*\\(fix available\\)"
	if err != nil {            // check
		return 0, err
	}
	return resp.StatusCode, nil // done
}
