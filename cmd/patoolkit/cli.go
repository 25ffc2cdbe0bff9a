package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"patoolkit/field"
)

// A command is one CLI subcommand. It reads its flags from args and writes
// its result to stdout. It returns nil (exit 0), a badInput error (exit 2,
// the message printed on one line), or another error (exit 1).
type command struct {
	group   string // the job it is for, as "patoolkit help" groups it (help.go)
	name    string
	summary string
	run     func(args []string, stdout io.Writer) error
}

var commands = map[string]command{}

// register adds a subcommand with no group yet; give its group with
// registerIn (TestEveryCommandHasAGroupAndIsInTheReadme fails until then).
func register(name, summary string, run func(args []string, stdout io.Writer) error) {
	registerIn("", name, summary, run)
}

// registerIn adds a subcommand in a group of help (one of helpGroups);
// each command's file calls it from init.
func registerIn(group, name, summary string, run func(args []string, stdout io.Writer) error) {
	if _, dup := commands[name]; dup {
		panic("command registered twice: " + name)
	}
	commands[name] = command{group: group, name: name, summary: summary, run: run}
}

// badInput returns a refusal of what the user typed: a field error (about
// the command line, not one field), which exits 2 with a one-line message.
func badInput(format string, a ...any) error {
	return field.Error{Message: fmt.Sprintf(format, a...)}
}

// isInputError reports whether err should exit 2: a refusal of the input
// (a field error, or a service error that describes bad input), as
// isServiceInputError, which cli_service.go provides, tells.
func isInputError(err error) bool { return isServiceInputError(err) }

// run executes the CLI and returns the process exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "patoolkit: no command given")
		return 2
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" {
		usage(stdout)
		return 0
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "patoolkit: unknown command %q; run \"patoolkit help\" to list the commands\n", name)
		return 2
	}
	err := c.run(args[1:], stdout)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case isInputError(err):
		fmt.Fprintf(stderr, "patoolkit %s: %s\n", name, oneLine(messageOf(err)))
		return 2
	default:
		fmt.Fprintf(stderr, "patoolkit %s: %s\n", name, oneLine(messageOf(err)))
		return 1
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// newFlags returns a flag set that reports its own errors as bad input
// rather than printing them, so a command's refusal is always one line.
func newFlags(name string, stdout io.Writer) *flag.FlagSet {
	full := strings.TrimSpace("patoolkit " + name)
	fs := flag.NewFlagSet(full, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fs.SetOutput(stdout)
		fmt.Fprintf(stdout, "Usage of %s:\n", full)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parseFlags parses args; an unknown flag or a stray argument is bad input.
// parseRequired is parseFlags for a command that cannot go on without one
// flag: when its value is empty it refuses with the message missing.
func parseRequired(fs *flag.FlagSet, args []string, value *string, missing string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *value == "" {
		return badInput("%s", missing)
	}
	return nil
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	// The flag package prints the usage on any error; only -h should.
	usage := fs.Usage
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.Usage = usage
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return err
		}
		return badInput("%v (run with -h for the options)", err)
	}
	if fs.NArg() > 0 {
		return badInput("unexpected argument %q (run with -h for the options)", fs.Arg(0))
	}
	return nil
}
