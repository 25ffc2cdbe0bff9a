package rota

import (
	"errors"
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

const paName = "Sarah Jones"

var (
	tsFrom = civil.MustParse("2026-11-02")
	tsTo   = civil.MustParse("2026-11-15")
)

// tsRota is PA 1's fortnight with every kind of shift, and others'.
func tsRota(t *testing.T) []Shift {
	return []Shift{
		{ID: 1, PAID: 1, Start: lt(t, "2026-11-02 08:00"), End: lt(t, "2026-11-02 12:00"), Type: Day, Status: Planned},
		{ID: 2, PAID: 1, Start: lt(t, "2026-11-03 08:00"), End: lt(t, "2026-11-03 16:00"), Type: Day, BreakMinutes: 30, Status: Planned},
		{ID: 3, PAID: 1, Start: lt(t, "2026-11-07 22:00"), End: lt(t, "2026-11-08 08:00"), Type: SleepIn, Status: Planned},
		{ID: 4, PAID: 1, CoverForPAID: 2, Start: lt(t, "2026-11-09 14:00"), End: lt(t, "2026-11-09 18:00"), Type: Day, Status: Covered},
		{ID: 5, PAID: 1, Start: lt(t, "2026-11-10 08:00"), End: lt(t, "2026-11-10 12:00"), Type: Day, Status: Retained},
		// Left out: needs cover, suspended, cancelled, another PA's, outside the period.
		{ID: 6, PAID: 0, CoverForPAID: 1, Start: lt(t, "2026-11-11 08:00"), End: lt(t, "2026-11-11 12:00"), Type: Day, Status: NeedsCover},
		{ID: 7, PAID: 1, Start: lt(t, "2026-11-12 08:00"), End: lt(t, "2026-11-12 12:00"), Type: Day, Status: Suspended},
		{ID: 8, PAID: 1, Start: lt(t, "2026-11-13 08:00"), End: lt(t, "2026-11-13 12:00"), Type: Day, Status: Cancelled},
		{ID: 9, PAID: 2, Start: lt(t, "2026-11-02 14:00"), End: lt(t, "2026-11-02 18:00"), Type: Day, Status: Planned},
		{ID: 10, PAID: 1, Start: lt(t, "2026-11-16 08:00"), End: lt(t, "2026-11-16 12:00"), Type: Day, Status: Planned},
	}
}

func newTS(t *testing.T) Timesheet {
	t.Helper()
	ts, err := NewTimesheet(1, tsFrom, tsTo, tsRota(t))
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func TestNewTimesheetPrefill(t *testing.T) {
	ts := newTS(t)
	if ts.Status != Draft || ts.PAID != 1 {
		t.Errorf("status %s PA %d", ts.Status, ts.PAID)
	}
	var ids []int64
	for _, e := range ts.Entries {
		ids = append(ids, e.ShiftID)
	}
	if len(ids) != 5 || ids[0] != 1 || ids[1] != 2 || ids[2] != 3 || ids[3] != 4 || ids[4] != 5 {
		t.Fatalf("entries for shifts %v, want 1-5", ids)
	}
	if !ts.Entries[4].Retained || ts.Entries[0].Retained {
		t.Error("the retained shift should be marked retained, and only it")
	}
	if ts.Entries[1].BreakMinutes != 30 || ts.Entries[2].Type != SleepIn {
		t.Errorf("entries not copied: %+v", ts.Entries[1:3])
	}
	if len(ts.Differences()) != 0 {
		t.Errorf("a fresh timesheet differs from the rota: %+v", ts.Differences())
	}
	for _, tc := range []struct {
		pa       int64
		from, to civil.Date
		shifts   []Shift
		want     string
	}{
		{0, tsFrom, tsTo, nil, "Choose the PA"},
		{1, tsTo, tsFrom, nil, "ends (02/11/2026) before it starts (15/11/2026)"},
		{1, civil.Date{}, tsTo, nil, "first and last days"},
		{1, tsFrom, tsTo, []Shift{{PAID: 1, Start: lt(t, "2026-11-02 08:00"), End: lt(t, "2026-11-02 12:00"), Type: Day, Status: Planned}}, "has not been saved"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if _, err := NewTimesheet(tc.pa, tc.from, tc.to, tc.shifts); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("NewTimesheet: %v, want %q", err, tc.want)
			}
		})
	}
}

// toStatus moves a fresh timesheet to st through the allowed steps.
func toStatus(t *testing.T, st TimesheetStatus) Timesheet {
	ts := newTS(t)
	steps := map[TimesheetStatus][]func(*Timesheet) error{
		Draft:    nil,
		Signed:   {signIt},
		Approved: {signIt, approveIt},
		Locked:   {signIt, approveIt, (*Timesheet).Lock},
	}
	for _, f := range steps[st] {
		if err := f(&ts); err != nil {
			t.Fatal(err)
		}
	}
	if ts.Status != st {
		t.Fatalf("status %s, want %s", ts.Status, st)
	}
	return ts
}

func signIt(ts *Timesheet) error {
	return ts.Sign(paName, "  sarah   JONES ", civil.MustParse("2026-11-16"))
}
func approveIt(ts *Timesheet) error {
	return ts.Approve("Tom Smith", civil.MustParse("2026-11-20"))
}

func TestTimesheetTransitions(t *testing.T) {
	extra := Entry{Start: lt(t, "2026-11-14 09:00"), End: lt(t, "2026-11-14 11:00"), Type: Day}
	actions := map[string]func(*Timesheet) error{
		"sign":      signIt,
		"return":    (*Timesheet).ReturnToDraft,
		"approve":   approveIt,
		"lock":      (*Timesheet).Lock,
		"set entry": func(ts *Timesheet) error { e := ts.Entries[0]; e.BreakMinutes = 10; return ts.SetEntry(0, e) },
		"add entry": func(ts *Timesheet) error { return ts.AddEntry(extra) },
		"remove":    func(ts *Timesheet) error { return ts.RemoveEntry(0) },
		"set all":   func(ts *Timesheet) error { return ts.SetEntries(append(ts.Entries[1:], extra)) },
		"note":      func(ts *Timesheet) error { return ts.SetNote("late bus") },
	}
	tests := []struct {
		from   TimesheetStatus
		action string
		to     TimesheetStatus // "" when refused
		msg    string
	}{
		{Draft, "sign", Signed, ""},
		{Draft, "return", "", "already a draft"},
		{Draft, "approve", "", "The PA must sign this timesheet before you approve it"},
		{Draft, "lock", "", "Only an approved timesheet can be locked"},
		{Draft, "set entry", Draft, ""},
		{Draft, "add entry", Draft, ""},
		{Draft, "remove", Draft, ""},
		{Draft, "set all", Draft, ""},
		{Draft, "note", Draft, ""},

		{Signed, "sign", "", "already signed this timesheet, on 16/11/2026"},
		{Signed, "return", Draft, ""},
		{Signed, "approve", Approved, ""},
		{Signed, "lock", "", "Only an approved timesheet can be locked"},
		{Signed, "set entry", "", "The PA has signed this timesheet, so it can't be changed. Return it to draft first (their signature will be removed)."},
		{Signed, "add entry", "", "The PA has signed this timesheet"},
		{Signed, "remove", "", "The PA has signed this timesheet"},
		{Signed, "set all", "", "The PA has signed this timesheet"},
		{Signed, "note", "", "The PA has signed this timesheet"},

		{Approved, "sign", "", "approved on 20/11/2026"},
		{Approved, "return", "", "This timesheet was approved on 20/11/2026, so it can't be changed. Corrections go on the next timesheet."},
		{Approved, "approve", "", "already approved on 20/11/2026"},
		{Approved, "lock", Locked, ""},
		{Approved, "set entry", "", "This timesheet was approved on 20/11/2026, so it can't be changed. Corrections go on the next timesheet."},
		{Approved, "add entry", "", "approved on 20/11/2026"},
		{Approved, "remove", "", "approved on 20/11/2026"},
		{Approved, "set all", "", "approved on 20/11/2026"},
		{Approved, "note", "", "approved on 20/11/2026"},

		{Locked, "sign", "", "locked"},
		{Locked, "return", "", "has been paid and is locked"},
		{Locked, "approve", "", "has been paid and is locked"},
		{Locked, "lock", "", "already locked"},
		{Locked, "set entry", "", "has been paid and is locked, so it can't be changed"},
		{Locked, "add entry", "", "locked"},
		{Locked, "remove", "", "locked"},
		{Locked, "set all", "", "has been paid and is locked, so it can't be changed"},
		{Locked, "note", "", "locked"},
	}
	for _, tc := range tests {
		t.Run(string(tc.from)+" "+tc.action, func(t *testing.T) {
			ts := toStatus(t, tc.from)
			before := len(ts.Entries)
			err := actions[tc.action](&ts)
			if tc.to == "" {
				if err == nil || !strings.Contains(err.Error(), tc.msg) {
					t.Fatalf("error %v, want %q", err, tc.msg)
				}
				if !errors.Is(err, ErrRefused) {
					t.Errorf("error does not wrap ErrRefused")
				}
				if ts.Status != tc.from || len(ts.Entries) != before {
					t.Errorf("refused action changed the timesheet")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ts.Status != tc.to {
				t.Errorf("status %s, want %s", ts.Status, tc.to)
			}
			if err := ts.Validate(); err != nil {
				t.Errorf("invalid after %s: %v", tc.action, err)
			}
		})
	}
}

func TestTimesheetSignatureAndApproval(t *testing.T) {
	ts := newTS(t)
	for _, tc := range []struct {
		name, typed string
		on          string
		want        string
	}{
		{paName, "", "2026-11-16", "types their full name (Sarah Jones)"},
		{paName, "S Jones", "2026-11-16", "does not match the PA's name (Sarah Jones)"},
		{"", "Sarah Jones", "2026-11-16", "name is not known"},
		{paName, "Sarah Jones", "2026-11-07", "includes work on 08/11/2026, so it can't be signed on 07/11/2026"},
	} {
		t.Run(tc.on, func(t *testing.T) {
			on := civil.MustParse(tc.on)
			if err := ts.Sign(tc.name, tc.typed, on); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Sign(%q, %q): %v, want %q", tc.name, tc.typed, err, tc.want)
			}
		})
	}
	if err := ts.Sign(paName, "Sarah Jones", civil.Date{}); err == nil {
		t.Error("signed with no date")
	}
	if err := signIt(&ts); err != nil {
		t.Fatal(err)
	}
	if ts.SignedName != "sarah JONES" || ts.SignedOn != civil.MustParse("2026-11-16") {
		t.Errorf("signature %q on %s", ts.SignedName, ts.SignedOn)
	}
	if err := ts.Approve("", civil.MustParse("2026-11-20")); err == nil {
		t.Error("approved by nobody")
	}
	if err := ts.Approve("Tom Smith", civil.MustParse("2026-11-15")); err == nil || !strings.Contains(err.Error(), "before the PA signed") {
		t.Errorf("approval before signature: %v", err)
	}
	if err := ts.ReturnToDraft(); err != nil {
		t.Fatal(err)
	}
	if ts.SignedName != "" || !ts.SignedOn.IsZero() {
		t.Error("returning to draft kept the signature")
	}
}

func TestTimesheetEntryChecks(t *testing.T) {
	ts := newTS(t)
	tests := []struct {
		name string
		do   func() error
		want string
	}{
		{"outside the period", func() error {
			return ts.AddEntry(Entry{Start: lt(t, "2026-11-16 08:00"), End: lt(t, "2026-11-16 12:00"), Type: Day})
		}, "starts on 16/11/2026, outside this timesheet (02/11/2026 to 15/11/2026)"},
		{"ends before it starts", func() error {
			return ts.AddEntry(Entry{Start: lt(t, "2026-11-14 12:00"), End: lt(t, "2026-11-14 08:00"), Type: Day})
		}, "ends before it starts"},
		{"negative mileage", func() error {
			return ts.AddEntry(Entry{Start: lt(t, "2026-11-14 08:00"), End: lt(t, "2026-11-14 12:00"), Type: Day, MileageTenths: -5})
		}, "mileage can't be negative"},
		{"negative expenses", func() error {
			return ts.AddEntry(Entry{Start: lt(t, "2026-11-14 08:00"), End: lt(t, "2026-11-14 12:00"), Type: Day, Expenses: -100})
		}, "Expenses can't be negative"},
		{"a shift already on the timesheet", func() error {
			e := ts.Entries[0]
			e.Start = lt(t, "2026-11-02 09:00")
			return ts.AddEntry(e)
		}, "already on this timesheet (line 1)"},
		{"a shift not on the rota", func() error {
			return ts.AddEntry(Entry{ShiftID: 9, Start: lt(t, "2026-11-14 08:00"), End: lt(t, "2026-11-14 12:00"), Type: Day})
		}, "not on this PA's rota"},
		{"no such line", func() error { return ts.RemoveEntry(9) }, "There is no line 10 on this timesheet: choose a line from 1 to 5"},
		{"no such line to set", func() error { return ts.SetEntry(-1, Entry{}) }, "There is no line 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.do(); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
			}
		})
	}
	if len(ts.Entries) != 5 {
		t.Errorf("refused changes changed the entries: %d", len(ts.Entries))
	}
	// Adding keeps time order.
	if err := ts.AddEntry(Entry{Start: lt(t, "2026-11-05 08:00"), End: lt(t, "2026-11-05 10:00"), Type: Day}); err != nil {
		t.Fatal(err)
	}
	if ts.Entries[2].ShiftID != 0 || ts.Entries[3].ShiftID != 3 {
		t.Errorf("added entry not in time order")
	}
}

func TestTimesheetDifferences(t *testing.T) {
	ts := newTS(t)
	e := ts.Entries[0] // 08:00-12:00 on 02/11
	e.Start = lt(t, "2026-11-02 08:15")
	e.End = lt(t, "2026-11-02 11:30")
	e.BreakMinutes = 0
	must(t, ts.SetEntry(0, e))
	e = ts.Entries[1] // 08:00-16:00, break 30
	e.BreakMinutes = 0
	e.End = lt(t, "2026-11-03 16:20")
	must(t, ts.SetEntry(1, e))
	e = ts.Entries[2] // sleep-in
	e.WokenMinutes = 90
	must(t, ts.SetEntry(2, e))
	e = ts.Entries[3] // covered day shift recorded as a waking night
	e.Type = WakingNight
	must(t, ts.SetEntry(3, e))
	must(t, ts.RemoveEntry(4)) // the retained shift
	must(t, ts.AddEntry(Entry{Start: lt(t, "2026-11-14 22:00"), End: lt(t, "2026-11-15 07:00"), Type: WakingNight, BreakMinutes: 30}))

	var got []string
	for _, d := range ts.Differences() {
		got = append(got, d.Date.String()+" "+string(d.Kind)+": "+d.Message)
	}
	want := []string{
		"2026-11-02 start: Started 08:15, planned 08:00 (15 minutes late).",
		"2026-11-02 end: Finished 11:30, planned 12:00 (30 minutes earlier).",
		"2026-11-03 end: Finished 16:20, planned 16:00 (20 minutes later).",
		"2026-11-03 break: No break, planned 30 minutes.",
		"2026-11-07 woken: Woken for 1 hour 30 minutes during the sleep-in, none planned.",
		"2026-11-09 type: Recorded as a waking night, planned as a day shift.",
		"2026-11-10 missing: On the rota but not on the timesheet: day shift, 08:00 to 12:00 on 10/11/2026.",
		"2026-11-14 added: Not on the rota: waking night, 22:00 to 07:00 the next day on 14/11/2026 (9 hours).",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("differences:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestTimesheetTotalsAndPay(t *testing.T) {
	ts := newTS(t)
	// Sleep-in on Sat 07/11 woken 60 minutes; 12.5 miles and £4.50 on the first.
	e := ts.Entries[2]
	e.WokenMinutes = 60
	must(t, ts.SetEntry(2, e))
	e = ts.Entries[0]
	e.MileageTenths, e.Expenses = 125, 450
	must(t, ts.SetEntry(0, e))

	got := ts.Totals()
	want := Totals{Shifts: 4, PaidMinutes: 240 + 450 + 60 + 240, DayMinutes: 240 + 450 + 240, WeekendMinutes: 60,
		SleepIns: 1, WokenMinutes: 60, RetainedMinutes: 240, MileageTenths: 125, Expenses: 450}
	if got != want {
		t.Errorf("Totals:\n%+v\nwant\n%+v", got, want)
	}

	pay, err := ts.Pay(fixedRates(testRates))
	if err != nil {
		t.Fatal(err)
	}
	type l struct {
		class    PayClass
		retained bool
		minutes  int
		count    int
		amount   money.Money
	}
	wantLines := []l{
		{ClassDay, false, 930, 0, 20150},   // 15.5 hours at £13.00
		{ClassWeekend, false, 60, 0, 1500}, // woken hour on a Saturday
		{ClassSleepIn, false, 0, 1, 8000},
		{ClassDay, true, 240, 0, 5200}, // retained
	}
	if len(pay.Lines) != len(wantLines) {
		t.Fatalf("lines %+v", pay.Lines)
	}
	for i, w := range wantLines {
		g := pay.Lines[i]
		if g.Class != w.class || g.Retained != w.retained || g.Minutes != w.minutes || g.Count != w.count || g.Amount != w.amount {
			t.Errorf("line %d = %+v, want %+v", i, g, w)
		}
	}
	if pay.Total != 20150+1500+8000+5200 || pay.Expenses != 450 || pay.MileageTenths != 125 || pay.PaidMinutes != 930+60+240 {
		t.Errorf("pay %+v", pay)
	}
	if _, err := ts.Pay(func(civil.Date) (Rates, bool) { return Rates{}, false }); err == nil || !strings.Contains(err.Error(), "Line 1: No contract") {
		t.Errorf("pay with no contract: %v", err)
	}
}

func TestLabelsAndSmallHelpers(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{Draft.Label(), "Draft"}, {Signed.Label(), "Signed by the PA"}, {Approved.Label(), "Approved"}, {Locked.Label(), "Locked (paid)"},
		{Holiday.Label(), "Holiday"}, {HospitalStay.Label(), "Hospital stay"}, {OtherLeave.Label(), "Other leave"},
		{ClassBankHoliday.Label(), "Bank holiday"}, {ClassSleepIn.Label(), "Sleep-in allowance"},
		{NeedsCover.Label(), "Needs cover"}, {Retained.Label(), "Retained (hospital stay)"},
		{mileageText(125), "12.5"}, {mileageText(120), "12"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
	if _, err := ParseTimesheetStatus("paid"); err == nil {
		t.Error("ParseTimesheetStatus(paid) accepted")
	}
	if s, err := ParseTimesheetStatus(" Locked "); err != nil || s != Locked {
		t.Errorf("ParseTimesheetStatus(Locked) = %q %v", s, err)
	}
	if _, err := LocalTime(civil.MustParse("2026-04-06"), 1440); err == nil {
		t.Error("LocalTime accepted minute 1440")
	}
	if _, err := LocalTime(civil.Date{}, 60); err == nil {
		t.Error("LocalTime accepted no date")
	}
	e := Entry{Start: lt(t, "2026-11-02 08:00"), End: lt(t, "2026-11-02 16:00"), Type: Day, BreakMinutes: 30}
	if e.Minutes() != 480 || e.PaidMinutes() != 450 {
		t.Errorf("entry minutes %d %d", e.Minutes(), e.PaidMinutes())
	}
}

func TestTimesheetValidate(t *testing.T) {
	for _, tc := range []struct {
		change func(*Timesheet)
		want   string
	}{
		{func(ts *Timesheet) { ts.PAID = 0 }, "has no PA"},
		{func(ts *Timesheet) { ts.To = ts.From.AddDays(-1) }, "ends before it starts"},
		{func(ts *Timesheet) { ts.Status = "paid" }, `"paid" is not a timesheet status`},
		{func(ts *Timesheet) { ts.Status = Signed }, "has no signature"},
		{func(ts *Timesheet) { ts.Status, ts.SignedName, ts.SignedOn = Approved, "S", tsTo }, "has no approval"},
		{func(ts *Timesheet) { ts.Entries[1].BreakMinutes = -1 }, "Line 2: The break can't be negative"},
		{func(ts *Timesheet) { ts.Entries[1].MileageTenths = 1_000_000 }, "100000 miles looks like a typing mistake"},
		{func(ts *Timesheet) { ts.Entries[1].Expenses = 2_000_000 }, "£20,000.00 look like a typing mistake"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			ts := newTS(t)
			tc.change(&ts)
			if err := ts.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Validate() = %v, want %q", err, tc.want)
			}
		})
	}
	if err := newTS(t).Validate(); err != nil {
		t.Errorf("a fresh timesheet is invalid: %v", err)
	}
}

func TestTimesheetStatusText(t *testing.T) {
	signed, approved := civil.MustParse("2026-04-12"), civil.MustParse("2026-04-14")
	for _, tc := range []struct {
		name string
		ts   Timesheet
		want string
	}{
		{"draft", Timesheet{Status: Draft}, "Draft: not yet signed by the PA"},
		{"signed", Timesheet{Status: Signed, SignedOn: signed}, "Signed by the PA on 12/04/2026, waiting for approval"},
		{"approved", Timesheet{Status: Approved, SignedOn: signed, ApprovedOn: approved, ApprovedBy: "Sam Jones"}, "Approved on 14/04/2026 by Sam Jones"},
		{"approved, no name", Timesheet{Status: Approved, ApprovedOn: approved}, "Approved on 14/04/2026"},
		{"locked", Timesheet{Status: Locked, ApprovedOn: approved, ApprovedBy: "Sam Jones"}, "Approved on 14/04/2026 by Sam Jones and paid (locked)"},
		{"unknown", Timesheet{Status: "paid"}, "Unknown status"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.ts.StatusText(); got != tc.want {
				t.Errorf("StatusText() = %q, want %q", got, tc.want)
			}
		})
	}
}

// A break taken as the break rule asks, on a shift the rota planned with
// too short a break, is not a difference; any other change of break is.
func TestTimesheetBreakTheRuleAskedFor(t *testing.T) {
	day := func(start, end string, brk int) Shift {
		return Shift{ID: 9, PAID: 1, Start: lt(t, "2026-11-09 "+start), End: lt(t, "2026-11-09 "+end), Type: Day, BreakMinutes: brk, Status: Planned}
	}
	for _, c := range []struct {
		name    string
		planned Shift
		taken   int
		differs bool
	}{
		{"30 minutes, none planned on 8 hours", day("08:00", "16:00", 0), 30, false},
		{"20 minutes, 10 planned on 8 hours", day("08:00", "16:00", 10), 20, false},
		{"an hour, none planned on 8 hours", day("08:00", "16:00", 0), 60, false},
		{"too short a break still differs", day("08:00", "16:00", 0), 15, true},
		{"a long break differs", day("08:00", "16:00", 0), 90, true},
		{"none needed on 5 hours", day("08:00", "13:00", 0), 30, true},
		{"planned already met the rule", day("08:00", "16:00", 20), 30, true},
		{"taken none, 30 planned", day("08:00", "16:00", 30), 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			ts, err := NewTimesheet(1, tsFrom, tsTo, []Shift{c.planned})
			must(t, err)
			e := ts.Entries[0]
			e.BreakMinutes = c.taken
			must(t, ts.SetEntry(0, e))
			var breaks []string
			for _, d := range ts.Differences() {
				if d.Kind == DiffBreak {
					breaks = append(breaks, d.Message)
				}
			}
			if got := len(breaks) > 0; got != c.differs {
				t.Errorf("break differences %q, want a difference: %v", breaks, c.differs)
			}
			// The planned shift is what the check warned about, or not.
			warned := false
			for _, w := range Check(CheckInput{Shifts: []Shift{c.planned}}) {
				warned = warned || w.Rule == RuleBreak6h
			}
			if !c.differs && !warned {
				t.Errorf("no difference although the check did not ask for a break")
			}
		})
	}
}

func TestRuleNamesArePlain(t *testing.T) {
	for _, r := range Rules {
		n := RuleName(r)
		if n == r || n == "" || strings.ContainsAny(n, "-[]") {
			t.Errorf("rule %q has the name %q, want plain words", r, n)
		}
	}
	if got := RuleName("no-such-rule"); got != "no-such-rule" {
		t.Errorf("an unknown rule is named %q", got)
	}
}

func TestEarlyApproval(t *testing.T) {
	ts := newTS(t) // 02/11/2026 to 15/11/2026
	for _, c := range []struct {
		on   string
		warn bool
	}{{"2026-11-02", true}, {"2026-11-14", true}, {"2026-11-15", false}, {"2026-11-30", false}} {
		got := ts.EarlyApproval(civil.MustParse(c.on))
		if (got != "") != c.warn {
			t.Errorf("approving on %s: %q, want a warning: %v", c.on, got, c.warn)
		}
		if c.warn && !strings.Contains(got, "runs until 15/11/2026") {
			t.Errorf("approving on %s: %q does not say when the period ends", c.on, got)
		}
	}
}
