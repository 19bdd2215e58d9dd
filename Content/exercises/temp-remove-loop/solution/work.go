// work.go: reference solution.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// scanAttachments spools every attachment to a temporary file in dir,
// because the scanner only takes file paths, and returns the scanner's
// verdicts in the order of the attachments. The temporary files are not
// kept.
func scanAttachments(dir string, atts []Attachment, sc *Scanner) ([]Verdict, error) {
	verdicts := make([]Verdict, 0, len(atts))
	for _, a := range atts {
		v, err := scanOne(dir, a, sc)
		if err != nil {
			return verdicts, fmt.Errorf("%s: %w", a.Name, err)
		}
		verdicts = append(verdicts, v)
	}
	return verdicts, nil
}

// scanOne spools one attachment and scans it. Its deferred calls run when
// it returns: the file is closed and removed before the next attachment
// is written, so the folder never holds more than one of them.
func scanOne(dir string, a Attachment, sc *Scanner) (Verdict, error) {
	f, err := os.CreateTemp(dir, "attachment-*"+filepath.Ext(a.Name))
	if err != nil {
		return Verdict{}, err
	}
	defer os.Remove(f.Name())
	defer f.Close()

	if _, err := io.Copy(f, a.Body); err != nil {
		return Verdict{}, err
	}
	return sc.Scan(f.Name())
}
