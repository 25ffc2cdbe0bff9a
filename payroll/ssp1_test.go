package payroll

import (
	"testing"

	"patoolkit/civil"
)

// TestSSP1s follows HMRC's "Statutory Sick Pay: employee is not entitled"
// (give form SSP1 within 7 days of deciding SSP is not due, or, when SSP
// will end while the employee is still sick, by the beginning of the 23rd
// week of SSP) with the cases of TestSSP.
func TestSSP1s(t *testing.T) {
	d := civil.MustParse
	for _, tc := range []struct {
		name                    string
		spells                  []SickSpell
		want                    int
		lastPaid, stops, giveBy string
		status                  SSPDayStatus
		notDue                  bool
	}{
		// Below the LEL before 6 April 2026: not due from the first
		// qualifying day, Monday 2 February; the form by 9 February.
		{"below the LEL", []SickSpell{spell("2026-02-02", "2026-02-13", 10000)}, 1, "", "2026-02-02", "2026-02-09", SSPBelowLEL, true},
		// 28 weeks from 6 April 2026: the last day paid is Friday 16
		// October; SSP stops on Monday 19 October; the 23rd week of SSP
		// begins 6 weeks before, on 7 September.
		{"28 weeks used", []SickSpell{spell("2026-04-06", "2026-11-01", 40000)}, 1, "2026-10-16", "2026-10-19", "2026-09-07", SSPExhausted, false},
		// Nothing to tell: waiting days, or a spell too short to count.
		{"waiting days only", []SickSpell{spell("2026-02-02", "2026-02-13", 40000)}, 0, "", "", "", 0, false},
		{"three days", []SickSpell{spell("2026-02-02", "2026-02-04", 40000)}, 0, "", "", "", 0, false},
		// Below the LEL from Monday 1 September 2025 and still off on 6
		// April 2026 (when the transitional rule then pays nothing): one
		// form, for the first reason, by 8 September 2025.
		{"below the LEL, then the transitional rule", []SickSpell{spell("2025-09-01", "2026-04-17", 10000)}, 1, "", "2025-09-01", "2025-09-08", SSPBelowLEL, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := SSPInput{Spells: tc.spells, QualifyingDays: MondayToFriday}
			res, err := SSP(in)
			if err != nil {
				t.Fatal(err)
			}
			got := SSP1s(in, res)
			if len(got) != tc.want {
				t.Fatalf("%d forms, want %d: %+v", len(got), tc.want, got)
			}
			if tc.want == 0 {
				return
			}
			f := got[0]
			lastPaid, _ := civil.ParseOptional(tc.lastPaid)
			if f.LastPaid != lastPaid || f.Stops != d(tc.stops) || f.GiveBy != d(tc.giveBy) || f.Status != tc.status || f.NotDue != tc.notDue || f.Why() == "" {
				t.Errorf("got %+v (%s)", f, f.Why())
			}
		})
	}
}
