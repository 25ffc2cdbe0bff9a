package main

import (
	"fmt"
	"io"
	"sort"
)

// The groups "patoolkit help" and the README's command table put the
// commands in, by the job they are for. A command gives its group when it
// is registered (registerIn).
const (
	groupSetUp     = "Set up"
	groupPeople    = "People and contracts"
	groupRota      = "Rota and timesheets"
	groupPay       = "Pay and HMRC"
	groupMoney     = "Money"
	groupReturns   = "Council returns"
	groupDocuments = "Documents to print or send"
	groupData      = "The data file"
)

// helpGroups is the order the groups are listed in.
var helpGroups = []string{groupSetUp, groupPeople, groupRota, groupPay, groupMoney, groupReturns, groupDocuments, groupData}

// grouped returns the names of the commands of each group, sorted, in the
// order of helpGroups; commands without a known group come last under
// "Other".
func grouped() (groups []string, names map[string][]string) {
	names = map[string][]string{}
	known := map[string]bool{}
	for _, g := range helpGroups {
		known[g] = true
	}
	for n, c := range commands {
		g := c.group
		if !known[g] {
			g = "Other"
		}
		names[g] = append(names[g], n)
	}
	for _, g := range append(append([]string{}, helpGroups...), "Other") {
		if len(names[g]) == 0 {
			continue
		}
		sort.Strings(names[g])
		groups = append(groups, g)
	}
	return groups, names
}

// usage lists the commands, a line each, under the job they are for: plain
// lines a screen reader reads in order, no columns to line up.
func usage(w io.Writer) {
	fmt.Fprintln(w, "PA Employer Toolkit. Run with no command to open the window.")
	fmt.Fprintln(w, "The commands, by the job they are for:")
	groups, names := grouped()
	for _, g := range groups {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "%s:\n", g)
		for _, n := range names[g] {
			fmt.Fprintf(w, "  %s: %s\n", n, commands[n].summary)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run \"patoolkit COMMAND -h\" for a command's options. Every command takes --data FILE; every list takes --json.")
}
