// Your file: save a list of records to a file. Only this file is yours to
// edit.
package main

import "io"

// save writes records to a new file called name, one record per line, and
// reports whether the file was saved.
//
// The result is named so that the deferred Close can still change it after
// the return statement has set it.
func save(name string, records []string) (err error) {
	w, err := create(name)
	if err != nil {
		return err
	}
	defer func() {
		// Close stores the data, so its error matters. An earlier error
		// (from a write) is the cause and is kept.
		if cerr := w.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	for _, r := range records {
		if _, err := io.WriteString(w, r+"\n"); err != nil {
			return err
		}
	}
	return nil
}
