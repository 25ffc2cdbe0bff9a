package payroll

import (
	"errors"
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

// fourWeekly returns n four-weekly periods, the last ending on last, each
// with the given pay and minutes, earliest first.
func fourWeekly(last civil.Date, n int, pay money.Money, minutes int64) []PaidPeriod {
	ps := make([]PaidPeriod, n)
	for i := range ps {
		to := last.AddDays(-28 * (n - 1 - i))
		ps[i] = PaidPeriod{From: to.AddDays(-27), To: to, Pay: pay, Minutes: minutes}
	}
	return ps
}

// calendarMonths returns the months from first to last (1st to last day),
// month m of year y paid 200000 + 101m pence for 6000 + m minutes.
func calendarMonths(y int, m time.Month, n int) []PaidPeriod {
	var ps []PaidPeriod
	for i := 0; i < n; i++ {
		from := civil.Date{Year: y, Month: m, Day: 1}.AddMonths(i)
		to := from.AddMonths(1).AddDays(-1)
		ps = append(ps, PaidPeriod{From: from, To: to, Pay: money.Money(200000 + 101*int64(from.Month)), Minutes: 6000 + int64(from.Month)})
	}
	return ps
}

func TestAverageWeekBefore(t *testing.T) {
	d := civil.MustParse
	last := d("2026-11-29")
	older := PaidPeriod{From: last.AddDays(-28*13 - 27), To: last.AddDays(-28 * 13), Pay: 99999, Minutes: 9999}
	withGap := []PaidPeriod{
		{From: d("2026-08-10"), To: d("2026-09-06"), Pay: 28000, Minutes: 1200},
		{From: d("2026-09-07"), To: d("2026-10-04"), Pay: 0, Minutes: 0}, // unpaid leave
		// 5 to 11 October not in any period
		{From: d("2026-10-12"), To: d("2026-11-08"), Pay: 56000, Minutes: 2400},
	}
	tests := []struct {
		name             string
		leave            string
		periods          []PaidPeriod
		want             AverageWeek
		earliest, latest string
	}{
		{
			// 13 x 4 weeks = 52 weeks of £140 and 600.25 minutes; the
			// 14th period back is beyond the 52 weeks.
			name: "13 four-weekly periods", leave: "2026-11-30",
			periods:  append(fourWeekly(last, 13, 56000, 2401), older),
			want:     AverageWeek{Pay: 14000, Minutes: 600, Weeks: 52, HourlyRate: 1400},
			earliest: "2025-12-07", latest: "2026-11-29",
		},
		{
			// December 2025 to November 2026: 59 weeks (each month 4
			// weeks and a short first week, February exactly 4), the last
			// 52 used: 11 to 17 January to 24 to 30 November, 324 days. A
			// short week counts as the part of a week it is, so a week's
			// pay is pay per day x 7. By hand: 21/31 of January's £2,001.01
			// (£1,355.52) and February to November (£20,065.65) is
			// £21,421.17 over 324 days, x 7 = £462.80; the minutes, 4,065
			// and 60,065, give 1,386 a week (1,385.5 rounded up), so
			// £20.03 an hour. (Counting each short week as a whole one
			// gave £411.95: an underpayment of one week's pay in nine.)
			name: "12 monthly periods", leave: "2026-12-01",
			periods:  calendarMonths(2025, time.December, 12),
			want:     AverageWeek{Pay: 46280, Minutes: 1386, Weeks: 52, HourlyRate: 2003},
			earliest: "2026-01-17", latest: "2026-11-30",
		},
		{
			name: "weeks without pay are skipped", leave: "2026-11-09",
			periods:  withGap,
			want:     AverageWeek{Pay: 10500, Minutes: 450, Weeks: 8, HourlyRate: 1400},
			earliest: "2026-08-16", latest: "2026-11-08",
		},
		{
			name: "weeks ending on or after the leave starts are not used", leave: "2026-11-02",
			periods:  withGap,
			want:     AverageWeek{Pay: 10000, Minutes: 429, Weeks: 7, HourlyRate: 1399},
			earliest: "2026-08-16", latest: "2026-11-01",
		},
		{
			name: "pay with no minutes gives no hourly rate", leave: "2026-11-30",
			periods:  fourWeekly(last, 1, 28000, 0),
			want:     AverageWeek{Pay: 7000, Weeks: 4},
			earliest: "2026-11-08", latest: "2026-11-29",
		},
		{
			name: "more than 104 weeks back is not looked at", leave: "2028-12-01",
			periods: fourWeekly(last, 2, 28000, 600),
		},
		{name: "no history", leave: "2026-11-30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AverageWeekBefore(d(tt.leave), tt.periods)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			want.Earliest, _ = civil.ParseOptional(tt.earliest)
			want.Latest, _ = civil.ParseOptional(tt.latest)
			if got != want {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestAverageWeekBeforeRefuses(t *testing.T) {
	d := civil.MustParse
	tests := []struct {
		name    string
		leave   civil.Date
		periods []PaidPeriod
		want    string
	}{
		{"overlapping periods", d("2026-12-01"), []PaidPeriod{
			{From: d("2026-10-01"), To: d("2026-10-31"), Pay: 1000},
			{From: d("2026-10-31"), To: d("2026-11-30"), Pay: 1000},
		}, "overlap"},
		{"the same period twice", d("2026-12-01"), []PaidPeriod{
			{From: d("2026-11-01"), To: d("2026-11-30"), Pay: 1000},
			{From: d("2026-11-01"), To: d("2026-11-30"), Pay: 1000},
		}, "overlap"},
		{"one inside another", d("2026-12-01"), []PaidPeriod{
			{From: d("2026-11-10"), To: d("2026-11-12"), Pay: 1000},
			{From: d("2026-11-01"), To: d("2026-11-30"), Pay: 1000},
		}, "overlap"},
		{"no leave date", civil.Date{}, nil, "first day of the leave"},
		{"backwards period", d("2026-12-01"), []PaidPeriod{{From: d("2026-11-30"), To: d("2026-11-01"), Pay: 1}}, "ends before it starts"},
		{"no dates", d("2026-12-01"), []PaidPeriod{{Pay: 1}}, "no first or last day"},
		{"negative pay", d("2026-12-01"), []PaidPeriod{{From: d("2026-11-01"), To: d("2026-11-30"), Pay: -1}}, "cannot be negative"},
		{"negative minutes", d("2026-12-01"), []PaidPeriod{{From: d("2026-11-01"), To: d("2026-11-30"), Minutes: -1}}, "minutes worked"},
		{"too long", d("2026-12-01"), []PaidPeriod{{From: d("2024-11-01"), To: d("2026-11-30")}}, "longer than 53 weeks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := AverageWeekBefore(tt.leave, tt.periods)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

// Each period's weeks add up exactly to its pay and minutes, whatever its
// length, and count back in 7-day steps from its last day.
func TestSplitWeeks(t *testing.T) {
	from := civil.MustParse("2026-04-06")
	for days := 1; days <= 40; days++ {
		p := PaidPeriod{From: from, To: from.AddDays(days - 1), Pay: 123457, Minutes: 4321}
		t.Run(p.To.String(), func(t *testing.T) {
			ws := splitWeeks(p)
			if want := (days + 6) / 7; len(ws) != want {
				t.Fatalf("%d weeks, want %d", len(ws), want)
			}
			var pay money.Money
			var mins int64
			for i, w := range ws {
				pay += w.pay
				mins += w.minutes
				if back := len(ws) - 1 - i; w.end != p.To.AddDays(-7*back) {
					t.Errorf("week %d ends %s", i, w.end)
				}
			}
			if ws[0].end.Before(p.From) || pay != p.Pay || mins != p.Minutes {
				t.Errorf("weeks add to %s and %d minutes, from %s", pay, mins, ws[0].end)
			}
		})
	}
}
