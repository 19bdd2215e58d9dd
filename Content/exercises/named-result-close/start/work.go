// Your file: save a list of records to a file. Only this file is yours to
// edit.
package main

import "io"

// save writes records to a new file called name, one record per line, and
// reports whether the file was saved.
func save(name string, records []string) error {
	w, err := create(name)
	if err != nil {
		return err
	}
	defer w.Close()
	for _, r := range records {
		if _, err := io.WriteString(w, r+"\n"); err != nil {
			return err
		}
	}
	return nil
}
