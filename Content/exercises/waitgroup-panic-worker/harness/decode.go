package main

// decodeEvent stands in for a parser the service vendors from another team:
// part of the harness, not to be changed. It has a bug: some malformed
// lines make it panic instead of returning an error.

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Event is one decoded access-log line.
type Event struct {
	Service string
	Status  int
	Bytes   int64
}

// decodeEvent parses a line of key=value fields, such as
// "ts=1700000123 svc=orders status=200 bytes=5120 dur_ms=12".
func decodeEvent(line string) (Event, error) {
	var ev Event
	if strings.TrimSpace(line) == "" {
		return ev, errors.New("empty line")
	}
	for _, field := range strings.Fields(line) {
		kv := strings.SplitN(field, "=", 2)
		key, val := kv[0], kv[1]
		switch key {
		case "svc":
			// Service names are stored capitalised.
			ev.Service = strings.ToUpper(val[:1]) + val[1:]
		case "status":
			n, err := strconv.Atoi(val)
			if err != nil {
				return ev, fmt.Errorf("status: %w", err)
			}
			ev.Status = n
		case "bytes":
			n, err := strconv.ParseInt(val, 10, 64)
			if err != nil {
				return ev, fmt.Errorf("bytes: %w", err)
			}
			ev.Bytes = n
		}
	}
	if ev.Service == "" {
		return ev, errors.New("no svc field")
	}
	return ev, nil
}
