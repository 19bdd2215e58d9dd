// work.go: reference solution.
package main

import (
	"bufio"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// latestReleases asks the package index for the release list of every
// package and returns each package's newest release. The index lists
// releases newest first, so only the first line of each list is read.
func latestReleases(client *http.Client, baseURL string, names []string) (map[string]Release, error) {
	latest := make(map[string]Release, len(names))
	for _, name := range names {
		r, err := latestRelease(client, baseURL, name)
		if err != nil {
			return latest, err
		}
		latest[name] = r
	}
	return latest, nil
}

// latestRelease makes one request. The body is read only up to its first
// line, so the connection is not handed back on its own: the deferred Close
// releases it when this function returns, before the next request starts.
func latestRelease(client *http.Client, baseURL, name string) (Release, error) {
	resp, err := client.Get(baseURL + "/packages/" + url.PathEscape(name) + "/releases")
	if err != nil {
		return Release{}, err
	}
	defer resp.Body.Close()

	if resp.StatusCode != http.StatusOK {
		return Release{}, fmt.Errorf("%s: %s", name, resp.Status)
	}
	line, err := bufio.NewReader(resp.Body).ReadString('\n')
	if err != nil {
		return Release{}, fmt.Errorf("%s: reading the release list: %w", name, err)
	}
	fields := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
	if len(fields) < 2 {
		return Release{}, fmt.Errorf("%s: malformed release line %q", name, line)
	}
	return Release{Version: fields[0], Date: fields[1]}, nil
}
