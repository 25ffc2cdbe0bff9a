package rota

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/household"
)

func TestLeaveYearOn(t *testing.T) {
	for _, tc := range []struct {
		start, on, from, to string
	}{
		{"2025-04-06", "2025-08-11", "2025-04-06", "2026-04-05"},
		{"2025-04-06", "2026-04-05", "2025-04-06", "2026-04-05"},
		{"2025-04-06", "2026-04-06", "2026-04-06", "2027-04-05"},
		{"2025-04-06", "2025-04-06", "2025-04-06", "2026-04-05"},
		{"2023-11-20", "2026-01-02", "2025-11-20", "2026-11-19"},
		{"2024-02-29", "2025-03-01", "2025-02-28", "2026-02-27"},
		{"2024-02-29", "2028-02-29", "2028-02-29", "2029-02-27"},
	} {
		t.Run(tc.start+" on "+tc.on, func(t *testing.T) {
			y, err := LeaveYearOn(civil.MustParse(tc.start), civil.MustParse(tc.on))
			if err != nil {
				t.Fatal(err)
			}
			if y.From.String() != tc.from || y.To.String() != tc.to {
				t.Errorf("leave year %s to %s, want %s to %s", y.From, y.To, tc.from, tc.to)
			}
		})
	}
	for _, tc := range []struct{ start, on, want string }{
		{"", "2025-08-11", "start date"},
		{"2025-04-06", "", "Choose the day"},
		{"2025-04-06", "2025-04-05", "had not started"},
	} {
		t.Run("refused "+tc.want, func(t *testing.T) {
			s, _ := civil.ParseOptional(tc.start)
			d, _ := civil.ParseOptional(tc.on)
			_, err := LeaveYearOn(s, d)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// rosterWeeks is n weeks of the PA's shifts from Monday monday: a day shift
// of hours hours from 08:00 on each of the first days days of the week.
func rosterWeeks(t *testing.T, paID int64, monday string, weeks, days, hours int) []Shift {
	t.Helper()
	var out []Shift
	m := civil.MustParse(monday)
	for w := 0; w < weeks; w++ {
		for i := 0; i < days; i++ {
			d := m.AddDays(7*w + i).String()
			out = append(out, Shift{ID: paID*1000 + int64(len(out)+1), PAID: paID, Start: lt(t, d+" 08:00"), End: lt(t, fmt.Sprintf("%s %02d:00", d, 8+hours)), Type: Day, Status: Planned})
		}
	}
	return out
}

// onHoliday takes the PA's shifts on from..to off them, as ApplyAbsence
// does, and returns the shifts and the absence.
func onHoliday(t *testing.T, shifts []Shift, paID int64, from, to string) ([]Shift, Absence) {
	t.Helper()
	a := Absence{ID: 1, PAID: paID, Kind: Holiday, From: civil.MustParse(from), To: civil.MustParse(to)}
	changed, err := ApplyAbsence(shifts, a)
	if err != nil {
		t.Fatal(err)
	}
	out := append([]Shift(nil), shifts...)
	for _, c := range changed {
		for i := range out {
			if out[i].ID == c.ID {
				out[i] = c
			}
		}
	}
	return out, a
}

func TestWorkOutHoliday(t *testing.T) {
	start := civil.MustParse("2025-04-06")
	pa := household.PA{ID: 1, Name: "Zoë", StartDate: start}
	fixed := func(hours int) []household.Contract {
		return []household.Contract{{PAID: 1, EffectiveFrom: start, HoursType: household.FixedHours, ContractedMinutesWeek: hours * 60, HolidayMethod: household.HolidayAccrued}}
	}
	irregular := func(m household.HolidayMethod) []household.Contract {
		return []household.Contract{{PAID: 1, EffectiveFrom: start, HoursType: household.IrregularHours, HolidayMethod: m}}
	}
	// Twenty hours over five days; a week's holiday from 11 August 2025.
	zoe := rosterWeeks(t, 1, "2025-08-04", 4, 5, 4)
	zoe = append(zoe, rosterWeeks(t, 2, "2025-08-04", 4, 2, 4)...) // another PA's, ignored
	zoeHol, aug := onHoliday(t, zoe, 1, "2025-08-11", "2025-08-15")
	left := pa
	left.LeavingDate = civil.MustParse("2025-10-05")
	late := pa
	late.StartDate = civil.MustParse("2025-06-01")
	worked := []WorkedPeriod{
		{From: civil.MustParse("2025-03-01"), To: civil.MustParse("2025-03-31"), Minutes: 9000}, // before the leave year
		{From: civil.MustParse("2025-04-06"), To: civil.MustParse("2025-05-05"), Minutes: 6000},
		{From: civil.MustParse("2025-05-06"), To: civil.MustParse("2025-06-05"), Minutes: 6000},
		{From: civil.MustParse("2025-06-06"), To: civil.MustParse("2025-07-05"), Minutes: 6000}, // after the day asked about
	}
	for _, tc := range []struct {
		name         string
		in           HolidayInput
		entitlement  int64
		taken        int64
		booked       int64
		days         int
		capped, part bool
		method       string
		says         string
	}{
		{name: "full year, fixed hours: 5.6 weeks",
			in:          HolidayInput{PA: pa, Contracts: fixed(20), On: civil.MustParse("2025-09-01"), Shifts: zoeHol, Absences: []Absence{aug}},
			entitlement: 5.6 * 20 * 60, taken: 5 * 4 * 60, days: 5, method: "5.6 weeks", says: "5.6 weeks of that: 112 hours"},
		{name: "the week's holiday is booked when asked before it",
			in:          HolidayInput{PA: pa, Contracts: fixed(20), On: civil.MustParse("2025-08-12"), Shifts: zoeHol, Absences: []Absence{aug}},
			entitlement: 5.6 * 20 * 60, taken: 2 * 4 * 60, booked: 3 * 4 * 60, days: 5, method: "5.6 weeks"},
		{name: "part year: left inside the leave year",
			in:          HolidayInput{PA: left, Contracts: fixed(20), On: civil.MustParse("2025-11-01"), Shifts: zoeHol, Absences: []Absence{aug}},
			entitlement: 3369, taken: 5 * 4 * 60, days: 5, part: true, method: "5.6 weeks", says: "183 days of the leave year's 365"}, // 6720 x 183 / 365
		{name: "a late start is a leave year of its own, not a part year",
			in:          HolidayInput{PA: late, Contracts: fixed(20), On: civil.MustParse("2025-09-01"), Shifts: zoeHol},
			entitlement: 5.6 * 20 * 60, days: 5, method: "5.6 weeks"},
		{name: "28-day cap at 6 days a week",
			in:          HolidayInput{PA: pa, Contracts: fixed(36), On: civil.MustParse("2025-09-01"), Shifts: rosterWeeks(t, 1, "2025-08-04", 3, 6, 6)},
			entitlement: 28 * 6 * 60, days: 6, capped: true, method: "5.6 weeks", says: "28 days"},
		{name: "no shifts: 5 days a week assumed",
			in:          HolidayInput{PA: pa, Contracts: fixed(36), On: civil.MustParse("2025-09-01")},
			entitlement: 5.6 * 36 * 60, days: 5, method: "5.6 weeks", says: "assumed"},
		{name: "irregular hours: 12.07% of minutes worked",
			in:          HolidayInput{PA: pa, Contracts: irregular(household.HolidayAccrued), On: civil.MustParse("2025-07-01"), Worked: worked},
			entitlement: 2 * 724, method: "12.07% of hours worked", says: "200 hours worked in 2 pay periods ending by 01/07/2025"}, // 6000 x 12.07% = 724.2
		{name: "rolled up: paid in each payslip",
			in:          HolidayInput{PA: pa, Contracts: irregular(household.HolidayRolledUp), On: civil.MustParse("2025-07-05"), Worked: worked},
			entitlement: 3 * 724, method: "rolled up: paid in each payslip", says: "paid in each payslip"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := WorkOutHoliday(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if r.EntitlementMinutes != tc.entitlement || r.TakenMinutes != tc.taken || r.BookedMinutes != tc.booked {
				t.Errorf("entitlement %d taken %d booked %d, want %d %d %d", r.EntitlementMinutes, r.TakenMinutes, r.BookedMinutes, tc.entitlement, tc.taken, tc.booked)
			}
			if want := tc.entitlement - tc.taken - tc.booked; r.RemainingMinutes != want || r.CarriedMinutes != 0 {
				t.Errorf("remaining %d carried %d, want %d and 0", r.RemainingMinutes, r.CarriedMinutes, want)
			}
			if r.DaysPerWeek != tc.days || r.Capped != tc.capped || r.PartYear != tc.part || r.Method() != tc.method {
				t.Errorf("days %d capped %v part %v method %q, want %d %v %v %q", r.DaysPerWeek, r.Capped, r.PartYear, r.Method(), tc.days, tc.capped, tc.part, tc.method)
			}
			words := strings.Join(r.Explanation(), "\n")
			if !strings.Contains(words, tc.says) || !strings.Contains(words, "carried over") {
				t.Errorf("explanation does not say %q and that carry-over is not recorded:\n%s", tc.says, words)
			}
		})
	}
}

func TestWorkOutHolidayRefused(t *testing.T) {
	start := civil.MustParse("2025-04-06")
	pa := household.PA{ID: 1, Name: "Zoë", StartDate: start}
	contracts := []household.Contract{{PAID: 1, EffectiveFrom: start, HoursType: household.FixedHours, ContractedMinutesWeek: 1200}}
	for _, tc := range []struct {
		name string
		in   HolidayInput
		want string
	}{
		{"no day", HolidayInput{PA: pa, Contracts: contracts}, "Choose the day"},
		{"before the start", HolidayInput{PA: pa, Contracts: contracts, On: civil.MustParse("2025-01-01")}, "Zoë had not started by 01/01/2025"},
		{"no contract", HolidayInput{PA: pa, On: civil.MustParse("2025-06-01")}, "no contract in force on 01/06/2025"},
		{"no start date", HolidayInput{PA: household.PA{ID: 1, Name: "Zoë"}, Contracts: contracts, On: civil.MustParse("2025-06-01")}, "start date"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := WorkOutHoliday(tc.in)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err %v, want one saying %q", err, tc.want)
			}
			if !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrRefused) {
				t.Errorf("err %v is neither invalid nor refused", err)
			}
		})
	}
}

func TestRosteredDaysPerWeek(t *testing.T) {
	five := rosterWeeks(t, 1, "2025-08-04", 3, 5, 4)
	extra := append(append([]Shift(nil), five...), rosterWeeks(t, 1, "2025-08-09", 1, 1, 4)...) // one Saturday extra
	cover := append(append([]Shift(nil), five...), Shift{PAID: 1, CoverForPAID: 2, Start: lt(t, "2025-08-10 08:00"), End: lt(t, "2025-08-10 12:00"), Type: Day, Status: Covered})
	for _, tc := range []struct {
		name   string
		shifts []Shift
		want   int
	}{
		{"none", nil, 0},
		{"five a week", five, 5},
		{"one week of six is not the usual", extra, 5},
		{"cover for another PA is not their own", cover, 5},
		{"another PA's", rosterWeeks(t, 2, "2025-08-04", 2, 3, 4), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := RosteredDaysPerWeek(tc.shifts, 1); got != tc.want {
				t.Errorf("RosteredDaysPerWeek = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestHolidayYearWithCarryOver follows GOV.UK's "Holiday entitlement"
// guide ("Carrying over holiday": a contract may let up to 1.6 weeks be
// carried into the next leave year, 8 days for someone working 5 days a
// week; the 4 weeks the law requires must be taken in the year). A PA
// works 30 hours over 5 days from 1 January 2025, with leave years from 1
// January (their contract's, not their start date's day) and a contract
// letting 48 hours (1.6 weeks) carry over. A full year is 5.6 weeks = 168
// hours.
//   - 2025: 96 hours taken, so 72 hours of the year's own are left; 48
//     carry over and 24 lapse.
//   - 2026, on 30 June: 168 + 48 carried - 60 taken = 156 hours left.
//   - 2027: the 60 hours taken in 2026 used the 48 carried first, so of
//     2026's own 168 hours 156 were left; 48 carry over again.
func TestHolidayYearWithCarryOver(t *testing.T) {
	start := civil.MustParse("2025-01-01")
	pa := household.PA{ID: 1, Name: "Sam", StartDate: start, LeaveYearFrom: civil.MustParse("2000-01-01")}
	contracts := []household.Contract{{PAID: 1, EffectiveFrom: start, HoursType: household.FixedHours, ContractedMinutesWeek: 30 * 60,
		HolidayMethod: household.HolidayAccrued, HolidayCarryMinutes: 48 * 60}}
	shifts := rosterWeeks(t, 1, "2024-12-30", 110, 5, 6)
	var absences []Absence
	for i, h := range [][2]string{{"2025-03-03", "2025-03-14"}, {"2025-08-04", "2025-08-08"}, {"2025-12-01", "2025-12-01"}, {"2026-02-09", "2026-02-20"}} {
		a := Absence{ID: int64(i + 1), PAID: 1, Kind: Holiday, From: civil.MustParse(h[0]), To: civil.MustParse(h[1])}
		changed, err := ApplyAbsence(shifts, a)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range changed {
			for j := range shifts {
				if shifts[j].ID == c.ID {
					shifts[j] = c
				}
			}
		}
		absences = append(absences, a)
	}
	in := HolidayInput{PA: pa, Contracts: contracts, Shifts: shifts, Absences: absences}
	for _, tc := range []struct {
		on, from                                 string
		entitlement, carried, lapsed, taken, rem int64 // hours
	}{
		{"2025-12-31", "2025-01-01", 168, 0, 0, 96, 72},
		{"2026-06-30", "2026-01-01", 168, 48, 24, 60, 156},
		{"2027-02-01", "2027-01-01", 168, 48, 108, 0, 216},
	} {
		t.Run(tc.on, func(t *testing.T) {
			in.On = civil.MustParse(tc.on)
			r, err := WorkOutHoliday(in)
			if err != nil {
				t.Fatal(err)
			}
			got := []int64{r.EntitlementMinutes, r.CarriedMinutes, r.LapsedMinutes, r.TakenMinutes, r.RemainingMinutes}
			want := []int64{tc.entitlement * 60, tc.carried * 60, tc.lapsed * 60, tc.taken * 60, tc.rem * 60}
			if r.Year.From.String() != tc.from || fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("year from %s; entitlement, carried, lapsed, taken, remaining %v minutes, want from %s and %v", r.Year.From, got, tc.from, want)
			}
		})
	}
	// The explanation says what carried and what lapsed.
	in.On = civil.MustParse("2026-06-30")
	r, _ := WorkOutHoliday(in)
	if ex := strings.Join(r.Explanation(), " "); !strings.Contains(ex, "48 hours is carried over from the last leave year: the contract allows up to 48 hours, so the other 24 hours left then has lapsed.") {
		t.Errorf("explanation: %s", ex)
	}
	// A start part-way into the leave year gives that share of it.
	late := pa
	late.StartDate = civil.MustParse("2025-03-01")
	r, err := WorkOutHoliday(HolidayInput{PA: late, Contracts: []household.Contract{{PAID: 1, EffectiveFrom: late.StartDate, HoursType: household.FixedHours,
		ContractedMinutesWeek: 30 * 60, HolidayMethod: household.HolidayAccrued}}, On: civil.MustParse("2025-06-30"), Shifts: shifts})
	if err != nil {
		t.Fatal(err)
	}
	// 1 March to 31 December is 306 of 365 days: 10,080 x 306 / 365 = 8,450.6 minutes.
	if r.Year.From.String() != "2025-01-01" || !r.PartYear || r.EntitlementMinutes != 8451 {
		t.Errorf("year from %s, part year %v, entitlement %d minutes", r.Year.From, r.PartYear, r.EntitlementMinutes)
	}
}
