package main

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// readmeCommands returns, for each group heading ("### Set up") of the
// README's Commands section, the text under it.
func readmeCommands(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "\n## Commands\n")
	if i < 0 {
		t.Fatal("the README has no Commands section")
	}
	s = s[i+len("\n## Commands\n"):]
	if j := strings.Index(s, "\n## "); j >= 0 {
		s = s[:j]
	}
	out := map[string]string{}
	for _, part := range strings.Split(s, "\n### ")[1:] {
		head, body, _ := strings.Cut(part, "\n")
		out[strings.TrimSpace(head)] = body
	}
	return out
}

// TestEveryCommandHasAGroupAndIsInTheReadme: "patoolkit help" lists every
// command under a group of helpGroups, and the README's command table has
// a row for each under the same heading.
func TestEveryCommandHasAGroupAndIsInTheReadme(t *testing.T) {
	readme := readmeCommands(t)
	for name, c := range commands {
		if !slices.Contains(helpGroups, c.group) {
			t.Errorf("command %q has group %q, not one of helpGroups: register it with registerIn", name, c.group)
			continue
		}
		body, ok := readme[c.group]
		if !ok {
			t.Errorf("the README's Commands section has no heading \"### %s\" (for %q)", c.group, name)
			continue
		}
		if !strings.Contains(body, "| `patoolkit "+name+" ") && !strings.Contains(body, "| `patoolkit "+name+"`") {
			t.Errorf("the README's table under %q has no row for patoolkit %s", c.group, name)
		}
	}
	for g := range readme {
		if !slices.Contains(helpGroups, g) {
			t.Errorf("the README has a group %q that help does not", g)
		}
	}
}

// TestHelpGroupsTheCommandsByJob: help lists each group, its commands
// under it, with no box-drawing characters.
func TestHelpGroupsTheCommandsByJob(t *testing.T) {
	code, out, _ := cli(t, "help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	last := -1
	for _, g := range helpGroups {
		i := strings.Index(out, "\n"+g+":\n")
		if i < 0 {
			t.Errorf("help has no group %q:\n%s", g, out)
			continue
		}
		if i < last {
			t.Errorf("group %q is out of order", g)
		}
		last = i
	}
	for name, c := range commands {
		g := strings.Index(out, "\n"+c.group+":\n")
		line := strings.Index(out, "\n  "+name+": ")
		if g < 0 || line < g {
			t.Errorf("help does not list %q under %q", name, c.group)
		}
	}
	if strings.ContainsAny(out, "─│┌┐└┘├┤┬┴┼═║") {
		t.Errorf("help draws boxes:\n%s", out)
	}
}
