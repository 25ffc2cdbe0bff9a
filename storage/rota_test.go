package storage

import (
	"reflect"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/rota"
)

func seedPA(t *testing.T, db *DB) (household.Account, household.PA) {
	t.Helper()
	a := seed(t, db)
	p := samplePA(a.ID)
	mustUpdate(t, db, func(tx *Tx) error { return tx.InsertPA(&p) })
	return a, p
}

func TestShiftRoundTrip(t *testing.T) {
	db, _ := openTemp(t)
	a, p := seedPA(t, db)
	// A sleep-in across the October clock change: 11 hours.
	start, _ := rota.ParseLocal("2026-10-24 22:00")
	end, _ := rota.ParseLocal("2026-10-25 08:00")
	s, err := rota.NewShift(p.ID, start, end, rota.SleepIn, 0, 45)
	if err != nil {
		t.Fatal(err)
	}
	s.Note = "Key in the safe"
	pat := rota.Pattern{Name: "Weekdays", Cycle: 2, Anchor: civil.MustParse("2026-10-19"), From: civil.MustParse("2026-10-19"),
		Entries: []rota.PatternEntry{{PAID: p.ID, Week: 2, Weekday: time.Saturday, Start: 22 * 60, End: 8 * 60, Type: rota.SleepIn}}}
	mustUpdate(t, db, func(tx *Tx) error {
		if err := tx.SavePattern(a.ID, &pat); err != nil {
			return err
		}
		s.PatternID, s.PatternEntryID, s.PatternDate = pat.ID, 1, civil.MustParse("2026-10-24")
		return tx.InsertShift(a.ID, &s)
	})
	view(db, func(tx *Tx) {
		got, acc, err := tx.Shift(s.ID)
		if err != nil || acc != a.ID {
			t.Fatalf("Shift = %v %d", err, acc)
		}
		if got.Minutes() != 660 || !got.Start.Equal(start) || !got.End.Equal(end) || got.Note != s.Note || got.PatternDate != s.PatternDate {
			t.Errorf("shift = %+v (minutes %d)", got, got.Minutes())
		}
		list, err := tx.Shifts(a.ID, start.Add(-time.Hour), start.Add(time.Hour))
		if err != nil || len(list) != 1 {
			t.Errorf("Shifts = %d %v", len(list), err)
		}
		if list, _ := tx.Shifts(a.ID, start.Add(time.Minute), end); len(list) != 0 {
			t.Errorf("range excludes a shift starting before it: %d", len(list))
		}
		pats, err := tx.Patterns(a.ID)
		if err != nil || len(pats) != 1 || !reflect.DeepEqual(pats[0].Entries, pat.Entries) || pats[0].Cycle != 2 {
			t.Errorf("Patterns = %+v %v", pats, err)
		}
	})
	// Needs cover: the PA is cleared and kept as CoverForPAID.
	s.Status, s.CoverForPAID, s.PAID, s.Edited = rota.NeedsCover, p.ID, 0, true
	mustUpdate(t, db, func(tx *Tx) error { return tx.UpdateShift(a.ID, s) })
	view(db, func(tx *Tx) {
		got, _, _ := tx.Shift(s.ID)
		if got.PAID != 0 || got.CoverForPAID != p.ID || got.Status != rota.NeedsCover || !got.Edited {
			t.Errorf("after update = %+v", got)
		}
	})
}

func TestAbsenceAndTimesheetRoundTrip(t *testing.T) {
	db, _ := openTemp(t)
	a, p := seedPA(t, db)
	ab := rota.Absence{PAID: p.ID, Kind: rota.Sickness, From: civil.MustParse("2026-04-01"), To: civil.MustParse("2026-04-10"),
		QualifyingDays: []time.Weekday{time.Monday, time.Wednesday, time.Friday}, Note: "Flu"}
	hosp := rota.Absence{Kind: rota.HospitalStay, From: civil.MustParse("2026-05-01"), To: civil.MustParse("2026-05-03"), Hospital: rota.HospitalRetain}
	start, _ := rota.ParseLocal("2026-04-13 08:00")
	end, _ := rota.ParseLocal("2026-04-13 12:00")
	s, _ := rota.NewShift(p.ID, start, end, rota.Day, 0, 0)
	var ts rota.Timesheet
	mustUpdate(t, db, func(tx *Tx) error {
		if err := tx.InsertAbsence(a.ID, &ab); err != nil {
			return err
		}
		if err := tx.InsertAbsence(a.ID, &hosp); err != nil {
			return err
		}
		if err := tx.InsertShift(a.ID, &s); err != nil {
			return err
		}
		var err error
		ts, err = rota.NewTimesheet(p.ID, civil.MustParse("2026-04-06"), civil.MustParse("2026-05-05"), []rota.Shift{s})
		if err != nil {
			return err
		}
		ts.Entries[0].MileageTenths = 125
		ts.Entries[0].Expenses = money.MustParse("4.50")
		ts.Entries[0].Note = "Bus fare"
		return tx.SaveTimesheet(a.ID, &ts)
	})
	if err := ts.Sign(p.Name, p.Name, civil.MustParse("2026-05-05")); err != nil {
		t.Fatal(err)
	}
	mustUpdate(t, db, func(tx *Tx) error { return tx.SaveTimesheet(a.ID, &ts) })
	view(db, func(tx *Tx) {
		abs, err := tx.Absences(a.ID, civil.MustParse("2026-04-10"), civil.MustParse("2026-05-01"))
		if err != nil || len(abs) != 2 || !reflect.DeepEqual(abs[0], ab) || !reflect.DeepEqual(abs[1], hosp) {
			t.Errorf("Absences = %+v %v", abs, err)
		}
		if abs, _ := tx.Absences(a.ID, civil.MustParse("2026-04-11"), civil.MustParse("2026-04-30")); len(abs) != 0 {
			t.Errorf("absences outside the range: %+v", abs)
		}
		got, acc, err := tx.Timesheet(ts.ID)
		if err != nil || acc != a.ID {
			t.Fatal(err)
		}
		if got.Status != rota.Signed || got.SignedName != p.Name || len(got.Entries) != 1 || got.Entries[0].Expenses != 450 ||
			got.Entries[0].MileageTenths != 125 || len(got.Rota) != 1 || !got.Rota[0].Start.Equal(start) {
			t.Errorf("timesheet = %+v", got)
		}
		if len(got.Differences()) != 0 {
			t.Errorf("differences after a round trip: %+v", got.Differences())
		}
		list, err := tx.Timesheets(a.ID, civil.MustParse("2026-05-01"), civil.MustParse("2026-05-31"))
		if err != nil || len(list) != 1 {
			t.Errorf("Timesheets = %d %v", len(list), err)
		}
	})
}
