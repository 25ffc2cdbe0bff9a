package payroll

import (
	"fmt"
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

func TestHolidayAccrual(t *testing.T) {
	for _, c := range []struct{ worked, want int64 }{
		{0, 0},
		{-5, 0},
		{60, 7},           // 7.242 -> 7
		{100 * 60, 724},   // 100 hours: 724.2 minutes -> 12h04m
		{1000 * 60, 7242}, // 7242 exactly
		{29, 4},           // 3.5003 -> 4
		{4, 0},            // 0.4828 -> 0
		{5, 1},            // 0.6035 -> 1
	} {
		t.Run(fmt.Sprint(c.worked), func(t *testing.T) {
			if got := AccruedHolidayMinutes(c.worked); got != c.want {
				t.Errorf("AccruedHolidayMinutes(%d) = %d, want %d", c.worked, got, c.want)
			}
		})
	}
	for _, c := range []struct{ pay, want money.Money }{
		{100000, 12070}, // 12.07% of 1000.00
		{50, 6},         // 6.035 -> 6
		{1000, 121},     // 120.7 -> 121
		{200, 24},       // 24.14 -> 24
		{2000, 241},     // 241.4 -> 241
		{0, 0},
	} {
		t.Run(fmt.Sprint(c.pay), func(t *testing.T) {
			if got := RolledUpHolidayPay(c.pay); got != c.want {
				t.Errorf("RolledUpHolidayPay(%s) = %s, want %s", c.pay, got, c.want)
			}
		})
	}
}

func TestWeeksPay(t *testing.T) {
	leave := civil.MustParse("2026-07-06") // a Monday
	// 60 weeks ending each Sunday before the leave, paid 100, 200, 300, ...
	// in turn (most recent first), with every fifth week unpaid.
	var hist []WeekPay
	for i := 0; i < 120; i++ {
		pay := money.Money((i%3 + 1) * 10000)
		if i%5 == 4 {
			pay = 0
		}
		hist = append(hist, WeekPay{WeekEnding: leave.AddDays(-1 - 7*i), Pay: pay})
	}
	got, err := WeeksPay(leave, hist)
	if err != nil {
		t.Fatal(err)
	}
	// The 52 most recent paid weeks are weeks 0..64 except 4, 9, ..., 64
	// (13 unpaid), so weeks 0..64 less 13 = 52 weeks.
	var total money.Money
	n := 0
	for i := 0; i < 65; i++ {
		if i%5 == 4 {
			continue
		}
		total += money.Money((i%3 + 1) * 10000)
		n++
	}
	if n != 52 || got.Weeks != 52 || got.Total != total || got.Average != money.Money(divRoundHalfUp(int64(total), 52)) {
		t.Errorf("WeeksPay = %+v; want %d weeks, total %s", got, n, total)
	}
	if got.Latest != leave.AddDays(-1) || got.Earliest != leave.AddDays(-1-7*63) { // week 64 is unpaid
		t.Errorf("range %s to %s", got.Earliest, got.Latest)
	}

	// Only weeks in the last 104 count; fewer than 52 are averaged as they are.
	sparse := []WeekPay{
		{WeekEnding: leave.AddDays(-1), Pay: 30000},
		{WeekEnding: leave.AddDays(-8), Pay: 0},
		{WeekEnding: leave.AddDays(-15), Pay: 10001},
		{WeekEnding: leave.AddDays(-7 * 104), Pay: 99999}, // 104 weeks back: too old
		{WeekEnding: leave, Pay: 50000},                   // not before the leave
	}
	got, _ = WeeksPay(leave, sparse)
	if got.Weeks != 2 || got.Average != 20001 { // (300.00 + 100.01) / 2 = 200.005 -> 200.01
		t.Errorf("sparse = %+v", got)
	}
	if got, _ := WeeksPay(leave, nil); got.Weeks != 0 || got.Average != 0 {
		t.Errorf("empty = %+v", got)
	}
	if _, err := WeeksPay(leave, []WeekPay{{WeekEnding: leave.AddDays(-1), Pay: -1}}); err == nil {
		t.Error("negative pay should fail")
	}
	if _, err := WeeksPay(leave, []WeekPay{{WeekEnding: leave.AddDays(-1), Pay: 1}, {WeekEnding: leave.AddDays(-1), Pay: 2}}); err == nil {
		t.Error("a duplicated week should fail")
	}
}

func TestMinimumWage(t *testing.T) {
	cases := []struct {
		name     string
		date     string
		dob      string
		appr     bool
		pay      money.Money
		minutes  int64
		rate     money.Money
		below    bool
		hourly   money.Money
		warning  string
		shortage money.Money
	}{
		// 23 on 30/11/2026: NLW 12.71. 40 hours for 476.00 = 11.90 an hour.
		{"below NLW", "2026-11-30", "2003-05-01", false, 47600, 40 * 60, 1271, true, 1190,
			"Pay for this period works out at £11.90 an hour, below the National Living Wage of £12.71 for someone aged 23 on 30/11/2026.", 3240}, // 508.40 - 476.00
		{"at NLW", "2026-11-30", "2003-05-01", false, 50840, 40 * 60, 1271, false, 1271, "", 0},
		// 1p short over 40 hours.
		{"1p short", "2026-11-30", "2003-05-01", false, 50839, 40 * 60, 1271, true, 1270, "", 1},
		// Rate changes on 1 April: 31 March 2026 is still 12.21.
		{"31 March", "2026-03-31", "1990-01-01", false, 12210, 600, 1221, false, 1221, "", 0},
		{"1 April", "2026-04-01", "1990-01-01", false, 12210, 600, 1271, true, 1221, "", 500},
		// 21 from April 2024 gets the NLW (11.44 in 2024).
		{"21 in 2024", "2024-06-01", "2003-01-01", false, 11440, 600, 1144, false, 1144, "", 0},
		{"19", "2026-06-01", "2007-01-01", false, 10000, 600, 1085, true, 1000,
			"Pay for this period works out at £10.00 an hour, below the National Minimum Wage of £10.85 for someone aged 19 on 01/06/2026.", 850},
		{"17", "2025-06-01", "2008-01-01", false, 7550, 600, 755, false, 755, "", 0},
		{"apprentice", "2026-06-01", "2000-01-01", true, 8000, 600, 800, false, 800, "", 0},
		{"15", "2026-06-01", "2011-01-01", false, 100, 600, 0, false, 0, "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := CheckMinimumWage(MinimumWageCheck{Date: civil.MustParse(c.date), DateOfBirth: civil.MustParse(c.dob), Apprentice: c.appr, Pay: c.pay, Minutes: c.minutes})
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if got.Rate != c.rate || got.Below != c.below || got.HourlyPay != c.hourly || got.Shortfall != c.shortage {
				t.Errorf("%s: rate %s below %v hourly %s short %s; want %s %v %s %s", c.name, got.Rate, got.Below, got.HourlyPay, got.Shortfall, c.rate, c.below, c.hourly, c.shortage)
			}
			if c.warning != "" && got.Warning != c.warning {
				t.Errorf("%s: warning %q\nwant %q", c.name, got.Warning, c.warning)
			}
			if !c.below && got.Warning != "" {
				t.Errorf("%s: unexpected warning %q", c.name, got.Warning)
			}
		})
	}
	for _, c := range []MinimumWageCheck{
		{Date: civil.MustParse("2024-03-31"), DateOfBirth: civil.MustParse("1990-01-01"), Pay: 1, Minutes: 60},
		{Date: civil.MustParse("2027-04-01"), DateOfBirth: civil.MustParse("1990-01-01"), Pay: 1, Minutes: 60},
		{Date: civil.MustParse("2026-04-01"), Pay: 1, Minutes: 60},
		{Date: civil.MustParse("2026-04-01"), DateOfBirth: civil.MustParse("1990-01-01"), Pay: -1, Minutes: 60},
	} {
		t.Run(fmt.Sprint(c), func(t *testing.T) {
			if _, err := CheckMinimumWage(c); err == nil {
				t.Errorf("CheckMinimumWage(%+v) should fail", c)
			}
		})
	}
}

func TestEmploymentAllowance(t *testing.T) {
	offsets, left, err := OffsetEmploymentAllowance(2026, []money.Money{400000, 400000, 400000, 400000, -50000, 100})
	if err != nil {
		t.Fatal(err)
	}
	// 10,500: 4,000 + 4,000 + 2,500 (used up) + 0; a 500 correction brings
	// the year's NI to 11,500, still above the allowance: nothing back.
	want := []money.Money{400000, 400000, 250000, 0, 0, 0}
	for i := range want {
		if offsets[i] != want[i] {
			t.Errorf("period %d offset %s, want %s", i+1, offsets[i], want[i])
		}
	}
	if left != 0 {
		t.Errorf("remaining %s", left)
	}
	a, _ := NewEmploymentAllowance(2024)
	if a.Allowance != 500000 || a.Offset(300000) != 300000 || a.Offset(300000) != 200000 || a.Remaining() != 0 {
		t.Errorf("2024-25: %+v", a)
	}
	// A correction that takes the year's NI below the allowance gives some
	// back: NI to date 6,000 - 2,000 = 4,000, offset to date 4,000.
	if off := a.Offset(-200000); off != -100000 || a.Remaining() != 100000 {
		t.Errorf("correction offset %s, remaining %s", off, a.Remaining())
	}
	b, _ := NewEmploymentAllowance(2025)
	if b.Allowance != 1050000 {
		t.Errorf("2025-26 allowance %s", b.Allowance)
	}
	if _, err := NewEmploymentAllowance(2030); err == nil {
		t.Error("2030-31 should fail")
	}
}
