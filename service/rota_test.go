package service

import (
	"io"
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/rota"
)

// rotaSetup is a budget with two PAs and their contracts.
func rotaSetup(t *testing.T) (*Service, household.Account, household.PA, household.PA) {
	t.Helper()
	s := openTemp(t)
	a := setupTom(t, s)
	a.SupportMinutesPerWeek = 20 * 60
	a, _ = s.SaveAccount(a)
	mk := func(name, dob string) household.PA {
		p, err := s.SavePA(household.PA{AccountID: a.ID, Name: name, StartDate: civil.MustParse("2025-04-06"),
			DateOfBirth: civil.MustParse(dob), TaxCode: "1257L"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveContract(household.Contract{PAID: p.ID, EffectiveFrom: civil.MustParse("2025-04-06"),
			HoursType: household.IrregularHours, DayRate: money.MustParse("12.80"), BankHolidayRate: money.MustParse("19.20"),
			SleepInAllowance: money.MustParse("80.00"), HolidayMethod: household.HolidayAccrued, PensionMethod: household.PensionNone}); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return s, a, mk("Sarah Lee", "1990-01-01"), mk("Ali Khan", "1985-06-01")
}

// sarahsNovember adds Sarah's morning shift on Monday 16 November 2026
// and opens her draft timesheet for November.
func sarahsNovember(t *testing.T, s *Service, a household.Account, sarah household.PA) (rota.Shift, rota.Timesheet) {
	t.Helper()
	sh, _, err := s.AddShift(a.ID, ShiftInput{PAID: sarah.ID, Start: at("2026-11-16 08:00"), End: at("2026-11-16 12:00"), Type: rota.Day})
	if err != nil {
		t.Fatal(err)
	}
	ts, err := s.OpenTimesheet(a.ID, sarah.ID, civil.MustParse("2026-11-16"))
	if err != nil {
		t.Fatal(err)
	}
	return sh, ts
}

func at(s string) time.Time {
	t, err := rota.ParseLocal(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAddShiftRefusesClashes(t *testing.T) {
	s, a, sarah, ali := rotaSetup(t)
	sh, _, err := s.AddShift(a.ID, ShiftInput{PAID: sarah.ID, Start: at("2026-11-16 08:00"), End: at("2026-11-16 12:00"), Type: rota.Day})
	if err != nil {
		t.Fatal(err)
	}
	if sh.Minutes() != 240 || sh.ID == 0 {
		t.Errorf("shift = %+v", sh)
	}
	// The same PA twice at once is refused.
	_, _, err = s.AddShift(a.ID, ShiftInput{PAID: sarah.ID, Start: at("2026-11-16 11:00"), End: at("2026-11-16 13:00"), Type: rota.Day})
	if ErrorCode(err) != Conflict || !strings.Contains(ErrorMessage(err), "Sarah Lee is already on a shift") {
		t.Errorf("same PA overlap: %v", err)
	}
	// Another PA at the same time is refused without 2:1 support...
	_, _, err = s.AddShift(a.ID, ShiftInput{PAID: ali.ID, Start: at("2026-11-16 09:00"), End: at("2026-11-16 12:00"), Type: rota.Day})
	if ErrorCode(err) != Conflict || !strings.Contains(ErrorMessage(err), "2:1 support") {
		t.Errorf("two carers: %v", err)
	}
	// ...but a 30-minute handover is fine.
	if _, _, err := s.AddShift(a.ID, ShiftInput{PAID: ali.ID, Start: at("2026-11-16 11:30"), End: at("2026-11-16 15:00"), Type: rota.Day}); err != nil {
		t.Errorf("handover refused: %v", err)
	}
	// With 2:1 support the overlap is allowed.
	a.AllowTwoToOne = true
	if _, err := s.SaveAccount(a); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddShift(a.ID, ShiftInput{PAID: ali.ID, Start: at("2026-11-16 08:00"), End: at("2026-11-16 10:00"), Type: rota.Day}); err != nil {
		t.Errorf("2:1 refused: %v", err)
	}
	// Bad input is refused with the rota's message, and nothing is stored.
	_, _, err = s.AddShift(a.ID, ShiftInput{PAID: sarah.ID, Start: at("2026-11-17 12:00"), End: at("2026-11-17 08:00"), Type: rota.Day})
	if ErrorCode(err) != Invalid {
		t.Errorf("end before start: %v", err)
	}
	shifts, _ := s.Shifts(a.ID, civil.MustParse("2026-11-16"), civil.MustParse("2026-11-17"))
	if len(shifts) != 3 {
		t.Errorf("shifts stored = %d, want 3", len(shifts))
	}
}

func TestPatternAbsenceCoverAndChecks(t *testing.T) {
	s, a, sarah, ali := rotaSetup(t)
	p := rota.Pattern{Name: "Weekday mornings", Cycle: 1, From: civil.MustParse("2026-11-02"),
		Entries: []rota.PatternEntry{
			{PAID: sarah.ID, Week: 1, Weekday: time.Monday, Start: 8 * 60, End: 12 * 60, Type: rota.Day},
			{PAID: sarah.ID, Week: 1, Weekday: time.Wednesday, Start: 8 * 60, End: 12 * 60, Type: rota.Day},
			{PAID: ali.ID, Week: 1, Weekday: time.Saturday, Start: 22 * 60, End: 7 * 60, Type: rota.SleepIn},
		}}
	p, res, err := s.SavePattern(a.ID, p, civil.MustParse("2026-11-02"), civil.MustParse("2026-11-29"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 12 {
		t.Errorf("fill = %+v", res)
	}
	// Filling again changes nothing.
	if res, err := s.FillPattern(a.ID, p.ID, civil.MustParse("2026-11-02"), civil.MustParse("2026-11-29")); err != nil || res != (FillResult{}) {
		t.Errorf("refill = %+v %v", res, err)
	}
	// Sarah's holiday: her two shifts that week need cover.
	changed, err := s.RecordAbsence(a.ID, rota.Absence{PAID: sarah.ID, Kind: rota.Holiday, From: civil.MustParse("2026-11-09"), To: civil.MustParse("2026-11-13")})
	if err != nil || len(changed) != 2 {
		t.Fatalf("absence changed %d: %v", len(changed), err)
	}
	covered, err := s.CoverShift(changed[0].ID, ali.ID)
	if err != nil || covered.PAID != ali.ID || covered.Status != rota.Covered {
		t.Errorf("cover = %+v %v", covered, err)
	}
	agency, err := s.CoverShift(changed[1].ID, 0)
	if err != nil || agency.Status != rota.Agency {
		t.Errorf("agency = %+v %v", agency, err)
	}
	// The checks: 8 hours of day shifts + 9 hours' sleep-in (0 woken) is
	// below the 20 hours agreed.
	ws, err := s.CheckRota(a.ID, civil.MustParse("2026-11-02"), civil.MustParse("2026-11-08"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range ws {
		if w.Rule == rota.RuleSupportHours && strings.Contains(w.Message, "fewer") {
			found = true
		}
	}
	if !found {
		t.Errorf("no support-hours warning in %+v", ws)
	}
	week, err := s.WeekView(a.ID, civil.MustParse("2026-11-11"), false)
	if err != nil || week.Start != civil.MustParse("2026-11-09") {
		t.Errorf("week = %+v %v", week.Start, err)
	}
}

func TestTimesheetFlow(t *testing.T) {
	s, a, sarah, _ := rotaSetup(t)
	sh, ts := sarahsNovember(t, s, a, sarah)
	var err error
	if ts.From != civil.MustParse("2026-11-01") || ts.To != civil.MustParse("2026-11-30") || len(ts.Entries) != 1 || ts.Status != rota.Draft {
		t.Fatalf("timesheet = %+v", ts)
	}
	again, _ := s.OpenTimesheet(a.ID, sarah.ID, civil.MustParse("2026-11-30"))
	if again.ID != ts.ID {
		t.Error("a second timesheet was made for the same period")
	}
	entries := ts.Entries
	entries[0].End = at("2026-11-16 12:30")
	entries[0].Expenses = money.MustParse("3.20")
	if ts, err = s.SetTimesheetEntries(ts.ID, entries, "Stayed late"); err != nil {
		t.Fatal(err)
	}
	if len(ts.Differences()) != 1 {
		t.Errorf("differences = %+v", ts.Differences())
	}
	if _, err := s.ApproveTimesheet(ts.ID, "Jane Smith", civil.MustParse("2026-11-30")); ErrorCode(err) != Invalid {
		t.Errorf("approve unsigned: %v", err)
	}
	if _, err := s.SignTimesheet(ts.ID, "Someone Else", civil.MustParse("2026-11-30")); ErrorCode(err) != Invalid {
		t.Errorf("sign with the wrong name: %v", err)
	}
	if ts, err = s.SignTimesheet(ts.ID, "sarah lee", civil.MustParse("2026-11-30")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetTimesheetEntries(ts.ID, entries, ""); ErrorCode(err) != Invalid {
		t.Errorf("edit signed: %v", err)
	}
	if ts, err = s.ApproveTimesheet(ts.ID, "Jane Smith", civil.MustParse("2026-11-30")); err != nil || ts.Status != rota.Approved {
		t.Fatalf("approve: %+v %v", ts.Status, err)
	}
	// The rota under an approved timesheet can't change.
	sh.End = at("2026-11-16 13:00")
	if _, _, err := s.UpdateShift(sh); ErrorCode(err) != Conflict {
		t.Errorf("change under approved timesheet: %v", err)
	}
	if err := s.CancelShift(sh.ID); ErrorCode(err) != Conflict {
		t.Errorf("cancel under approved timesheet: %v", err)
	}
	if ts, err = s.LockTimesheet(ts.ID); err != nil || ts.Status != rota.Locked {
		t.Errorf("lock: %v", err)
	}
	stored, _ := s.Timesheet(ts.ID)
	if stored.Status != rota.Locked || stored.Entries[0].Expenses != 320 || stored.Note != "Stayed late" {
		t.Errorf("stored = %+v", stored)
	}
}

func TestChangePatternFromADate(t *testing.T) {
	s, a, sarah, ali := rotaSetup(t)
	p, _, err := s.SavePattern(a.ID, rota.Pattern{Name: "Mornings", Cycle: 1, From: civil.MustParse("2026-11-02"),
		Entries: []rota.PatternEntry{{PAID: sarah.ID, Week: 1, Weekday: time.Tuesday, Start: 9 * 60, End: 13 * 60, Type: rota.Day}}},
		civil.MustParse("2026-11-02"), civil.MustParse("2026-11-29"))
	if err != nil {
		t.Fatal(err)
	}
	// From 16 November Ali takes the Tuesday, an hour later.
	_, res, err := s.ChangePattern(a.ID, p.ID, civil.MustParse("2026-11-16"),
		[]rota.PatternEntry{{PAID: ali.ID, Week: 1, Weekday: time.Tuesday, Start: 10 * 60, End: 14 * 60, Type: rota.Day}},
		civil.MustParse("2026-11-29"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 {
		t.Errorf("change = %+v", res)
	}
	shifts, _ := s.Shifts(a.ID, civil.MustParse("2026-11-02"), civil.MustParse("2026-11-29"))
	var got []string
	for _, sh := range shifts {
		got = append(got, sh.Start.Format("02/01 15:04")+" "+map[int64]string{sarah.ID: "Sarah", ali.ID: "Ali"}[sh.PAID])
	}
	want := "03/11 09:00 Sarah,10/11 09:00 Sarah,17/11 10:00 Ali,24/11 10:00 Ali"
	if strings.Join(got, ",") != want {
		t.Errorf("shifts = %v, want %s", got, want)
	}
	if _, _, err := s.ChangePattern(a.ID, p.ID+99, civil.MustParse("2026-11-16"), nil, civil.MustParse("2026-11-29")); ErrorCode(err) != NotFound {
		t.Errorf("unknown pattern: %v", err)
	}
}

func TestReinstateShift(t *testing.T) {
	s, a, sarah, ali := rotaSetup(t)
	sh, _, err := s.AddShift(a.ID, ShiftInput{PAID: sarah.ID, Start: at("2026-11-18 08:00"), End: at("2026-11-18 12:00"), Type: rota.Day})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordAbsence(a.ID, rota.Absence{PAID: sarah.ID, Kind: rota.OtherLeave, From: civil.MustParse("2026-11-18"), To: civil.MustParse("2026-11-18")}); err != nil {
		t.Fatal(err)
	}
	covered, err := s.CoverShift(sh.ID, ali.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Sarah comes back: the shift is hers again.
	back, err := s.ReinstateShift(covered.ID)
	if err != nil || back.PAID != sarah.ID || back.Status != rota.Planned || back.CoverForPAID != 0 {
		t.Fatalf("reinstated = %+v %v", back, err)
	}
	// A planned shift has nothing to undo.
	if _, err := s.ReinstateShift(back.ID); ErrorCode(err) != Invalid {
		t.Errorf("reinstate a planned shift: %v", err)
	}
}

// TestWeekViewPAs: the week shows every PA employed on at least one of its
// days, including one who starts and leaves inside the week.
func TestWeekViewPAs(t *testing.T) {
	s, a, sarah, _ := rotaSetup(t)
	mk := func(name, start, leave string) {
		p := household.PA{AccountID: a.ID, Name: name, StartDate: civil.MustParse(start), DateOfBirth: civil.MustParse("1990-01-01"), TaxCode: "1257L"}
		if leave != "" {
			p.LeavingDate = civil.MustParse(leave)
		}
		if _, err := s.SavePA(p); err != nil {
			t.Fatal(err)
		}
	}
	mk("Bea Short", "2026-11-11", "2026-11-13")  // Wednesday to Friday of the week of 9 November
	mk("Cal Later", "2026-11-16", "")            // starts the Monday after
	mk("Dee Gone", "2025-04-06", "2026-11-08")   // left the Sunday before
	mk("Eve Monday", "2025-04-06", "2026-11-09") // last day is the Monday
	_ = sarah
	week, err := s.WeekView(a.ID, civil.MustParse("2026-11-11"), false)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]bool{}
	for _, r := range week.Rows {
		rows[r.Label] = true
	}
	for _, tt := range []struct {
		name string
		want bool
	}{{"Sarah Lee", true}, {"Ali Khan", true}, {"Bea Short", true}, {"Cal Later", false}, {"Dee Gone", false}, {"Eve Monday", true}} {
		t.Run(tt.name, func(t *testing.T) {
			if rows[tt.name] != tt.want {
				t.Errorf("row for %s = %v, want %v (rows %v)", tt.name, rows[tt.name], tt.want, rows)
			}
		})
	}
}

// TestExportRefusesAgainstFields: the export jobs refuse the days (as
// rota.CheckExportRange) and a calendar for nobody against the form's
// fields, so the window and the CLI show the same.
func TestExportRefusesAgainstFields(t *testing.T) {
	s, a, _, _ := rotaSetup(t)
	d := civil.MustParse
	tests := []struct {
		name     string
		export   func() error
		field    string
		contains string
	}{
		{"rota backwards", func() error { return s.ExportRotaPDF(io.Discard, a.ID, d("2026-11-22"), d("2026-11-16")) }, "to", "before the start date"},
		{"timesheets with no first day", func() error {
			return s.ExportTimesheetsPDF(io.Discard, a.ID, civil.Date{}, d("2026-11-16"), 0)
		}, "from", "first and last dates"},
		{"calendar too long", func() error { return s.ExportICS(io.Discard, a.ID, d("2025-01-01"), d("2026-11-16"), 1) }, "to", "at most 400 days"},
		{"calendar for nobody", func() error { return s.ExportICS(io.Discard, a.ID, d("2026-11-16"), d("2026-11-22"), 0) }, "pa", "for one PA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.export()
			if got := FieldProblems(err).For(tt.field); !strings.Contains(got, tt.contains) {
				t.Errorf("%s problem = %q (error %v), want %q", tt.field, got, err, tt.contains)
			}
		})
	}
}

// TestTimesheetPay: the service costs a timesheet at the contract in force
// on each day (household.ContractOn), and refuses a day no contract covers.
func TestTimesheetPay(t *testing.T) {
	s, a, sarah, _ := rotaSetup(t)
	// A pay rise from 18 November.
	if _, err := s.SaveContract(household.Contract{PAID: sarah.ID, EffectiveFrom: civil.MustParse("2026-11-18"),
		HoursType: household.IrregularHours, DayRate: money.MustParse("14.00"), BankHolidayRate: money.MustParse("21.00"),
		SleepInAllowance: money.MustParse("80.00"), HolidayMethod: household.HolidayAccrued, PensionMethod: household.PensionNone}); err != nil {
		t.Fatal(err)
	}
	for _, day := range []string{"2026-11-16", "2026-11-18"} {
		if _, _, err := s.AddShift(a.ID, ShiftInput{PAID: sarah.ID, Start: at(day + " 08:00"), End: at(day + " 12:00"), Type: rota.Day}); err != nil {
			t.Fatal(err)
		}
	}
	ts, err := s.OpenTimesheet(a.ID, sarah.ID, civil.MustParse("2026-11-16"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		entries func([]rota.Entry) []rota.Entry
		total   string // "" for a refusal
	}{
		{"4 hours at £12.80 and 4 at £14.00", func(e []rota.Entry) []rota.Entry { return e }, "107.20"},
		{"a day before any contract", func(e []rota.Entry) []rota.Entry {
			e = append([]rota.Entry(nil), e...)
			e[0].Start, e[0].End = at("2025-01-06 08:00"), at("2025-01-06 12:00")
			return e
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := ts
			x.Entries = tt.entries(ts.Entries)
			pay, err := s.TimesheetPay(x)
			if tt.total == "" {
				if ErrorCode(err) != Invalid {
					t.Errorf("pay = %+v, %v; want a refusal", pay, err)
				}
				return
			}
			if err != nil || pay.Total != money.MustParse(tt.total) {
				t.Errorf("pay = %+v, %v; want %s", pay, err, tt.total)
			}
		})
	}
}
