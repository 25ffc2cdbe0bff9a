package budget

import (
	"reflect"
	"testing"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
)

func dates(ss ...string) []civil.Date {
	var out []civil.Date
	for _, s := range ss {
		out = append(out, d(s))
	}
	return out
}

func TestScheduleDates(t *testing.T) {
	cases := []struct {
		name     string
		s        Schedule
		from, to string
		want     []civil.Date
	}{
		{"weekly from a Friday", Schedule{Frequency: household.Weekly, First: d("2026-04-03")}, "2026-04-01", "2026-04-30",
			dates("2026-04-03", "2026-04-10", "2026-04-17", "2026-04-24")},
		{"weekly, range starts mid-pattern", Schedule{Frequency: household.Weekly, First: d("2025-01-03")}, "2026-04-04", "2026-04-17",
			dates("2026-04-10", "2026-04-17")},
		{"fortnightly", Schedule{Frequency: household.Fortnightly, First: d("2026-04-03")}, "2026-04-03", "2026-05-15",
			dates("2026-04-03", "2026-04-17", "2026-05-01", "2026-05-15")},
		{"four-weekly", Schedule{Frequency: household.FourWeekly, First: d("2026-01-05")}, "2026-03-01", "2026-06-30",
			dates("2026-03-02", "2026-03-30", "2026-04-27", "2026-05-25", "2026-06-22")},
		{"monthly from the 31st", Schedule{Frequency: household.Monthly, First: d("2026-01-31")}, "2026-01-01", "2026-06-30",
			dates("2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30")},
		{"monthly 29 Feb in a leap year", Schedule{Frequency: household.Monthly, First: d("2027-12-29")}, "2028-01-01", "2028-03-31",
			dates("2028-01-29", "2028-02-29", "2028-03-29")},
		{"monthly across a year end", Schedule{Frequency: household.Monthly, First: d("2025-11-30")}, "2025-12-15", "2026-03-01",
			dates("2025-12-30", "2026-01-30", "2026-02-28")},
		{"until", Schedule{Frequency: household.Weekly, First: d("2026-04-03"), Until: d("2026-04-16")}, "2026-01-01", "2026-12-31",
			dates("2026-04-03", "2026-04-10")},
		{"range before first", Schedule{Frequency: household.Weekly, First: d("2026-04-03")}, "2026-03-01", "2026-03-31", nil},
		{"unknown frequency", Schedule{Frequency: "yearly", First: d("2026-04-03")}, "2026-01-01", "2026-12-31", nil},
		{"no first date", Schedule{Frequency: household.Weekly}, "2026-01-01", "2026-12-31", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.s.Dates(d(c.from), d(c.to))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
			}
		})
	}
	s := Schedule{Amount: m("1300.00"), Frequency: household.Monthly, First: d("2026-04-01")}
	if got := money.Money(len(s.Dates(d("2026-04-01"), d("2027-03-31")))) * s.Amount; got != m("15600.00") {
		t.Errorf("a year of monthly payments = %s", got)
	}
}

func TestCheckSchedule(t *testing.T) {
	ok := Schedule{Amount: m("1.00"), Frequency: household.Weekly, First: d("2026-04-03")}
	if msg := CheckSchedule("The council's payment", ok); msg != "" {
		t.Error(msg)
	}
	bad := ok
	bad.Frequency = ""
	if msg := CheckSchedule("The council's payment", bad); msg != "The council's payment needs a frequency: weekly, fortnightly, every 4 weeks or monthly." {
		t.Error(msg)
	}
	bad = ok
	bad.Until = d("2026-04-01")
	if msg := CheckSchedule("The contribution", bad); msg != "The contribution ends (01/04/2026) before its first payment (03/04/2026)." {
		t.Error(msg)
	}
}

func TestWeeklyEquivalent(t *testing.T) {
	cases := []struct {
		amount string
		freq   household.Frequency
		want   string
	}{
		{"300.00", household.Weekly, "300.00"},
		{"600.01", household.Fortnightly, "300.01"}, // 300.005 rounds up
		{"-600.01", household.Fortnightly, "-300.01"},
		{"1200.00", household.FourWeekly, "300.00"},
		{"1000.02", household.FourWeekly, "250.01"}, // 250.005 rounds up
		{"1300.00", household.Monthly, "300.00"},
		{"1000.00", household.Monthly, "230.77"}, // 230.769...
		{"100.00", "yearly", "0.00"},
	}
	for _, c := range cases {
		t.Run(c.amount, func(t *testing.T) {
			if got := WeeksOf(1, m(c.amount), c.freq); got != m(c.want) {
				t.Errorf("WeeksOf(1, %s, %s) = %s, want %s", c.amount, c.freq, got, c.want)
			}
		})
	}
	// 8 weeks of £1,000.00 a month, rounded once: 1000 × 12 × 8 ÷ 52 = 1846.153... → £1,846.15,
	// where 8 × the rounded weekly £230.77 would be £1,846.16.
	if got := WeeksOf(8, m("1000.00"), household.Monthly); got != m("1846.15") {
		t.Errorf("WeeksOf = %s", got)
	}
	if got := WeeksOf(8, m("1300.00"), household.Monthly); got != m("2400.00") {
		t.Errorf("WeeksOf = %s", got)
	}
	if got := WeeksOf(0, m("1300.00"), household.Monthly); got != money.Money(0) {
		t.Errorf("WeeksOf 0 = %s", got)
	}
}
