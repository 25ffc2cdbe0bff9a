package rota

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/field"
)

// week of shifts: PA 1 Mon-Fri 08:00-12:00 and a Saturday sleep-in; PA 2
// Mon-Fri 14:00-18:00. IDs from 1.
func absenceRota(t *testing.T) []Shift {
	var out []Shift
	id := int64(1)
	for d := 6; d <= 10; d++ {
		day := civil.New(2026, time.April, d).String()
		out = append(out,
			Shift{ID: id, PAID: 1, Start: lt(t, day+" 08:00"), End: lt(t, day+" 12:00"), Type: Day, Status: Planned},
			Shift{ID: id + 1, PAID: 2, Start: lt(t, day+" 14:00"), End: lt(t, day+" 18:00"), Type: Day, Status: Planned})
		id += 2
	}
	out = append(out, Shift{ID: id, PAID: 1, Start: lt(t, "2026-04-11 22:00"), End: lt(t, "2026-04-12 08:00"), Type: SleepIn, Status: Planned})
	return out
}

func TestHolidayNeedsCoverThenCovered(t *testing.T) {
	rota := absenceRota(t)
	hol := Absence{ID: 1, PAID: 1, Kind: Holiday, From: civil.MustParse("2026-04-08"), To: civil.MustParse("2026-04-11")}
	changed, err := ApplyAbsence(rota, hol)
	if err != nil {
		t.Fatal(err)
	}
	// Wed, Thu, Fri mornings and the Saturday sleep-in.
	if len(changed) != 4 {
		t.Fatalf("changed %d shifts, want 4: %s", len(changed), brief(changed))
	}
	for _, s := range changed {
		if s.Status != NeedsCover || s.PAID != 0 || s.CoverForPAID != 1 {
			t.Errorf("shift %d: status %s PAID %d CoverFor %d", s.ID, s.Status, s.PAID, s.CoverForPAID)
		}
		if err := s.Validate(); err != nil {
			t.Error(err)
		}
	}
	// Give Wednesday to PA 2 and Thursday to an agency.
	wed, err := Cover(changed[0], 2)
	if err != nil {
		t.Fatal(err)
	}
	if wed.Status != Covered || wed.PAID != 2 || wed.CoverForPAID != 1 {
		t.Errorf("covered: %+v", wed)
	}
	thu, err := AgencyCover(changed[1])
	if err != nil {
		t.Fatal(err)
	}
	if thu.Status != Agency || thu.PAID != 0 || thu.CoverForPAID != 1 {
		t.Errorf("agency: %+v", thu)
	}
	// Holiday taken: three 4-hour mornings and one sleep-in.
	all := append([]Shift{}, rota...)
	for _, c := range []Shift{wed, thu, changed[2], changed[3]} {
		t.Run(fmt.Sprint(c), func(t *testing.T) {
			for i := range all {
				if all[i].ID == c.ID {
					all[i] = c
				}
			}
		})
	}
	got := HolidayTaken(all, []Absence{hol}, 1, civil.MustParse("2026-04-01"), civil.MustParse("2026-04-30"))
	if got != (HolidayUse{Minutes: 720, SleepIns: 1, Shifts: 4}) {
		t.Errorf("HolidayTaken = %+v", got)
	}
	// Only within the period asked, and not for sickness or another PA.
	if got := HolidayTaken(all, []Absence{hol}, 1, civil.MustParse("2026-04-09"), civil.MustParse("2026-04-09")); got.Minutes != 240 {
		t.Errorf("one day: %+v", got)
	}
	sick := hol
	sick.Kind, sick.QualifyingDays = Sickness, []time.Weekday{time.Monday}
	if got := HolidayTaken(all, []Absence{sick}, 1, hol.From, hol.To); got != (HolidayUse{}) {
		t.Errorf("sickness counted as holiday: %+v", got)
	}
	if got := HolidayTaken(all, []Absence{hol}, 2, hol.From, hol.To); got != (HolidayUse{}) {
		t.Errorf("PA 2 took no holiday: %+v", got)
	}
	// Back early: Friday goes back to PA 1.
	fri, err := Reinstate(changed[2])
	if err != nil || fri.Status != Planned || fri.PAID != 1 || fri.CoverForPAID != 0 {
		t.Errorf("reinstate: %+v %v", fri, err)
	}
}

func TestCoverRefusals(t *testing.T) {
	planned := Shift{ID: 1, PAID: 1, Start: lt(t, "2026-04-06 08:00"), End: lt(t, "2026-04-06 12:00"), Type: Day, Status: Planned}
	needs := planned
	needs.Status, needs.PAID, needs.CoverForPAID = NeedsCover, 0, 1
	tests := []struct {
		name string
		do   func() (Shift, error)
		want string
		kind error
	}{
		{"cover a planned shift", func() (Shift, error) { return Cover(planned, 2) }, "Only a shift that needs cover", ErrRefused},
		{"cover with the absent PA", func() (Shift, error) { return Cover(needs, 1) }, "the PA who is absent", ErrRefused},
		{"cover with nobody", func() (Shift, error) { return Cover(needs, 0) }, "Choose the PA who will cover", ErrInvalid},
		{"agency for a planned shift", func() (Shift, error) { return AgencyCover(planned) }, "Only a shift that needs cover", ErrRefused},
		{"reinstate a hand-made needs-cover shift", func() (Shift, error) {
			s := needs
			s.CoverForPAID = 0
			return Reinstate(s)
		}, "not taken off a PA", ErrRefused},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.do()
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, tc.kind) {
				t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
			}
		})
	}
	// A needs-cover shift added by hand becomes simply planned for its PA.
	hand := needs
	hand.CoverForPAID = 0
	got, err := Cover(hand, 3)
	if err != nil || got.Status != Planned || got.PAID != 3 {
		t.Errorf("cover a hand-made needs-cover shift: %+v %v", got, err)
	}
}

func TestHospitalStay(t *testing.T) {
	rota := absenceRota(t)
	// Thursday PA 1 morning already needs cover.
	rota[6].Status, rota[6].PAID, rota[6].CoverForPAID = NeedsCover, 0, 1
	stay := Absence{Kind: HospitalStay, From: civil.MustParse("2026-04-09"), To: civil.MustParse("2026-04-10")}
	for _, tc := range []struct {
		mode           HospitalMode
		retained, susp int
	}{
		{HospitalSuspend, 0, 4},
		{HospitalRetain, 3, 1}, // the shift needing cover has nobody to retain
	} {
		t.Run(fmt.Sprint(tc.mode), func(t *testing.T) {
			stay.Hospital = tc.mode
			changed, err := ApplyAbsence(rota, stay)
			if err != nil {
				t.Fatal(err)
			}
			var r, s int
			for _, c := range changed {
				switch c.Status {
				case Retained:
					r++
					if c.PAID == 0 {
						t.Error("retained shift with no PA")
					}
				case Suspended:
					s++
				default:
					t.Errorf("unexpected status %s", c.Status)
				}
				if err := c.Validate(); err != nil {
					t.Error(err)
				}
			}
			if r != tc.retained || s != tc.susp {
				t.Errorf("%s: retained %d suspended %d, want %d and %d", tc.mode, r, s, tc.retained, tc.susp)
			}
			// Reinstated after the stay, each goes back as it was.
			for _, c := range changed {
				back, err := Reinstate(c)
				if err != nil {
					t.Fatal(err)
				}
				for _, o := range rota {
					if o.ID == back.ID && (o.Status != back.Status || o.PAID != back.PAID) {
						t.Errorf("%s: reinstated %d as %s/%d, was %s/%d", tc.mode, o.ID, back.Status, back.PAID, o.Status, o.PAID)
					}
				}
			}
		})
	}
}

func TestAbsenceValidate(t *testing.T) {
	from, to := civil.MustParse("2026-04-06"), civil.MustParse("2026-04-10")
	tests := []struct {
		a    Absence
		want string
	}{
		{Absence{PAID: 1, Kind: Holiday, From: from, To: to}, ""},
		{Absence{PAID: 0, Kind: Holiday, From: from, To: to}, "Choose the PA who is absent"},
		{Absence{PAID: 1, Kind: "gone", From: from, To: to}, "Choose the kind of absence"},
		{Absence{PAID: 1, Kind: Holiday, From: to, To: from}, "ends (06/04/2026) before it starts (10/04/2026)"},
		{Absence{PAID: 1, Kind: Holiday, From: from}, "Enter the last day away"},
		{Absence{PAID: 1, Kind: Sickness, From: from, To: to}, "qualifying days"},
		{Absence{PAID: 1, Kind: Sickness, From: from, To: to, QualifyingDays: []time.Weekday{time.Monday, time.Monday}}, "Monday is chosen twice"},
		{Absence{PAID: 1, Kind: Sickness, From: from, To: to, QualifyingDays: []time.Weekday{9}}, "not a day of the week"},
		{Absence{PAID: 1, Kind: HospitalStay, From: from, To: to, Hospital: HospitalSuspend}, "not a PA"},
		{Absence{Kind: HospitalStay, From: from, To: to}, "suspended (not paid) or retained"},
		{Absence{Kind: HospitalStay, From: from, To: to, Hospital: HospitalRetain}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			wantErr(t, fmt.Sprintf("%+v", tc.a), tc.a.Validate(), tc.want)
		})
	}
	// Every problem at once, each on its field.
	all := Absence{Kind: Sickness, To: from, Note: "a\x00b"}.Problems()
	for _, name := range []string{"who", "from", "qualifying", "note"} {
		if all.For(name) == "" {
			t.Errorf("no problem on %q: %v", name, all)
		}
	}
	if len(field.Of(Absence{Kind: Sickness}.Validate())) != 4 {
		t.Errorf("Validate keeps %v", field.Of(Absence{Kind: Sickness}.Validate()))
	}
	if !errors.Is(Absence{}.Validate(), ErrInvalid) {
		t.Error("not ErrInvalid")
	}
	if _, err := ApplyAbsence(nil, Absence{Kind: Holiday}); err == nil {
		t.Error("ApplyAbsence accepted an invalid absence")
	}
}

func TestSicknessDays(t *testing.T) {
	a := Absence{PAID: 1, Kind: Sickness, From: civil.MustParse("2026-04-08"), To: civil.MustParse("2026-04-16"),
		QualifyingDays: []time.Weekday{time.Monday, time.Wednesday, time.Friday}}
	var got []string
	for _, d := range SicknessDays(a) {
		got = append(got, d.String())
	}
	if strings.Join(got, " ") != "2026-04-08 2026-04-10 2026-04-13 2026-04-15" {
		t.Errorf("SicknessDays = %v", got)
	}
	a.Kind = Holiday
	if SicknessDays(a) != nil {
		t.Error("holiday gave sickness days")
	}
}

func TestStatutoryEntitlement(t *testing.T) {
	tests := []struct {
		perWeek, days, want int
		ok                  bool
	}{
		{40 * 60, 5, 13440, true},  // 5.6 x 40 hours = 224 hours
		{2250, 5, 12600, true},     // 37.5 hours: 210 hours
		{40 * 60, 6, 11200, true},  // capped at 28 days of 400 minutes
		{12 * 60, 7, 2880, true},   // 28 days of about 102.86 minutes, rounded
		{16*60 + 1, 4, 5382, true}, // 5.6 x 961 = 5381.6, rounded
		{0, 5, 0, true},
		{-1, 5, 0, false},
		{60, 0, 0, false},
		{60, 8, 0, false},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.perWeek), func(t *testing.T) {
			got, err := StatutoryEntitlementMinutes(tc.perWeek, tc.days)
			if (err == nil) != tc.ok || got != tc.want {
				t.Errorf("StatutoryEntitlementMinutes(%d, %d) = %d, %v; want %d", tc.perWeek, tc.days, got, err, tc.want)
			}
		})
	}
}
