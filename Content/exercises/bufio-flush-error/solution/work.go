// Reference solution for the bufio-flush-error exercise.
package main

import (
	"bufio"
	"fmt"
	"io"
)

// exportOrders writes the orders to dst as CSV, with a header line. The
// rows go through a buffer, so that dst sees a few large writes instead of
// one small write per row. It reports whether the export was written.
func exportOrders(dst io.Writer, orders []Order) error {
	w := bufio.NewWriter(dst)

	if _, err := fmt.Fprintln(w, "id,customer,amount,status"); err != nil {
		return err
	}
	for _, o := range orders {
		_, err := fmt.Fprintf(w, "%d,%s,%d.%02d,%s\n", o.ID, o.Customer, o.Cents/100, o.Cents%100, o.Status)
		if err != nil {
			return err
		}
	}
	// The last rows are still in the buffer: only Flush sends them, so its
	// error is the export's. (After a failed Fprintf the writer keeps its
	// error and Flush would only repeat it; those paths return above.)
	return w.Flush()
}
