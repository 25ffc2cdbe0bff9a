package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"strings"

	"patoolkit/civil"
	"patoolkit/payroll"
	"patoolkit/service"
)

func init() {
	registerIn(groupPeople, "pension", "the workplace pension duties: pension duties --duties-start DATE [...], pension pa --pa NAME [...], pension event --pa NAME --event EVENT [--on DATE], pension status [--json]", cmdPension)
}

// exportPension writes the contribution file for a payday.
func exportPension(af accountFlags, payday, format, out string, force bool, stdout io.Writer) error {
	day, err := parseDateFlag("payday", payday)
	if err != nil {
		return err
	}
	switch format {
	case "":
		return badInput("--format is needed: papdis, nest or generic")
	case service.PensionPAPDIS, service.PensionNEST, service.PensionGeneric:
	default:
		return badInput("unknown format %q: use papdis, nest or generic", format)
	}
	if out == "" {
		return badInput("--out FILE is needed: where to write the pension contributions")
	}
	svc, a, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	var buf bytes.Buffer
	if err := svc.ExportPensionCSV(&buf, a.ID, day, format); err != nil {
		return err
	}
	if err := svc.WriteFile(out, force, writeBytes(buf.Bytes())); err != nil {
		return fileError(err, out)
	}
	fmt.Fprintf(stdout, "Wrote %s (%d bytes).\n", out, buf.Len())
	return nil
}

func cmdPension(args []string, stdout io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return badInput("say what to do: pension duties, pension pa, pension event or pension status")
	}
	switch args[0] {
	case "duties":
		return pensionDuties(args[1:], stdout)
	case "pa":
		return pensionPA(args[1:], stdout)
	case "status":
		return pensionStatus(args[1:], stdout)
	case "event":
		return pensionEvent(args[1:], stdout)
	}
	return badInput("unknown pension command %q: use duties, pa, event or status", args[0])
}

// optionalDate reads a date flag that may be left out ("none" clears it).
func optionalDate(name, v string, into *civil.Date) error {
	switch v {
	case "":
		return nil
	case "none":
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

func pensionDuties(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("pension duties", stdout)
	start := fs.String("duties-start", "", "the duties start `DATE`: the day your first PA started")
	months := fs.Int("postpone-months", -1, "postponement used, 0 to 3 `MONTHS`")
	reenrol := fs.String("reenrolment-date", "", "the re-enrolment `DATE` chosen (\"none\" clears it)")
	declared := fs.String("declared-on", "", "the `DATE` the declaration of compliance was made")
	redeclared := fs.String("redeclared-on", "", "the `DATE` the re-declaration was made")
	ref := fs.String("scheme-ref", "", "the scheme's `REFERENCE` for you (NEST: EMP and 9 digits)")
	source := fs.String("payment-source", "", "the payment source `NAME` in the scheme's account")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	svc, a, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	d, _, err := svc.PensionDuties(a.ID)
	if err != nil {
		return err
	}
	d.AccountID = a.ID
	for _, f := range []struct {
		name, v string
		into    *civil.Date
	}{{"duties-start", *start, &d.Duties.Start}, {"reenrolment-date", *reenrol, &d.Duties.ReEnrolment},
		{"declared-on", *declared, &d.Declared}, {"redeclared-on", *redeclared, &d.ReDeclared}} {
		if err := optionalDate(f.name, f.v, f.into); err != nil {
			return err
		}
	}
	if *months >= 0 {
		d.Duties.PostponeMonths = *months
	}
	setFlags := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { setFlags[f.Name] = true })
	if setFlags["scheme-ref"] {
		d.SchemeRef = *ref
	}
	if setFlags["payment-source"] {
		d.PaymentSource = *source
	}
	if err := svc.SavePensionDuties(d); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Saved: duties start %s, declaration of compliance due by %s.\n", d.Duties.Start.UK(), payroll.DeclarationDue(d.Duties.Start).UK())
	return nil
}

func pensionPA(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("pension pa", stdout)
	paName := fs.String("pa", "", "the PA (`NAME`)")
	dates := map[string]*string{}
	for _, f := range []struct{ name, usage string }{
		{"enrolled-on", "the automatic enrolment `DATE` (or the day an opt-in or join took effect)"},
		{"letter-given", "the `DATE` the enrolment information was given"},
		{"postponed-to", "the `DATE` postponement runs to"},
		{"notice-given", "the `DATE` the written notice of postponement was given"},
		{"opted-out", "the `DATE` a valid opt-out notice was received"},
		{"joined", "the `DATE` the PA asked in writing to join (opt in)"},
		{"stopped", "the `DATE` the PA asked to stop, after the opt-out period"},
	} {
		dates[f.name] = fs.String(f.name, "", f.usage+` ("none" clears it)`)
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *paName == "" {
		return badInput("--pa NAME is needed: whose pension record to change")
	}
	svc, a, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	paID, err := paFlag(svc, a, *paName)
	if err != nil {
		return err
	}
	states, err := svc.PensionStates(a.ID)
	if err != nil {
		return err
	}
	st := states[paID]
	for name, into := range map[string]*civil.Date{"enrolled-on": &st.Enrolled, "letter-given": &st.InfoGiven, "postponed-to": &st.PostponedTo,
		"notice-given": &st.PostponementNotice, "opted-out": &st.OptedOut, "joined": &st.Joined, "stopped": &st.Stopped} {
		if err := optionalDate(name, *dates[name], into); err != nil {
			return err
		}
	}
	if err := svc.SavePensionState(a.ID, paID, st); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Saved %s's pension record.\n", *paName)
	return nil
}

type pensionReminderJSON struct {
	Title   string `json:"title"`
	Due     string `json:"due"`
	Done    string `json:"done"`
	Overdue bool   `json:"overdue"`
	Text    string `json:"text"`
}

func pensionStatus(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("pension status", stdout)
	asJSON := fs.Bool("json", false, "write JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	svc, a, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	rs, err := svc.PensionReminders(a.ID, moneyToday())
	if err != nil {
		return err
	}
	out := []pensionReminderJSON{}
	for _, r := range rs {
		out = append(out, pensionReminderJSON{Title: r.Title, Due: r.Due.String(), Done: r.Done.String(), Overdue: r.Overdue, Text: r.Text})
	}
	if *asJSON {
		return writeJSON(stdout, out)
	}
	for _, r := range out {
		fmt.Fprintf(stdout, "%s: %s\n", r.Title, r.Text)
	}
	return nil
}
