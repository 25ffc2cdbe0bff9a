package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/rota"
	"patoolkit/service"
	"patoolkit/text"
)

func init() {
	registerIn(groupRota, "timesheet", "each PA's timesheet for a pay period, from the rota: timesheet list [--pa NAME] [--from DATE --to DATE] [--json], "+
		"timesheet show|line|sign|return|approve|lock --pa NAME --period-start DATE (sign takes the PA's typed --name, approve the manager's)", cmdTimesheet)
}

func cmdTimesheet(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("timesheet", args, stdout, "list", "show", "line", "sign", "return", "approve", "lock")
	if err != nil {
		return err
	}
	switch sub {
	case "list":
		return timesheetList(rest, stdout)
	case "show":
		return timesheetShow(rest, stdout)
	case "line":
		return timesheetLine(rest, stdout)
	}
	return timesheetStep(sub, rest, stdout)
}

// timesheetFlags name one PA's timesheet: --pa and --period-start.
type timesheetFlags struct {
	af          accountFlags
	pa, periodD *string
}

func addTimesheetFlags(fs *flag.FlagSet, af accountFlags) timesheetFlags {
	return timesheetFlags{af: af, pa: fs.String("pa", "", "the PA (`NAME`)"),
		periodD: fs.String("period-start", "", "the first `DATE` of the pay period (as timesheet list shows it)")}
}

func (f timesheetFlags) check() error {
	if err := needed([2]string{"pa", *f.pa}, [2]string{"period-start", *f.periodD}); err != nil {
		return err
	}
	_, err := parseDateFlag("period-start", *f.periodD)
	return err
}

// open finds the PA's timesheet for the pay period starting on
// --period-start, making it from the rota when there is none yet, as the
// window's "Open … timesheet" does (service.OpenTimesheet). A date that
// does not start a pay period is refused first, with the one that does.
func (f timesheetFlags) open(svc *service.Service, a household.Account) (rota.Timesheet, household.PA, error) {
	day, _ := civil.Parse(*f.periodD)
	p, err := findPA(svc, a, *f.pa)
	if err != nil {
		return rota.Timesheet{}, p, err
	}
	periods, err := svc.PayPeriods(a.ID, day, day)
	if err != nil {
		return rota.Timesheet{}, p, err
	}
	if len(periods) > 0 && periods[0].From != day {
		return rota.Timesheet{}, p, badInput("--period-start %s is not the first day of a pay period: the period holding it runs %s to %s, so give --period-start %s",
			day, periods[0].From.UK(), periods[0].To.UK(), periods[0].From)
	}
	ts, err := svc.OpenTimesheet(a.ID, p.ID, day)
	return ts, p, err
}

// timesheetJSON is one timesheet as "timesheet list --json" writes it:
// minutes are the whole minutes paid; gross is the pay at the contract
// rates, "" with pay_problem saying why when it cannot be worked out.
type timesheetJSON struct {
	PA          string `json:"pa"`
	PeriodStart string `json:"period_start"`
	PeriodEnd   string `json:"period_end"`
	Status      string `json:"status"`
	Minutes     int    `json:"minutes"`
	Gross       string `json:"gross"`
	SignedName  string `json:"signed_name"`
	SignedOn    string `json:"signed_on"`
	ApprovedBy  string `json:"approved_by"`
	ApprovedOn  string `json:"approved_on"`
	PayProblem  string `json:"pay_problem,omitempty"`
}

func timesheetList(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("timesheet list", stdout)
	paName := fs.String("pa", "", "only this PA (`NAME`)")
	from := fs.String("from", "", "the first `DATE` (default: the day the direct payment started)")
	to := fs.String("to", "", "the last `DATE` (default: today)")
	asJSON := fs.Bool("json", false, "write JSON")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		f, t, err := optionalRange(*from, *to, a.StartDate, moneyToday())
		if err != nil {
			return err
		}
		paID, err := paFlag(svc, a, *paName)
		if err != nil {
			return err
		}
		names, err := paNames(svc, a.ID)
		if err != nil {
			return err
		}
		sheets, err := svc.Timesheets(a.ID, f, t)
		if err != nil {
			return err
		}
		out := []timesheetJSON{}
		var gross money.Money
		for _, ts := range sheets {
			if paID != 0 && ts.PAID != paID {
				continue
			}
			j := timesheetJSON{PA: names[ts.PAID], PeriodStart: ts.From.String(), PeriodEnd: ts.To.String(), Status: string(ts.Status),
				Minutes: ts.Totals().PaidMinutes, SignedName: ts.SignedName, SignedOn: ts.SignedOn.String(), ApprovedBy: ts.ApprovedBy, ApprovedOn: ts.ApprovedOn.String()}
			g := ""
			if pay, err := svc.TimesheetPay(ts); err == nil {
				j.Minutes, j.Gross = pay.PaidMinutes, amount(pay.Total)
				gross += pay.Total
				g = "gross pay " + pay.Total.Format()
			} else if service.IsInput(err) {
				j.PayProblem = service.ErrorMessage(err)
			} else {
				return err
			}
			out = append(out, j)
			if !*asJSON {
				if j.PayProblem != "" {
					g = "gross pay not known yet: " + j.PayProblem
				}
				fmt.Fprintf(stdout, "%s, %s to %s: %s. %s paid, %s.\n", j.PA, ts.From.UK(), ts.To.UK(), ts.StatusText(), text.Hours(j.Minutes), g)
			}
		}
		if *asJSON {
			return writeJSON(stdout, out)
		}
		if len(out) == 0 {
			fmt.Fprintf(stdout, "No timesheets from %s to %s. A timesheet is made from the rota when it is first opened: patoolkit timesheet show --pa NAME --period-start DATE\n", f.UK(), t.UK())
			return nil
		}
		fmt.Fprintln(stdout, total("gross pay", len(out), "timesheet", "timesheets", gross))
		return nil
	})
}

// entryLine says one line of a timesheet in words.
func entryLine(i int, e rota.Entry) string {
	st, en := e.Start.In(rota.London()), e.End.In(rota.London())
	end := en.Format("15:04")
	if civil.Of(en) != civil.Of(st) {
		end += " on " + en.Format("Mon 02/01/2006")
	}
	s := fmt.Sprintf("Line %d: %s, %s to %s, %s, %s", i+1, st.Format("Mon 02/01/2006"), st.Format("15:04"), end, e.Type.Phrase(), text.Hours(e.Minutes()))
	if e.BreakMinutes > 0 {
		s += ", break " + text.Hours(e.BreakMinutes)
	}
	if e.WokenMinutes > 0 {
		s += ", woken for " + text.Hours(e.WokenMinutes)
	}
	if e.Retained {
		s += ", retained (paid, not worked)"
	}
	if e.MileageTenths > 0 {
		s += fmt.Sprintf(", %s miles", strconv.FormatFloat(float64(e.MileageTenths)/10, 'f', -1, 64))
	}
	if e.Expenses > 0 {
		s += ", " + e.Expenses.Format() + " expenses"
	}
	if e.ShiftID == 0 {
		s += ", not on the rota"
	}
	if e.Note != "" {
		s += ". Note: " + e.Note
	}
	return s + "."
}

// entryJSON is one line of "timesheet show --json".
type entryJSON struct {
	Line         int    `json:"line"`
	ShiftID      int64  `json:"shift_id"`
	Start        string `json:"start"`
	End          string `json:"end"`
	Type         string `json:"type"`
	Minutes      int    `json:"minutes"`
	BreakMinutes int    `json:"break_minutes"`
	WokenMinutes int    `json:"woken_minutes"`
	Retained     bool   `json:"retained"`
	MileTenths   int    `json:"mileage_tenths"`
	Expenses     string `json:"expenses"`
	Note         string `json:"note"`
}

// timesheetShowJSON is what "timesheet show --json" writes.
type timesheetShowJSON struct {
	timesheetJSON
	Note     string      `json:"note"`
	Lines    []entryJSON `json:"lines"`
	Expenses string      `json:"expenses_to_pay_back"`
}

func timesheetShow(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("timesheet show", stdout)
	tf := addTimesheetFlags(fs, af)
	asJSON := fs.Bool("json", false, "write JSON")
	return runBudget(fs, af, args, tf.check, func(svc *service.Service, a household.Account) error {
		ts, p, err := tf.open(svc, a)
		if err != nil {
			return err
		}
		return showTimesheet(svc, ts, p, *asJSON, stdout)
	})
}

func showTimesheet(svc *service.Service, ts rota.Timesheet, p household.PA, asJSON bool, stdout io.Writer) error {
	pay, payErr := svc.TimesheetPay(ts)
	if payErr != nil && !service.IsInput(payErr) {
		return payErr
	}
	if asJSON {
		j := timesheetShowJSON{timesheetJSON: timesheetJSON{PA: p.Name, PeriodStart: ts.From.String(), PeriodEnd: ts.To.String(), Status: string(ts.Status),
			Minutes: ts.Totals().PaidMinutes, SignedName: ts.SignedName, SignedOn: ts.SignedOn.String(), ApprovedBy: ts.ApprovedBy, ApprovedOn: ts.ApprovedOn.String()},
			Note: ts.Note, Lines: []entryJSON{}, Expenses: amount(ts.Totals().Expenses)}
		if payErr == nil {
			j.Minutes, j.Gross = pay.PaidMinutes, amount(pay.Total)
		} else {
			j.PayProblem = service.ErrorMessage(payErr)
		}
		for i, e := range ts.Entries {
			j.Lines = append(j.Lines, entryJSON{i + 1, e.ShiftID, e.Start.In(rota.London()).Format(offsetTime), e.End.In(rota.London()).Format(offsetTime),
				string(e.Type), e.Minutes(), e.BreakMinutes, e.WokenMinutes, e.Retained, e.MileageTenths, amount(e.Expenses), e.Note})
		}
		return writeJSON(stdout, j)
	}
	fmt.Fprintf(stdout, "Timesheet of %s for %s to %s.\n", p.Name, ts.From.UK(), ts.To.UK())
	fmt.Fprintf(stdout, "Status: %s.\n", ts.StatusText())
	if len(ts.Entries) == 0 {
		fmt.Fprintln(stdout, "No lines: no shifts on the rota and none added.")
	}
	for i, e := range ts.Entries {
		fmt.Fprintln(stdout, entryLine(i, e))
	}
	for _, d := range ts.Differences() {
		fmt.Fprintf(stdout, "Different from the rota: %s\n", d.Message)
	}
	if ts.Note != "" {
		fmt.Fprintf(stdout, "Note: %s\n", ts.Note)
	}
	if payErr != nil {
		fmt.Fprintf(stdout, "Pay can't be worked out yet: %s\n", service.ErrorMessage(payErr))
		return nil
	}
	for _, l := range pay.Lines {
		name := l.Class.Label()
		if l.Retained {
			name += " (retained)"
		}
		if l.Class == rota.ClassSleepIn {
			fmt.Fprintf(stdout, "%s: %d at %s = %s\n", name, l.Count, l.Rate.Format(), l.Amount.Format())
		} else {
			fmt.Fprintf(stdout, "%s: %s at %s an hour = %s\n", name, text.Hours(l.Minutes), l.Rate.Format(), l.Amount.Format())
		}
	}
	fmt.Fprintf(stdout, "Gross pay for this timesheet: %s, for %s paid (before tax, National Insurance and pension).\n", pay.Total.Format(), text.Hours(pay.PaidMinutes))
	if pay.Expenses > 0 {
		fmt.Fprintf(stdout, "Expenses to pay back: %s.\n", pay.Expenses.Format())
	}
	return nil
}

// timesheetStep moves a timesheet on a step: sign (the PA's typed name),
// return (to draft), approve (the manager's name) or lock.
func timesheetStep(step string, args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("timesheet "+step, stdout)
	tf := addTimesheetFlags(fs, af)
	var name, on *string
	var early *bool
	switch step {
	case "sign":
		name = fs.String("name", "", "the PA's full `NAME`, typed by the PA as their signature")
		on = fs.String("on", "", "the `DATE` signed (default: today)")
	case "lock":
		// Accepted so the three steps take the same flags; locking needs
		// no signature.
		fs.String("name", "", "not needed to lock: accepted so sign, approve and lock take the same flags")
	case "approve":
		name = fs.String("name", "", "the `NAME` of the person approving: you, or whoever manages the direct payment")
		on = fs.String("on", "", "the `DATE` approved (default: today)")
		early = fs.Bool("before-period-ends", false, "approve it though its pay period has not ended on --on (the window asks first)")
	}
	return runBudget(fs, af, args, func() error {
		if err := tf.check(); err != nil {
			return err
		}
		if name != nil && *name == "" {
			if step == "sign" {
				return badInput("--name is needed: the PA types their full name as their signature")
			}
			return badInput("--name is needed: the name of the person approving the timesheet")
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		var day civil.Date
		if on != nil {
			d, err := moneyDayFlag("--on", *on)
			if err != nil {
				return err
			}
			day = d
		}
		ts, p, err := tf.open(svc, a)
		if err != nil {
			return err
		}
		var saved rota.Timesheet
		switch step {
		case "sign":
			saved, err = svc.SignTimesheet(ts.ID, *name, day)
		case "return":
			saved, err = svc.ReturnTimesheet(ts.ID)
		case "approve":
			if msg := ts.EarlyApproval(day); msg != "" && ts.Status == rota.Signed && !*early {
				return badInput("%s Nothing was approved: approve it on or after %s, or add --before-period-ends.", msg, ts.To)
			}
			saved, err = svc.ApproveTimesheet(ts.ID, *name, day)
		case "lock":
			saved, err = svc.LockTimesheet(ts.ID)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s's timesheet for %s to %s: %s.\n", p.Name, saved.From.UK(), saved.To.UK(), saved.StatusText())
		return nil
	})
}

// timesheetLine changes, adds or removes one line of a draft timesheet,
// or its note, through the service's checks (CheckTimesheetEntries,
// SetTimesheetEntries), as the window's timesheet page does.
func timesheetLine(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("timesheet line", stdout)
	tf := addTimesheetFlags(fs, af)
	line := fs.Int("line", 0, "the line `NUMBER` to change or remove, as timesheet show gives it")
	add := fs.Bool("add", false, "add a line for work that was not on the rota (give --start and --end)")
	remove := fs.Bool("remove", false, "remove line --line")
	start := fs.String("start", "", "when the work started, \"YYYY-MM-DD HH:MM\" (UK time)")
	end := fs.String("end", "", "when it ended, \"YYYY-MM-DD HH:MM\"")
	typ := fs.String("type", "", "day, waking-night or sleep-in (day for a new line)")
	breakMin := fs.Int("break-minutes", 0, "unpaid break in minutes")
	woken := fs.Int("woken-minutes", 0, "minutes woken to work during a sleep-in")
	retained := fs.Bool("retained", false, "paid as a retainer, not worked (a hospital stay)")
	miles := fs.String("miles", "", "business `MILES`, like 12.5")
	expenses := fs.String("expenses", "", "money the PA spent for the work, to pay back (`AMOUNT`)")
	note := fs.String("note", "", "a note on the line")
	sheetNote := fs.String("timesheet-note", "", "the note of the whole timesheet")
	return runBudget(fs, af, args, func() error {
		if err := tf.check(); err != nil {
			return err
		}
		set := given(fs)
		switch {
		case *add && (set["line"] || *remove):
			return badInput("--add makes a new line: leave out --line and --remove")
		case !*add && !set["line"] && !set["timesheet-note"]:
			return badInput("say which line with --line NUMBER, or --add a line, or give --timesheet-note")
		case *add && (*start == "" || *end == ""):
			return badInput("--start and --end are needed for a new line")
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		set := given(fs)
		ts, p, err := tf.open(svc, a)
		if err != nil {
			return err
		}
		entries := append([]rota.Entry{}, ts.Entries...)
		var e *rota.Entry
		switch {
		case *add:
			entries = append(entries, rota.Entry{Type: rota.Day})
			e = &entries[len(entries)-1]
		case set["line"]:
			if *line < 1 || *line > len(entries) {
				return badInput("--line %d: %s's timesheet has %s", *line, p.Name, text.Count(len(entries), "line", "lines"))
			}
			if *remove {
				entries = append(entries[:*line-1], entries[*line:]...)
			} else {
				e = &entries[*line-1]
			}
		}
		if e != nil {
			for _, t := range []struct {
				flag, v string
				into    *time.Time
			}{{"start", *start, &e.Start}, {"end", *end, &e.End}} {
				if !set[t.flag] {
					continue
				}
				v, err := rota.ParseLocal(t.v)
				if err != nil {
					return badInput("--%s: %v", t.flag, err)
				}
				*t.into = v
			}
			if set["type"] {
				t, err := rota.ParseShiftType(*typ)
				if err != nil {
					return badInput("--type: %v", err)
				}
				e.Type = t
			}
			if set["break-minutes"] {
				e.BreakMinutes = *breakMin
			}
			if set["woken-minutes"] {
				e.WokenMinutes = *woken
			}
			if set["retained"] {
				e.Retained = *retained
			}
			if set["miles"] {
				m, ok := text.ParseMiles(*miles)
				if !ok {
					return badInput("--miles %q is not a number of miles: write it with at most one decimal place, like 12.5", *miles)
				}
				e.MileageTenths = m
			}
			if err := moneyFlag(set, "expenses", *expenses, &e.Expenses); err != nil {
				return err
			}
			if set["note"] {
				e.Note = *note
			}
		}
		if err := svc.CheckTimesheetEntries(entries); err != nil {
			return err
		}
		n := ts.Note
		if set["timesheet-note"] {
			n = *sheetNote
		}
		saved, err := svc.SetTimesheetEntries(ts.ID, entries, n)
		if err != nil {
			return err
		}
		return showTimesheet(svc, saved, p, false, stdout)
	})
}
