// Your file: fetch every URL, count what worked and what did not, and add up
// the body sizes. Only this file is yours to edit.
package main

import (
	"io"
	"net/http"
)

// Summary is what fetchAll reports.
type Summary struct {
	OK     int   // URLs that answered
	Failed int   // URLs that could not be fetched
	Bytes  int64 // total body bytes of the answers
}

// fetchOne gets one URL and returns how many body bytes it read.
func fetchOne(client *http.Client, url string) (int64, error) {
	resp, err := client.Get(url)
	if err != nil {
		// resp is nil here: there is no body to close.
		return 0, err
	}
	defer resp.Body.Close()
	return io.Copy(io.Discard, resp.Body)
}

// fetchAll fetches the URLs one after the other. A URL that fails is counted
// and skipped; it does not stop the others.
func fetchAll(client *http.Client, urls []string) Summary {
	var s Summary
	for _, u := range urls {
		n, err := fetchOne(client, u)
		if err != nil {
			s.Failed++
			continue
		}
		s.OK++
		s.Bytes += n
	}
	return s
}
