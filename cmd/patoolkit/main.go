// Command patoolkit is the PA Employer Toolkit: with no arguments (or only
// --data FILE) it opens the window; with a command it runs that command
// (see "patoolkit help").
package main

import (
	"errors"
	"flag"
	"io"
	"os"
	"strings"
)

func main() {
	args := os.Args[1:]
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" {
		data, err := windowFlags(args, os.Stdout)
		if err != nil {
			os.Exit(report(err))
		}
		os.Exit(openWindow(data))
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// windowFlags reads the flags the window takes: only --data FILE.
func windowFlags(args []string, stdout io.Writer) (string, error) {
	fs := newFlags("", stdout)
	data := dataFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return "", err
	}
	return *data, nil
}

// report prints err as the CLI would and returns its exit code.
func report(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	os.Stderr.WriteString("patoolkit: " + oneLine(messageOf(err)) + "\n")
	if isInputError(err) {
		return 2
	}
	return 1
}
