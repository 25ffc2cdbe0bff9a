package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"patoolkit/service"
)

// TestTypedTextRefusalsArePlainMessages checks that what the window can't
// read is refused as a field error, shown as its own plain message through
// the one message function, never as something that went wrong.
func TestTypedTextRefusalsArePlainMessages(t *testing.T) {
	for _, c := range []struct {
		name string
		read func() error
		want string
	}{
		{"date", func() error { _, err := parseDate("31/31/2026"); return err }, `"31/31/2026" is not a date we can read.`},
		{"money", func() error { _, err := parseMoney("12,5p"); return err }, `"12,5p" is not an amount of money.`},
		{"hours", func() error { _, err := parseHours("lots"); return err }, `"lots" is not a number of hours.`},
		{"percent", func() error { _, err := parsePercent("five"); return err }, `"five" is not a percentage.`},
		{"whole number", func() error { _, err := parseWholeNumber("-1"); return err }, `"-1" is not a whole number.`},
		{"miles", func() error { _, err := parseMiles("1.25"); return err }, `"1.25" is not a number of miles.`},
		{"blank clock", func() error { _, err := readClock(" ", "start"); return err }, "Type the start time on the 24-hour clock"},
		{"clock", func() error { _, err := readClock("25:00", "end"); return err }, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.read()
			if err == nil {
				t.Fatal("read")
			}
			if service.ErrorCode(err) != service.Invalid {
				t.Fatalf("%v is not a refusal of the input", err)
			}
			msg := service.ErrorMessage(err)
			if !strings.HasPrefix(msg, c.want) || strings.Contains(msg, "went wrong") {
				t.Errorf("message %q, want it to start %q", msg, c.want)
			}
		})
	}
}

// TestNoErrorTextIsShown: the window never shows an error's own text; every
// message comes from service.ErrorMessage (or is the window's own).
func TestNoErrorTextIsShown(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, ".Error()") {
				t.Errorf("%s:%d shows an error's text: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}
