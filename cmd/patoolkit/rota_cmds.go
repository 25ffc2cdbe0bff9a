package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/payroll"
	"patoolkit/rota"
	"patoolkit/service"
	"patoolkit/text"
)

func init() {
	registerIn(groupRota, "rota", "add, list and check shifts (rota add|list|check)", cmdRota)
	registerIn(groupDocuments, "export", "write the rota, timesheets, payslips, HMRC record, P60 or P45 figures, holiday record, council return or evidence pack as PDF, or a PA's calendar (export rota|timesheets|payslips|hmrc|p60|p45|holiday|ics|pension|return|evidence)", cmdExport)
}

func cmdRota(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return badInput("say what to do: rota add, rota list or rota check")
	}
	switch args[0] {
	case "add":
		return rotaAdd(args[1:], stdout)
	case "list":
		return rotaList(args[1:], stdout)
	case "check":
		return rotaCheck(args[1:], stdout)
	case "-h", "--help", "help":
		fmt.Fprintln(stdout, "Usage: patoolkit rota add|list|check [options]; run \"patoolkit rota add -h\" for each one's options.")
		return nil
	}
	return badInput("unknown rota command %q: use add, list or check", args[0])
}

// accountFlags are the flags every account command shares.
type accountFlags struct {
	data, account *string
}

func addAccountFlags(fsName string, stdout io.Writer) (*flag.FlagSet, accountFlags) {
	fs := newFlags(fsName, stdout)
	return fs, accountFlags{data: dataFlag(fs), account: fs.String("account", "", "the budget's `NAME` (may be left out when the file holds one)")}
}

// open opens the data file and finds the account.
func (f accountFlags) open() (*service.Service, household.Account, error) {
	svc, err := openData(*f.data)
	if err != nil {
		return nil, household.Account{}, err
	}
	a, err := svc.FindAccount(*f.account)
	if err != nil {
		svc.Close()
		return nil, household.Account{}, err
	}
	return svc, a, nil
}

// paFlag is the ID of the PA named by --pa (0 when it was left out).
func paFlag(svc *service.Service, a household.Account, name string) (int64, error) {
	if name == "" {
		return 0, nil
	}
	p, err := svc.FindPA(a.ID, name)
	return p.ID, err
}

func parseDateFlag(name, v string) (civil.Date, error) {
	if strings.TrimSpace(v) == "" {
		return civil.Date{}, badInput("--%s is needed: a date like 2026-11-16", name)
	}
	d, err := civil.Parse(v)
	if err != nil {
		return civil.Date{}, badInput("--%s: %v", name, err)
	}
	return d, nil
}

func dateRange(from, to string) (civil.Date, civil.Date, error) {
	f, err := parseDateFlag("from", from)
	if err != nil {
		return f, f, err
	}
	t, err := parseDateFlag("to", to)
	if err != nil {
		return f, t, err
	}
	if t.Before(f) {
		return f, t, badInput("--to %s is before --from %s", t, f)
	}
	return f, t, nil
}

func rotaAdd(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("rota add", stdout)
	paName := fs.String("pa", "", "the PA's `NAME`")
	start := fs.String("start", "", "when the shift starts, \"YYYY-MM-DD HH:MM\" (UK time)")
	end := fs.String("end", "", "when it ends, \"YYYY-MM-DD HH:MM\"")
	typ := fs.String("type", "day", "day, waking-night or sleep-in")
	woken := fs.Int("woken-minutes", 0, "minutes woken to work during a sleep-in")
	breakMin := fs.Int("break-minutes", 0, "unpaid break in minutes (day and waking-night shifts)")
	note := fs.String("note", "", "a note about the shift")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *paName == "" {
		return badInput("--pa is needed: the PA's name")
	}
	st, err := rota.ParseLocal(*start)
	if err != nil {
		return badInput("--start: %v", err)
	}
	en, err := rota.ParseLocal(*end)
	if err != nil {
		return badInput("--end: %v", err)
	}
	t, err := rota.ParseShiftType(*typ)
	if err != nil {
		return badInput("--type: %v", err)
	}
	svc, a, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	p, err := svc.FindPA(a.ID, *paName)
	if err != nil {
		return err
	}
	sh, warnings, err := svc.AddShift(a.ID, service.ShiftInput{PAID: p.ID, Start: st, End: en, Type: t,
		BreakMinutes: *breakMin, WokenMinutes: *woken, Note: *note})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Added shift %d: %s, %s, %s to %s (%s).\n", sh.ID, p.Name, sh.Type.Label(),
		sh.Start.Format("Mon 02/01/2006 15:04"), sh.End.Format("Mon 02/01/2006 15:04"), text.Hours(sh.Minutes()))
	for _, w := range warnings {
		fmt.Fprintf(stdout, "Warning [%s]: %s\n", w.Rule, w.Message)
	}
	return nil
}

// offsetTime is RFC 3339 with the UTC offset always written as +hh:mm
// (never "Z"), so every time shows the offset in force in the UK.
const offsetTime = "2006-01-02T15:04:05-07:00"

type shiftJSON struct {
	ID          int64  `json:"id"`
	PA          string `json:"pa"`
	Start       string `json:"start"`
	End         string `json:"end"`
	Type        string `json:"type"`
	Minutes     int    `json:"minutes"`
	PaidMinutes int    `json:"paid_minutes"`
	Status      string `json:"status"`
}

func paNames(svc *service.Service, accountID int64) (map[int64]string, error) {
	pas, err := svc.PAs(accountID)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, p := range pas {
		names[p.ID] = p.Name
	}
	return names, nil
}

// rangeRequest is what a command over a range of dates of one budget has
// read from its flags: the open data file, the budget, the dates, the PAs'
// names and whether to write JSON.
type rangeRequest struct {
	svc    *service.Service
	acc    household.Account
	from   civil.Date
	to     civil.Date
	names  map[int64]string
	asJSON bool
}

// rangeCommand reads --data, --account, --from, --to and --json and runs
// do with the open data file.
func rangeCommand(name string, args []string, stdout io.Writer, do func(rangeRequest) error) error {
	fs, af := addAccountFlags(name, stdout)
	from := fs.String("from", "", "the first `DATE` (YYYY-MM-DD)")
	to := fs.String("to", "", "the last `DATE`")
	asJSON := fs.Bool("json", false, "write JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	f, t, err := dateRange(*from, *to)
	if err != nil {
		return err
	}
	svc, a, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	names, err := paNames(svc, a.ID)
	if err != nil {
		return err
	}
	return do(rangeRequest{svc: svc, acc: a, from: f, to: t, names: names, asJSON: *asJSON})
}

// rangeList is a rangeCommand that lists what read finds in the range:
// as JSON (toJSON of each), as "No <none> from … to …." when there is
// nothing, or as a line each (line), given the PAs' names.
func rangeList[T, J any](name string, args []string, stdout io.Writer, none string, read func(rangeRequest) ([]T, error),
	toJSON func(map[int64]string, T) J, line func(map[int64]string, T)) error {
	return rangeCommand(name, args, stdout, func(r rangeRequest) error {
		items, err := read(r)
		if err != nil {
			return err
		}
		if r.asJSON {
			out := make([]J, len(items))
			for i, it := range items {
				out[i] = toJSON(r.names, it)
			}
			return writeJSON(stdout, out)
		}
		if len(items) == 0 {
			fmt.Fprintf(stdout, "No %s from %s to %s.\n", none, r.from.UK(), r.to.UK())
			return nil
		}
		for _, it := range items {
			line(r.names, it)
		}
		return nil
	})
}

func rotaList(args []string, stdout io.Writer) error {
	return rangeList("rota list", args, stdout, "shifts",
		func(r rangeRequest) ([]rota.Shift, error) { return r.svc.Shifts(r.acc.ID, r.from, r.to) },
		func(names map[int64]string, sh rota.Shift) shiftJSON {
			return shiftJSON{ID: sh.ID, PA: names[sh.PAID], Start: sh.Start.In(rota.London()).Format(offsetTime), End: sh.End.In(rota.London()).Format(offsetTime),
				Type: string(sh.Type), Minutes: sh.Minutes(), PaidMinutes: sh.PaidMinutes(), Status: string(sh.Status)}
		},
		func(names map[int64]string, sh rota.Shift) {
			who := names[sh.PAID]
			if who == "" {
				who = sh.Status.Label()
			}
			status := ""
			if sh.Status != rota.Planned {
				status = " [" + sh.Status.Label() + "]"
			}
			fmt.Fprintf(stdout, "Shift %d: %s, %s to %s, %s, %s (%s)%s\n", sh.ID, sh.Start.Format("Mon 02/01/2006"), sh.Start.Format("15:04"),
				sh.End.Format("15:04"), who, sh.Type.Label(), text.Hours(sh.Minutes()), status)
		})
}

type warningJSON struct {
	Rule    string `json:"rule"`
	PA      string `json:"pa"`
	Date    string `json:"date"`
	Message string `json:"message"`
}

func rotaCheck(args []string, stdout io.Writer) error {
	return rangeList("rota check", args, stdout, "warnings",
		func(r rangeRequest) ([]rota.Warning, error) { return r.svc.CheckRota(r.acc.ID, r.from, r.to) },
		func(names map[int64]string, w rota.Warning) warningJSON {
			return warningJSON{Rule: w.Rule, PA: names[w.PAID], Date: w.Date.String(), Message: w.Message}
		},
		func(_ map[int64]string, w rota.Warning) {
			fmt.Fprintf(stdout, "[%s] %s: %s\n", w.Rule, w.Date.UK(), w.Message)
		})
}

func cmdExport(args []string, stdout io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return badInput("say what to export: export rota, export timesheets, export payslips, export hmrc, export p60, export p45, export holiday, export pension, export ics, export return or export evidence")
	}
	what := args[0]
	switch what {
	case "rota", "timesheets", "payslips", "hmrc", "p60", "p45", "holiday", "ics", "pension", "return", "evidence":
	default:
		return badInput("unknown export %q: use rota, timesheets, payslips, hmrc, p60, p45, holiday, pension, ics, return or evidence", what)
	}
	fs, af := addAccountFlags("export "+what, stdout)
	from := fs.String("from", "", "the first `DATE` (YYYY-MM-DD; not for p60, p45 or holiday)")
	to := fs.String("to", "", "the last `DATE`")
	year := fs.String("tax-year", "", "the tax `YEAR` (2025-26; p60 only)")
	on := fs.String("on", "", "for holiday only: the `DATE` the holiday record is as on (default today)")
	paName := fs.String("pa", "", "only this PA (`NAME`; needed for ics and p45)")
	out := fs.String("out", "", "the `FILE` to write (a new file, unless --force)")
	payday := fs.String("payday", "", "for pension only: the `DATE` of the payday whose contributions to write")
	format := fs.String("format", "", "for pension only: the file's `FORMAT` (papdis, nest or generic)")
	html := fs.String("html", "", "for return only: also write the return as a web page to `FILE` (for a screen reader)")
	csv := fs.String("csv", "", "for return only: also write the period's ledger as CSV to `FILE`")
	force := forceFlag(fs)
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if what == "return" || what == "evidence" {
		if *year != "" || *on != "" || *paName != "" || *payday != "" || *format != "" {
			return badInput("export %s is for the whole budget and a period: give --from DATE and --to DATE (not --tax-year, --on, --pa, --payday or --format)", what)
		}
		if what == "evidence" && (*html != "" || *csv != "") {
			return badInput("--html and --csv are used with export return: the evidence pack is one PDF")
		}
		return exportReturn(what, af, *from, *to, *out, html, csv, *force, stdout)
	}
	if *html != "" || *csv != "" {
		return badInput("--html and --csv are only used with export return")
	}
	if what == "pension" {
		if *from != "" || *to != "" || *year != "" || *on != "" || *paName != "" {
			return badInput("export pension is for one payday and every PA: give --payday DATE and --format papdis|nest|generic (not --from, --to, --tax-year, --on or --pa)")
		}
		return exportPension(af, *payday, *format, *out, *force, stdout)
	}
	if *payday != "" || *format != "" {
		return badInput("--payday and --format are only used with export pension")
	}
	if what == "holiday" {
		if *from != "" || *to != "" {
			return badInput("--from and --to are not used with export holiday: give the day the record is as on with --on DATE (today when left out)")
		}
		if *year != "" {
			return badInput("--tax-year is not used with export holiday: the record is for the PA's leave year on --on DATE")
		}
		return exportHoliday(af, *paName, *on, *out, *force, stdout)
	}
	if *on != "" {
		return badInput("--on is only used with export holiday: give the days of export %s with --from and --to", what)
	}
	var f, t civil.Date
	var y payroll.TaxYear
	var err error
	switch what {
	case "p60", "p45":
		// Year-end documents go by tax year (p60) or leaver (p45), not days.
		if *from != "" || *to != "" {
			return badInput("--from and --to are not used with export %s: %s", what, map[string]string{
				"p60": "give the tax year with --tax-year", "p45": "the P45 is for the leaver's last pay (give --pa)"}[what])
		}
		if what == "p60" {
			if y, err = taxYearFlag(*year); err != nil {
				return err
			}
		} else if *year != "" {
			return badInput("--tax-year is not used with export p45: the P45 is for the tax year of the leaver's last pay")
		}
	default:
		if *year != "" {
			return badInput("--tax-year is only used with export p60: give --from and --to for export %s", what)
		}
		// The days themselves are checked by the service, as for the
		// window (rota.CheckExportRange).
		if f, err = parseDateFlag("from", *from); err != nil {
			return err
		}
		if t, err = parseDateFlag("to", *to); err != nil {
			return err
		}
	}
	if *out == "" {
		return badInput("--out FILE is needed: where to write the %s", what)
	}
	if what == "ics" && *paName == "" {
		return badInput("--pa NAME is needed: a calendar file is for one PA's phone")
	}
	if what == "p45" && *paName == "" {
		return badInput("--pa NAME is needed: a P45 is for one leaver")
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
	// The export is made first, so what was typed is checked before any
	// file is touched.
	var buf bytes.Buffer
	switch what {
	case "rota":
		err = svc.ExportRotaPDF(&buf, a.ID, f, t)
	case "timesheets":
		err = svc.ExportTimesheetsPDF(&buf, a.ID, f, t, paID)
	case "payslips":
		err = svc.ExportPayslipsPDF(&buf, a.ID, f, t, paID)
	case "hmrc":
		if paID != 0 {
			return badInput("--pa is not used with export hmrc: the HMRC record is for the whole employer")
		}
		err = svc.ExportHMRCPDF(&buf, a.ID, f, t)
	case "p60":
		err = svc.ExportP60PDF(&buf, a.ID, y, paID)
	case "p45":
		err = svc.ExportP45PDF(&buf, a.ID, paID)
	case "ics":
		err = svc.ExportICS(&buf, a.ID, f, t, paID)
	}
	if err != nil {
		return err
	}
	if err := svc.WriteFile(*out, *force, writeBytes(buf.Bytes())); err != nil {
		return fileError(err, *out)
	}
	fmt.Fprintf(stdout, "Wrote %s (%d bytes).\n", *out, buf.Len())
	return nil
}
