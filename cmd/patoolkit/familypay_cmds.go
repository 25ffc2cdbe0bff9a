package main

import (
	"fmt"
	"io"
	"strings"

	"patoolkit/household"
	"patoolkit/payroll"
	"patoolkit/service"
	"patoolkit/text"
)

func init() {
	registerIn(groupPeople, "familypay", "maternity, paternity, adoption, shared parental, bereavement and neonatal care leave and pay: familypay add --pa NAME --kind KIND --from DATE --weeks N [...], familypay list [--pa NAME] [--json], familypay remove --id N", cmdFamilyPay)
}

func cmdFamilyPay(args []string, stdout io.Writer) error {
	if len(args) == 0 || (strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help") {
		return badInput("say what to do: familypay add, familypay list or familypay remove")
	}
	switch args[0] {
	case "add":
		return familyAdd(args[1:], stdout)
	case "list":
		return familyList(args[1:], stdout)
	case "remove":
		return familyRemove(args[1:], stdout)
	case "-h", "--help", "help":
		fmt.Fprintln(stdout, "Usage: patoolkit familypay add|list|remove [options]; run \"patoolkit familypay add -h\" for each one's options.")
		return nil
	}
	return badInput("unknown familypay command %q: use add, list or remove", args[0])
}

// familyDateFlags are add's key date flags, by the field each fills.
var familyDateFlags = []struct{ flag, field, usage string }{
	{"expected", payroll.KeyExpected, "the `DATE` the baby is due (from the MATB1 form): any day of the week it is due in"},
	{"matched", payroll.KeyMatched, "for an adoption, the `DATE` they were told they had been matched with the child"},
	{"birth", payroll.KeyBirth, "the child's `DATE` of birth (or placement, for an adoption), once known"},
	{"death", payroll.KeyDeath, "bereavement: the `DATE` the child died or was stillborn"},
	{"care-from", payroll.KeyCareFrom, "neonatal: the `DATE` the baby's neonatal care began"},
}

func familyAdd(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("familypay add", stdout)
	paName := fs.String("pa", "", "the PA (`NAME`)")
	kindFlag := fs.String("kind", "", "the `KIND` of leave: maternity, paternity, adoption, shared-parental, bereavement or neonatal")
	dates := map[string]*string{}
	for _, d := range familyDateFlags {
		dates[d.field] = fs.String(d.flag, "", d.usage)
	}
	from := fs.String("from", "", "the first `DATE` of the leave and its pay")
	to := fs.String("to", "", "the last `DATE` of the leave, when it ends before the weeks claimed")
	weeks := fs.Int("weeks", 0, "how many `WEEKS` of pay are claimed")
	note := fs.String("note", "", "a `NOTE` kept with the leave (what was seen, when notice was given)")
	var f service.FamilyLeave
	return runBudget(fs, af, args, func() error {
		if *paName == "" {
			return badInput("--pa NAME is needed: whose leave it is")
		}
		if *kindFlag == "" {
			return badInput("--kind is needed: maternity, paternity, adoption, shared-parental, bereavement or neonatal")
		}
		k, err := payroll.ParseFamilyPayKind(*kindFlag)
		if err != nil {
			return badInput("--kind: %s", service.ErrorMessage(err))
		}
		f.Leave.Kind = k
		for _, d := range familyDateFlags {
			if v := *dates[d.field]; v != "" {
				day, err := parseDateFlag(d.flag, v)
				if err != nil {
					return err
				}
				*f.Leave.KeyDateOf(d.field) = day
			}
		}
		// Which dates the kind uses (an adoption when the match is given);
		// the refusal names the flag.
		if err := f.Leave.CheckKeyDates(!f.Leave.Matched.IsZero()); err != nil {
			flagName := err.Error()
			for _, d := range familyDateFlags {
				if p := service.FieldProblems(err); len(p) > 0 && p[0].Field == d.field {
					flagName = "--" + d.flag + ": " + p[0].Message
				}
			}
			return badInput("%s", flagName)
		}
		if f.Leave.From, err = parseDateFlag("from", *from); err != nil {
			return err
		}
		if *to != "" {
			if f.Leave.To, err = parseDateFlag("to", *to); err != nil {
				return err
			}
		}
		if *weeks == 0 {
			return badInput("--weeks is needed: how many weeks of %s are claimed (1 to %d)", k.Name(), k.MaxWeeks())
		}
		f.Leave.Weeks, f.Note = *weeks, *note
		return nil
	}, func(svc *service.Service, a household.Account) error {
		paID, err := paFlag(svc, a, *paName)
		if err != nil {
			return err
		}
		f.AccountID, f.PAID = a.ID, paID
		saved, err := svc.AddFamilyLeave(f)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Added %s's %s from %s, %s (number %d). See what it pays with: patoolkit familypay list --pa %q\n",
			*paName, f.Leave.Kind.Leave(), f.Leave.From.UK(), text.Count(f.Leave.Weeks, "week", "weeks"), saved.ID, *paName)
		return nil
	})
}

func familyRemove(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("familypay remove", stdout)
	id := fs.Int64("id", 0, "the leave's `NUMBER`, as familypay list shows it")
	return runBudget(fs, af, args, func() error {
		if *id <= 0 {
			return badInput("--id NUMBER is needed: the leave's number, as familypay list shows it")
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		if err := svc.RemoveFamilyLeave(a.ID, *id); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Removed family leave number %d.\n", *id)
		return nil
	})
}

// familyWeekJSON is one week of a payment.
type familyWeekJSON struct {
	Start           string `json:"start"`
	End             string `json:"end"`
	Rate            string `json:"rate"`
	EarningsRelated bool   `json:"earnings_related"`
}

// familyLeaveJSON is one episode with what it pays, as "familypay list
// --json" gives it: dates YYYY-MM-DD ("" when not given), amounts as
// strings with two decimals.
type familyLeaveJSON struct {
	ID             int64            `json:"id"`
	PA             string           `json:"pa"`
	Kind           string           `json:"kind"`
	Payment        string           `json:"payment"`
	Expected       string           `json:"expected"`
	Matched        string           `json:"matched"`
	Birth          string           `json:"birth"`
	Death          string           `json:"death"`
	CareFrom       string           `json:"care_from"`
	From           string           `json:"from"`
	To             string           `json:"to"`
	WeeksClaimed   int              `json:"weeks_claimed"`
	Note           string           `json:"note"`
	QualifyingWeek string           `json:"qualifying_week"`
	AWE            string           `json:"average_weekly_earnings"`
	AWEKnown       bool             `json:"average_weekly_earnings_known"`
	LEL            string           `json:"lower_earnings_limit"`
	Due            bool             `json:"due"`
	Weeks          []familyWeekJSON `json:"weeks"`
	Total          string           `json:"total"`
	Reasons        []string         `json:"reasons"`
	WhatToDo       string           `json:"what_to_do"`
}

func familyOut(v service.FamilyLeaveView) familyLeaveJSON {
	l, r := v.Leave, v.Pay
	out := familyLeaveJSON{ID: v.ID, PA: v.PA, Kind: string(l.Kind), Payment: l.Kind.Short(), Expected: l.Expected.String(),
		Matched: l.Matched.String(), Birth: l.Birth.String(), Death: l.Death.String(), CareFrom: l.CareFrom.String(),
		From: l.From.String(), To: l.To.String(), WeeksClaimed: l.Weeks, Note: v.Note, QualifyingWeek: r.QualifyingWeek.String(),
		AWE: amount(r.AWE.AWE), AWEKnown: r.AWE.Known, LEL: amount(r.LEL), Due: r.Due, Weeks: []familyWeekJSON{}, Total: amount(r.Total),
		Reasons: append([]string{}, r.Reasons...), WhatToDo: r.Tell}
	for _, w := range r.Weeks {
		out.Weeks = append(out.Weeks, familyWeekJSON{Start: w.Start.String(), End: w.End().String(), Rate: amount(w.Rate), EarningsRelated: w.EarningsRelated})
	}
	return out
}

// familyDateNames are the key dates as the list prints them.
var familyDateNames = []struct{ field, name string }{
	{payroll.KeyExpected, "baby due"},
	{payroll.KeyMatched, "matched"},
	{payroll.KeyBirth, "born or placed"},
	{payroll.KeyDeath, "died"},
	{payroll.KeyCareFrom, "neonatal care from"},
}

func familyList(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("familypay list", stdout)
	paName := fs.String("pa", "", "only this PA (`NAME`)")
	asJSON := fs.Bool("json", false, "write JSON")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		paID, err := paFlag(svc, a, *paName)
		if err != nil {
			return err
		}
		list, err := svc.FamilyLeaves(a.ID, paID)
		if err != nil {
			return err
		}
		if *asJSON {
			out := []familyLeaveJSON{}
			for _, v := range list {
				out = append(out, familyOut(v))
			}
			return writeJSON(stdout, out)
		}
		if len(list) == 0 {
			fmt.Fprintln(stdout, "No family leave is recorded. Add it with: patoolkit familypay add --pa NAME --kind KIND --from DATE --weeks N")
			return nil
		}
		for i, v := range list {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			familyText(stdout, v)
		}
		return nil
	})
}

// familyText prints one episode: its dates, then each run of weeks at one
// rate and the total, or why it is not due and what to do.
func familyText(w io.Writer, v service.FamilyLeaveView) {
	l, r := v.Leave, v.Pay
	fmt.Fprintf(w, "Number %d: %s, %s (%s) from %s, %s claimed\n", v.ID, v.PA, l.Kind.Name(), l.Kind.Short(), l.From.UK(), text.Count(l.Weeks, "week", "weeks"))
	var dates []string
	for _, d := range familyDateNames {
		if day := *l.KeyDateOf(d.field); !day.IsZero() {
			dates = append(dates, d.name+" "+day.UK())
		}
	}
	if !l.To.IsZero() {
		dates = append(dates, "leave ends "+l.To.UK())
	}
	dates = append(dates, "qualifying week from "+r.QualifyingWeek.UK())
	fmt.Fprintf(w, "  %s\n", strings.Join(dates, "; "))
	if r.AWE.Known {
		fmt.Fprintf(w, "  average weekly earnings %s (lower earnings limit %s)\n", r.AWE.AWE.Format(), r.LEL.Format())
	}
	if !r.Due {
		for _, why := range r.Reasons {
			fmt.Fprintf(w, "  not due: %s\n", why)
		}
		if r.Tell != "" {
			fmt.Fprintf(w, "  what to do: %s\n", r.Tell)
		}
		return
	}
	for _, g := range r.Runs() {
		which := fmt.Sprintf("weeks %d to %d", g.First, g.Last)
		if g.First == g.Last {
			which = fmt.Sprintf("week %d", g.First)
		}
		how := ""
		if g.EarningsRelated {
			how = " (90% of average weekly earnings)"
		}
		fmt.Fprintf(w, "  %s, %s to %s: %s a week%s\n", which, g.From.UK(), g.To.UK(), g.Rate.Format(), how)
	}
	if len(r.Weeks) > 0 {
		fmt.Fprintf(w, "  total %s for %s\n", r.Total.Format(), text.Count(len(r.Weeks), "week", "weeks"))
	} else {
		fmt.Fprintln(w, "  no weeks to pay yet")
	}
	for _, why := range r.Reasons {
		fmt.Fprintf(w, "  note: %s\n", why)
	}
	if v.Note != "" {
		fmt.Fprintf(w, "  note kept: %s\n", v.Note)
	}
}
