// Command patoolkit is the PA Employer Toolkit: with no arguments it opens
// the window; with a command it runs that command (see "patoolkit help").
package main

import (
	"os"
)

func main() {
	if len(os.Args) > 1 {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(openWindow(""))
}
