package storage

import (
	"testing"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/payroll"
)

func TestPensionRecords(t *testing.T) {
	db, acc := seeded(t)
	pa := household.PA{AccountID: acc.ID, Name: "Ada Lovelace", StartDate: civil.MustParse("2026-04-01")}
	mustUpdate(t, db, func(tx *Tx) error { return tx.InsertPA(&pa) })
	view(db, func(tx *Tx) {
		if _, ok, err := tx.PensionDuties(acc.ID); ok || err != nil {
			t.Errorf("duties before any were saved: %v %v", ok, err)
		}
	})
	want := PensionDuties{AccountID: acc.ID, Duties: payroll.Duties{Start: civil.MustParse("2026-04-01"), PostponeMonths: 3,
		ReEnrolment: civil.MustParse("2029-04-01")}, Declared: civil.MustParse("2026-08-20"), SchemeRef: "EMP123456789", PaymentSource: "Direct debit"}
	st := payroll.PensionState{Enrolled: civil.MustParse("2026-07-01"), InfoGiven: civil.MustParse("2026-07-03"), OptedOut: civil.MustParse("2026-07-20")}
	mustUpdate(t, db, func(tx *Tx) error { return tx.SavePensionDuties(want) }, func(tx *Tx) error { return tx.SavePensionState(pa.ID, st) })
	view(db, func(tx *Tx) {
		got, ok, err := tx.PensionDuties(acc.ID)
		if !ok || err != nil || got != want {
			t.Errorf("duties %+v %v %v, want %+v", got, ok, err, want)
		}
		states, err := tx.PensionStates(acc.ID)
		if err != nil || states[pa.ID] != st || len(states) != 1 {
			t.Errorf("states %+v %v, want %+v", states, err, st)
		}
	})
	// Saving again replaces.
	st.OptedOut = civil.Date{}
	mustUpdate(t, db, func(tx *Tx) error { return tx.SavePensionState(pa.ID, st) })
	view(db, func(tx *Tx) {
		if states, _ := tx.PensionStates(acc.ID); states[pa.ID] != st {
			t.Errorf("after replacing: %+v", states[pa.ID])
		}
	})
}
