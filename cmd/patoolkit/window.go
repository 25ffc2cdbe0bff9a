package main

import (
	"fmt"
	"os"
)

// openWindow opens the main window on the data file (the default when "").
func openWindow(data string) int {
	fmt.Fprintln(os.Stderr, "the window is being built")
	return 1
}
