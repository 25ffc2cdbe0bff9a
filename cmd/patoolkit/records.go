package main

import (
	"flag"
	"fmt"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/service"
)

// The helpers the record commands (budget, employer, pa, contract,
// insurance, absence, timesheet, the money records) share: their one home.

// byFlag turns the service's refusal of a record into one line that names
// the flag of each field it refuses ("--payment: The council's payment is
// needed…"), from flags (field name to flag name). A refusal that names
// no field, or another error, is returned as it is.
func byFlag(err error, flags map[string]string) error {
	problems := service.FieldProblems(err)
	if len(problems) == 0 {
		return err
	}
	parts := make([]string, 0, len(problems))
	for _, p := range problems {
		if f, ok := flags[p.Field]; ok {
			parts = append(parts, "--"+f+": "+p.Message)
		} else {
			parts = append(parts, p.Message)
		}
	}
	return badInput("%s", strings.Join(parts, " "))
}

// given is the set of flags given on the command line (not left to their
// defaults), so an edit changes only what was typed.
func given(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

// needed refuses the first of the flags (name, value pairs) left empty,
// saying what it is for.
func needed(pairs ...[2]string) error {
	for _, p := range pairs {
		if strings.TrimSpace(p[1]) == "" {
			return badInput("--%s is needed (run with -h for the options)", p[0])
		}
	}
	return nil
}

// findPA is the budget's PA named by --pa, which must be given.
func findPA(svc *service.Service, a household.Account, name string) (household.PA, error) {
	if strings.TrimSpace(name) == "" {
		return household.PA{}, badInput("--pa NAME is needed: which PA")
	}
	return svc.FindPA(a.ID, name)
}

// moneyFlag reads an amount flag into *into when it was given: amounts
// that may not be negative, as parseAmount reads them.
func moneyFlag(set map[string]bool, name, v string, into *money.Money) error {
	if !set[name] {
		return nil
	}
	m, err := parseAmount("--"+name, v)
	if err != nil {
		return err
	}
	*into = m
	return nil
}

// dateFlag reads a date flag into *into when it was given.
func dateFlag(set map[string]bool, name, v string, into *civil.Date) error {
	if !set[name] {
		return nil
	}
	if strings.TrimSpace(v) == "" {
		*into = civil.Date{}
		return nil
	}
	d, err := parseDateFlag(name, v)
	if err != nil {
		return err
	}
	*into = d
	return nil
}

// choiceFlag reads a flag whose value is one of choices into *into when it
// was given, refusing any other value with the choices listed.
func choiceFlag[T ~string](set map[string]bool, name, v string, choices []T, into *T) error {
	if !set[name] {
		return nil
	}
	for _, c := range choices {
		if strings.EqualFold(strings.TrimSpace(v), string(c)) {
			*into = c
			return nil
		}
	}
	names := make([]string, len(choices))
	for i, c := range choices {
		names[i] = string(c)
	}
	return badInput("--%s %q is not one of %s", name, v, strings.Join(names, ", "))
}

// total says what a total is, in words: "Total gross pay for these 4
// timesheets: £1,234.56".
func total(what string, n int, one, many string, m money.Money) string {
	noun := many
	if n == 1 {
		return fmt.Sprintf("Total %s for this %s: %s", what, one, m.Format())
	}
	return fmt.Sprintf("Total %s for these %d %s: %s", what, n, noun, m.Format())
}

// optionalRange reads --from and --to, each defFrom or defTo when left
// out; --to before --from is refused.
func optionalRange(from, to string, defFrom, defTo civil.Date) (civil.Date, civil.Date, error) {
	f, t := defFrom, defTo
	var err error
	if from != "" {
		if f, err = parseDateFlag("from", from); err != nil {
			return f, t, err
		}
	}
	if to != "" {
		if t, err = parseDateFlag("to", to); err != nil {
			return f, t, err
		}
	}
	if t.Before(f) {
		return f, t, badInput("--to %s is before --from %s", t, f)
	}
	return f, t, nil
}
