package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/rota"
	"patoolkit/service"
	"patoolkit/text"
)

func init() {
	registerIn(groupRota, "pattern", "repeating weekly or fortnightly shifts that fill the rota: pattern add --name N --from DATE --shift \"PA,mon,08:00,12:00\" ... --fill-from DATE --fill-to DATE, "+
		"pattern change --name N --from DATE --shift ... --fill-to DATE, pattern fill --name N --from DATE --to DATE, pattern list [--json]", cmdPattern)
}

func cmdPattern(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("pattern", args, stdout, "add", "change", "fill", "list")
	if err != nil {
		return err
	}
	switch sub {
	case "add":
		return patternAdd(rest, stdout)
	case "change":
		return patternChange(rest, stdout)
	case "fill":
		return patternFill(rest, stdout)
	}
	return patternList(rest, stdout)
}

// repeated is a flag that may be given more than once.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, "; ") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

// shiftUsage says how a pattern's --shift is written.
const shiftUsage = "one shift of the pattern, given once for each: \"PA NAME,DAY,START,END[,TYPE[,BREAK MINUTES[,WEEK]]]\", like \"Zoë Ní Bhriain,mon,08:00,12:00\" or \"Sam Jones,fri,22:00,07:00,sleep-in\"; WEEK is 1 or 2 in a fortnightly pattern"

// patternEntries reads the --shift flags.
func patternEntries(svc *service.Service, a household.Account, shifts []string) ([]rota.PatternEntry, error) {
	var out []rota.PatternEntry
	for _, s := range shifts {
		parts := strings.Split(s, ",")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		if len(parts) < 4 || len(parts) > 7 {
			return nil, badInput("--shift %q: write it as \"PA NAME,DAY,START,END[,TYPE[,BREAK MINUTES[,WEEK]]]\", like \"Zoë Ní Bhriain,mon,08:00,12:00\"", s)
		}
		p, err := svc.FindPA(a.ID, parts[0])
		if err != nil {
			return nil, err
		}
		e := rota.PatternEntry{PAID: p.ID, Week: 1, Type: rota.Day}
		if e.Weekday, err = parseWeekday("shift", parts[1]); err != nil {
			return nil, err
		}
		if e.Start, err = rota.ParseClock(parts[2]); err != nil {
			return nil, badInput("--shift %q: the start: %v", s, err)
		}
		if e.End, err = rota.ParseClock(parts[3]); err != nil {
			return nil, badInput("--shift %q: the end: %v", s, err)
		}
		if len(parts) > 4 && parts[4] != "" {
			if e.Type, err = rota.ParseShiftType(parts[4]); err != nil {
				return nil, badInput("--shift %q: %v", s, err)
			}
		}
		if len(parts) > 5 && parts[5] != "" {
			if e.BreakMinutes, err = strconv.Atoi(parts[5]); err != nil {
				return nil, badInput("--shift %q: the break %q is not a number of minutes", s, parts[5])
			}
		}
		if len(parts) > 6 {
			if e.Week, err = strconv.Atoi(parts[6]); err != nil {
				return nil, badInput("--shift %q: the week %q is not 1 or 2", s, parts[6])
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// patternFlagNames are the flags of a pattern's fields.
var patternFlagNames = map[string]string{"name": "name", "cycle": "every", "from": "from", "until": "until", "entries": "shift",
	"fill_from": "fill-from", "fill_to": "fill-to"}

func patternAdd(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("pattern add", stdout)
	name := fs.String("name", "", "the pattern's `NAME`, like \"Weekday mornings\"")
	every := fs.Int("every", 1, "repeats every 1 week or every 2 weeks (fortnightly: week 1 is the week, from Monday, of --from)")
	from := fs.String("from", "", "the first `DATE` the pattern applies")
	until := fs.String("until", "", "the last `DATE` it applies (left out: it carries on)")
	fillFrom := fs.String("fill-from", "", "fill the rota from this `DATE` (default: --from)")
	fillTo := fs.String("fill-to", "", "fill the rota to this `DATE`")
	var shifts repeated
	fs.Var(&shifts, "shift", shiftUsage)
	return runBudget(fs, af, args, func() error {
		return needed([2]string{"name", *name}, [2]string{"from", *from}, [2]string{"fill-to", *fillTo})
	}, func(svc *service.Service, a household.Account) error {
		set := given(fs)
		p := rota.Pattern{Name: *name, Cycle: *every}
		if err := dateFlag(set, "from", *from, &p.From); err != nil {
			return err
		}
		if err := dateFlag(set, "until", *until, &p.Until); err != nil {
			return err
		}
		// Week 1 of a cycle is the week (from Monday) of the first date, as
		// in the window.
		p.Anchor = rota.WeekStart(p.From)
		ff, ft := p.From, civil.Date{}
		if err := dateFlag(set, "fill-from", *fillFrom, &ff); err != nil {
			return err
		}
		if err := dateFlag(set, "fill-to", *fillTo, &ft); err != nil {
			return err
		}
		var err error
		if p.Entries, err = patternEntries(svc, a, shifts); err != nil {
			return err
		}
		if err := svc.CheckPattern(p, ff, ft); err != nil {
			return byFlag(err, patternFlagNames)
		}
		saved, res, err := svc.SavePattern(a.ID, p, ff, ft)
		if err != nil {
			return byFlag(err, patternFlagNames)
		}
		fmt.Fprintf(stdout, "Saved the pattern %q and filled the rota from %s to %s: %s.\n", saved.Name, ff.UK(), ft.UK(), res)
		return nil
	})
}

// findPattern is the budget's pattern called name (ignoring case).
func findPattern(svc *service.Service, a household.Account, name string) (rota.Pattern, error) {
	pats, err := svc.Patterns(a.ID)
	if err != nil {
		return rota.Pattern{}, err
	}
	var names []string
	for _, p := range pats {
		if strings.EqualFold(strings.TrimSpace(name), p.Name) {
			return p, nil
		}
		names = append(names, fmt.Sprintf("%q", p.Name))
	}
	if len(names) == 0 {
		return rota.Pattern{}, badInput("There is no pattern called %q: %s has no patterns yet.", name, a.Name)
	}
	return rota.Pattern{}, badInput("There is no pattern called %q. The patterns are: %s.", name, strings.Join(names, ", "))
}

func patternChange(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("pattern change", stdout)
	name := fs.String("name", "", "the pattern's `NAME`")
	from := fs.String("from", "", "the `DATE` the new shifts start; the pattern and the rota before it are kept")
	fillTo := fs.String("fill-to", "", "fill the rota to this `DATE`")
	var shifts repeated
	fs.Var(&shifts, "shift", shiftUsage+" (every shift of the pattern from --from)")
	return runBudget(fs, af, args, func() error {
		return needed([2]string{"name", *name}, [2]string{"from", *from}, [2]string{"fill-to", *fillTo})
	}, func(svc *service.Service, a household.Account) error {
		p, err := findPattern(svc, a, *name)
		if err != nil {
			return err
		}
		d, err := parseDateFlag("from", *from)
		if err != nil {
			return err
		}
		to, err := parseDateFlag("fill-to", *fillTo)
		if err != nil {
			return err
		}
		entries, err := patternEntries(svc, a, shifts)
		if err != nil {
			return err
		}
		next, res, err := svc.ChangePattern(a.ID, p.ID, d, entries, to)
		if err != nil {
			return byFlag(err, patternFlagNames)
		}
		fmt.Fprintf(stdout, "Changed the pattern %q from %s and filled the rota to %s: %s.\n", next.Name, d.UK(), to.UK(), res)
		return nil
	})
}

func patternFill(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("pattern fill", stdout)
	name := fs.String("name", "", "the pattern's `NAME`")
	from := fs.String("from", "", "the first `DATE` to fill")
	to := fs.String("to", "", "the last `DATE` to fill")
	return runBudget(fs, af, args, func() error {
		return needed([2]string{"name", *name}, [2]string{"from", *from}, [2]string{"to", *to})
	}, func(svc *service.Service, a household.Account) error {
		p, err := findPattern(svc, a, *name)
		if err != nil {
			return err
		}
		f, t, err := dateRange(*from, *to)
		if err != nil {
			return err
		}
		res, err := svc.FillPattern(a.ID, p.ID, f, t)
		if err != nil {
			return byFlag(err, patternFlagNames)
		}
		fmt.Fprintf(stdout, "Filled the rota from the pattern %q, %s to %s: %s.\n", p.Name, f.UK(), t.UK(), res)
		return nil
	})
}

// patternShiftJSON is one shift of a pattern in "pattern list --json":
// start and end are HH:MM, an end at or before the start on the next day.
type patternShiftJSON struct {
	PA           string `json:"pa"`
	Week         int    `json:"week"`
	Day          string `json:"day"`
	Start        string `json:"start"`
	End          string `json:"end"`
	Type         string `json:"type"`
	BreakMinutes int    `json:"break_minutes"`
}

// patternJSON is one pattern as "pattern list --json" writes it.
type patternJSON struct {
	Name   string             `json:"name"`
	Every  int                `json:"every_weeks"`
	From   string             `json:"from"`
	Until  string             `json:"until"`
	Shifts []patternShiftJSON `json:"shifts"`
}

// clockText writes minutes past midnight as HH:MM.
func clockText(m int) string { return fmt.Sprintf("%02d:%02d", m/60%24, m%60) }

func patternList(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("pattern list", stdout)
	asJSON := fs.Bool("json", false, "write JSON")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		pats, err := svc.Patterns(a.ID)
		if err != nil {
			return err
		}
		names, err := paNames(svc, a.ID)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]patternJSON, len(pats))
			for i, p := range pats {
				out[i] = patternJSON{p.Name, p.Cycle, p.From.String(), p.Until.String(), []patternShiftJSON{}}
				for _, e := range p.Entries {
					out[i].Shifts = append(out[i].Shifts, patternShiftJSON{names[e.PAID], e.Week, strings.ToLower(e.Weekday.String()[:3]),
						clockText(e.Start), clockText(e.End), string(e.Type), e.BreakMinutes})
				}
			}
			return writeJSON(stdout, out)
		}
		if len(pats) == 0 {
			fmt.Fprintf(stdout, "%s has no patterns yet.\n", a.Name)
			return nil
		}
		for _, p := range pats {
			every := "every week"
			if p.Cycle == 2 {
				every = "every 2 weeks"
			}
			until := "and carries on"
			if !p.Until.IsZero() {
				until = "until " + p.Until.UK()
			}
			fmt.Fprintf(stdout, "%s: repeats %s, from %s %s; %s.\n", p.Name, every, p.From.UK(), until, text.Count(len(p.Entries), "shift", "shifts"))
			for _, e := range p.Entries {
				week := ""
				if p.Cycle == 2 {
					week = fmt.Sprintf("week %d, ", e.Week)
				}
				fmt.Fprintf(stdout, "  %s%s %s to %s, %s, %s\n", week, e.Weekday, clockText(e.Start), clockText(e.End), e.Type.Phrase(), names[e.PAID])
			}
		}
		return nil
	})
}
