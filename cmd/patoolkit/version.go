package main

import (
	"fmt"
	"io"
)

// Version is set at build time with -ldflags "-X main.Version=...".
var Version = "0.1.0-dev"

func init() {
	registerIn(groupData, "version", "print the version", func(args []string, stdout io.Writer) error {
		fs := newFlags("version", stdout)
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "patoolkit %s\n", Version)
		return nil
	})
}
