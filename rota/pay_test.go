package rota

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

func TestBankHolidays(t *testing.T) {
	want := map[string]string{
		"2024-01-01": "New Year's Day", "2024-03-29": "Good Friday", "2024-04-01": "Easter Monday",
		"2024-05-06": "Early May bank holiday", "2024-05-27": "Spring bank holiday", "2024-08-26": "Summer bank holiday",
		"2024-12-25": "Christmas Day", "2024-12-26": "Boxing Day",
		"2025-01-01": "New Year's Day", "2025-04-18": "Good Friday", "2025-04-21": "Easter Monday",
		"2025-05-05": "Early May bank holiday", "2025-05-26": "Spring bank holiday", "2025-08-25": "Summer bank holiday",
		"2025-12-25": "Christmas Day", "2025-12-26": "Boxing Day",
		"2026-01-01": "New Year's Day", "2026-04-03": "Good Friday", "2026-04-06": "Easter Monday",
		"2026-05-04": "Early May bank holiday", "2026-05-25": "Spring bank holiday", "2026-08-31": "Summer bank holiday",
		"2026-12-25": "Christmas Day", "2026-12-28": "Boxing Day (substitute day)",
		"2027-01-01": "New Year's Day", "2027-03-26": "Good Friday", "2027-03-29": "Easter Monday",
		"2027-05-03": "Early May bank holiday", "2027-05-31": "Spring bank holiday", "2027-08-30": "Summer bank holiday",
		"2027-12-27": "Christmas Day (substitute day)", "2027-12-28": "Boxing Day (substitute day)",
	}
	for ds, name := range want {
		d := civil.MustParse(ds)
		if !IsBankHoliday(d) || BankHolidayName(d) != name {
			t.Errorf("%s: IsBankHoliday %v, name %q; want %q", ds, IsBankHoliday(d), BankHolidayName(d), name)
		}
		if w := d.Weekday(); w == time.Saturday || w == time.Sunday {
			t.Errorf("%s is a %s", ds, w)
		}
	}
	for _, ds := range []string{"2026-12-26", "2027-12-25", "2027-12-26", "2026-03-29", "2026-04-05", "2023-12-25", "2028-01-03", "2026-08-24"} {
		t.Run(ds, func(t *testing.T) {
			if d := civil.MustParse(ds); IsBankHoliday(d) || BankHolidayName(d) != "" {
				t.Errorf("%s should not be a bank holiday", ds)
			}
		})
	}
	all := BankHolidays(civil.MustParse("2024-01-01"), civil.MustParse("2027-12-31"))
	if len(all) != len(want) {
		t.Errorf("BankHolidays over 2024-2027 gave %d, want %d", len(all), len(want))
	}
	for i := 1; i < len(all); i++ {
		if !all[i-1].Date.Before(all[i].Date) {
			t.Errorf("not in date order at %s", all[i].Date)
		}
	}
	y26 := BankHolidays(civil.MustParse("2026-01-01"), civil.MustParse("2026-12-31"))
	if len(y26) != 8 || y26[0].Name != "New Year's Day" || y26[7].Date != civil.MustParse("2026-12-28") {
		t.Errorf("2026: %v", y26)
	}
	if got := BankHolidays(civil.MustParse("2026-04-03"), civil.MustParse("2026-04-06")); len(got) != 2 {
		t.Errorf("Easter 2026 inclusive range: %v", got)
	}
	for _, tc := range []struct {
		d    string
		want bool
	}{{"2023-12-31", false}, {"2024-01-01", true}, {"2027-12-31", true}, {"2028-01-01", false}} {
		t.Run(tc.d, func(t *testing.T) {
			if got := BankHolidaysKnown(civil.MustParse(tc.d)); got != tc.want {
				t.Errorf("BankHolidaysKnown(%s) = %v", tc.d, got)
			}
		})
	}
	if f, l := BankHolidayYears(); f != 2024 || l != 2027 {
		t.Errorf("BankHolidayYears = %d, %d", f, l)
	}
}

var testRates = Rates{Day: 1300, WakingNight: 1400, Weekend: 1500, BankHoliday: 2000, SleepIn: 8000}

func fixedRates(r Rates) func(civil.Date) (Rates, bool) {
	return func(civil.Date) (Rates, bool) { return r, true }
}

func TestAmountFor(t *testing.T) {
	tests := []struct {
		minutes int
		rate    money.Money
		want    money.Money
	}{
		{60, 1300, 1300},
		{1, 1230, 21},  // 20.5p rounds up
		{1, 1229, 20},  // 20.48p rounds down
		{7, 1303, 152}, // 152.0166p
		{90, 1271, 1907},
		{0, 1300, 0},
		{-1, 1230, -21},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.minutes), func(t *testing.T) {
			if got := AmountFor(tc.minutes, tc.rate); got != tc.want {
				t.Errorf("AmountFor(%d, %d) = %d, want %d", tc.minutes, tc.rate, got, tc.want)
			}
		})
	}
}

func TestCostShift(t *testing.T) {
	type line struct {
		date    string
		class   PayClass
		minutes int
		amount  money.Money
	}
	tests := []struct {
		name       string
		start, end string
		typ        ShiftType
		brk, woken int
		rates      Rates
		lines      []line
		total      money.Money
	}{
		{"weekday day shift", "2026-04-07 08:00", "2026-04-07 12:00", Day, 0, 0, testRates,
			[]line{{"2026-04-07", ClassDay, 240, 5200}}, 5200},
		{"Christmas Eve night into Christmas Day", "2026-12-24 20:00", "2026-12-25 08:00", Day, 0, 0, testRates,
			[]line{{"2026-12-24", ClassDay, 240, 5200}, {"2026-12-25", ClassBankHoliday, 480, 16000}}, 21200},
		{"Friday evening into Saturday", "2026-04-10 20:00", "2026-04-11 04:00", Day, 0, 0, testRates,
			[]line{{"2026-04-10", ClassDay, 240, 5200}, {"2026-04-11", ClassWeekend, 240, 6000}}, 11200},
		{"weekday waking night", "2026-04-07 22:00", "2026-04-08 07:00", WakingNight, 0, 0, testRates,
			[]line{{"2026-04-07", ClassWakingNight, 120, 2800}, {"2026-04-08", ClassWakingNight, 420, 9800}}, 12600},
		{"break comes off the longest part", "2026-04-07 18:00", "2026-04-08 02:00", Day, 30, 0, testRates,
			[]line{{"2026-04-07", ClassDay, 330, 7150}, {"2026-04-08", ClassDay, 120, 2600}}, 9750},
		{"waking night as clocks go back is 11 hours at the weekend rate", "2026-10-24 22:00", "2026-10-25 08:00", WakingNight, 0, 0, testRates,
			[]line{{"2026-10-24", ClassWeekend, 120, 3000}, {"2026-10-25", ClassWeekend, 540, 13500}}, 16500},
		{"waking night as clocks go forward is 9 hours", "2026-03-28 22:00", "2026-03-29 08:00", WakingNight, 0, 0, testRates,
			[]line{{"2026-03-28", ClassWeekend, 120, 3000}, {"2026-03-29", ClassWeekend, 420, 10500}}, 13500},
		{"Easter Monday day shift", "2026-04-06 08:00", "2026-04-06 12:00", Day, 0, 0, testRates,
			[]line{{"2026-04-06", ClassBankHoliday, 240, 8000}}, 8000},
		{"sleep-in not woken: allowance only", "2026-04-07 22:00", "2026-04-08 08:00", SleepIn, 0, 0, testRates,
			[]line{{"2026-04-07", ClassSleepIn, 0, 8000}}, 8000},
		{"sleep-in woken 45 minutes", "2026-04-07 22:00", "2026-04-08 08:00", SleepIn, 0, 45, testRates,
			[]line{{"2026-04-07", ClassSleepIn, 0, 8000}, {"2026-04-07", ClassWakingNight, 45, 1050}}, 9050},
		{"sleep-in on a Saturday: woken at the weekend rate", "2026-04-11 22:00", "2026-04-12 08:00", SleepIn, 0, 60, testRates,
			[]line{{"2026-04-11", ClassSleepIn, 0, 8000}, {"2026-04-11", ClassWeekend, 60, 1500}}, 9500},
		{"zero weekend and bank holiday rates fall back to the day rate", "2026-12-24 20:00", "2026-12-25 08:00", Day, 0, 0,
			Rates{Day: 1300},
			[]line{{"2026-12-24", ClassDay, 240, 5200}, {"2026-12-25", ClassBankHoliday, 480, 10400}}, 15600},
		{"odd minutes round half up", "2026-04-07 08:00", "2026-04-07 08:01", Day, 0, 0, Rates{Day: 1230},
			[]line{{"2026-04-07", ClassDay, 1, 21}}, 21},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := NewShift(1, lt(t, tc.start), lt(t, tc.end), tc.typ, tc.brk, tc.woken)
			if err != nil {
				t.Fatal(err)
			}
			got, err := CostShift(s, fixedRates(tc.rates))
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Lines) != len(tc.lines) {
				t.Fatalf("lines = %+v, want %+v", got.Lines, tc.lines)
			}
			for i, w := range tc.lines {
				g := got.Lines[i]
				if g.Date.String() != w.date || g.Class != w.class || g.Minutes != w.minutes || g.Amount != w.amount {
					t.Errorf("line %d = %s %s %d min %s; want %s %s %d min %s", i, g.Date, g.Class, g.Minutes, g.Amount,
						w.date, w.class, w.minutes, money.Money(w.amount))
				}
			}
			if got.Total != tc.total {
				t.Errorf("total = %s, want %s", got.Total, tc.total)
			}
			if got.PaidMinutes != s.PaidMinutes() {
				t.Errorf("PaidMinutes = %d, shift says %d", got.PaidMinutes, s.PaidMinutes())
			}
		})
	}
}

func TestCostShiftRateChangeOn1April(t *testing.T) {
	rise := civil.MustParse("2026-04-01")
	rates := func(d civil.Date) (Rates, bool) {
		if d.Before(rise) {
			return Rates{Day: 1250}, true
		}
		return Rates{Day: 1300}, true
	}
	tests := []struct {
		start, end string
		total      money.Money
	}{
		// Starts on 31 March: wholly at the old rate, even after midnight.
		{"2026-03-31 22:00", "2026-04-01 06:00", 8 * 1250},
		{"2026-04-01 08:00", "2026-04-01 16:00", 8 * 1300},
		{"2026-03-31 08:00", "2026-03-31 16:00", 8 * 1250},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.start), func(t *testing.T) {
			s, _ := NewShift(1, lt(t, tc.start), lt(t, tc.end), Day, 0, 0)
			got, err := CostShift(s, rates)
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != tc.total {
				t.Errorf("%s: total %s, want %s", tc.start, got.Total, tc.total)
			}
		})
	}
}

func TestCostShiftErrors(t *testing.T) {
	day, _ := NewShift(1, lt(t, "2026-04-07 08:00"), lt(t, "2026-04-07 12:00"), Day, 0, 0)
	sleep, _ := NewShift(1, lt(t, "2026-04-07 22:00"), lt(t, "2026-04-08 08:00"), SleepIn, 0, 0)
	none := func(civil.Date) (Rates, bool) { return Rates{}, false }
	tests := []struct {
		name  string
		s     Shift
		rates func(civil.Date) (Rates, bool)
		want  string
	}{
		{"no contract", day, none, "No contract is in force on 07/04/2026"},
		{"no rates function", day, nil, "No contract rates"},
		{"no day rate", day, fixedRates(Rates{SleepIn: 8000}), "no hourly rate"},
		{"no sleep-in allowance", sleep, fixedRates(Rates{Day: 1300}), "no sleep-in allowance"},
		{"negative rate", day, fixedRates(Rates{Day: -1}), "negative"},
		{"huge rate", day, fixedRates(Rates{Day: 100_000_000}), "typing mistake"},
		{"invalid shift", Shift{PAID: 1, Type: Day, Status: Planned}, fixedRates(testRates), "needs a start and an end"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := CostShift(tc.s, tc.rates); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
			}
		})
	}
}

func TestRatesHourlyFor(t *testing.T) {
	tests := []struct {
		d    string
		t    ShiftType
		want money.Money
	}{
		{"2026-04-07", Day, 1300}, {"2026-04-07", WakingNight, 1400}, {"2026-04-07", SleepIn, 1400},
		{"2026-04-11", Day, 1500}, {"2026-04-12", WakingNight, 1500}, {"2026-12-25", Day, 2000},
	}
	for _, tc := range tests {
		t.Run(tc.d, func(t *testing.T) {
			if got := testRates.HourlyFor(civil.MustParse(tc.d), tc.t); got != tc.want {
				t.Errorf("HourlyFor(%s, %s) = %s, want %s", tc.d, tc.t, got, tc.want)
			}
		})
	}
	if got := (Rates{Day: 1300}).HourlyFor(civil.MustParse("2026-04-07"), WakingNight); got != 1300 {
		t.Errorf("zero waking-night rate should fall back to day: %s", got)
	}
}
