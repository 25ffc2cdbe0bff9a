package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// The log of internal errors goes to the system's temporary folder, not
// the user's cache folder, for this package's tests and the programs they
// start.
func init() {
	os.Setenv("PATOOLKIT_LOG", filepath.Join(os.TempDir(), fmt.Sprintf("patoolkit-cmd-test-%d.log", os.Getpid())))
}
