package budget

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
)

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

// A hand calculation. Four weeks from Monday 6 April 2026:
//
//	W1 06/04–12/04, W2 13/04–19/04, W3 20/04–26/04, W4 27/04–03/05.
//
// Opening balance £1,000.00. Income: the council's £1,300.00 monthly from
// 1 April (next on 1 May, in W4) and a £50.00 contribution every Friday
// (one a week). Rota: £500, £500, £600, £500. Insurance £240.00 once on
// 20 April (W3). Owed: wages £480.00 due 3 April (overdue: paid in W1) and
// HMRC £212.30 due 22 April (W3). Commitments £300.00.
//
//	W1: in 50.00; out 500.00 + 480.00 = 980.00; balance 1,000.00 + 50.00 − 980.00 = 70.00;
//	    surplus 70.00 − 212.30 (HMRC still owed) − 300.00 = −442.30
//	W2: in 50.00; out 500.00; balance −380.00; surplus −380.00 − 212.30 − 300.00 = −892.30
//	W3: in 50.00; out 600.00 + 240.00 + 212.30 = 1,052.30; balance −1,382.30; surplus −1,682.30
//	W4: in 50.00 + 1,300.00 = 1,350.00; out 500.00; balance −532.30; surplus −832.30
//
// The money runs out in W2 (week of 13/04/2026); the lowest balance is
// −£1,382.30 in W3.
func TestForecastHandCalculation(t *testing.T) {
	in := ForecastInput{
		Start:          d("2026-04-06"),
		Weeks:          4,
		OpeningBalance: m("1000.00"),
		Income: []Schedule{
			{Label: "Council payment", Amount: m("1300.00"), Frequency: household.Monthly, First: d("2026-04-01")},
			{Label: "Contribution", Amount: m("50.00"), Frequency: household.Weekly, First: d("2026-04-10")},
		},
		WeeklySpending: []money.Money{m("500.00"), m("500.00"), m("600.00"), m("500.00")},
		Bills:          []Bill{{Payee: "SAMPLE INSURANCE LTD", Amount: m("240.00"), Date: d("2026-04-20")}},
		Owed: []Owed{
			{ID: 1, Kind: OwedNetPay, Payee: "Zoe Ni Bhriain", Amount: m("480.00"), Due: d("2026-04-03")},
			{ID: 2, Kind: OwedHMRC, Payee: "HMRC", Amount: m("212.30"), Due: d("2026-04-22")},
		},
		Commitments:       m("300.00"),
		SurplusLimit:      m("2400.00"),
		SurplusLimitWeeks: 8,
		Council:           "Wigan Council",
	}
	f, err := MakeForecast(in)
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ start, in, out, bal, surplus string }
	want := []row{
		{"2026-04-06", "50.00", "980.00", "70.00", "-442.30"},
		{"2026-04-13", "50.00", "500.00", "-380.00", "-892.30"},
		{"2026-04-20", "50.00", "1052.30", "-1382.30", "-1682.30"},
		{"2026-04-27", "1350.00", "500.00", "-532.30", "-832.30"},
	}
	var got []row
	for _, w := range f.Weeks {
		got = append(got, row{w.WeekStart.String(), w.Income.String(), w.Spending.String(), w.Balance.String(), w.Surplus.String()})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("weeks\n%v\nwant\n%v", got, want)
	}
	s := f.Summary
	if s.RunsOutWeek != d("2026-04-13") || !s.OverLimitWeek.IsZero() || s.LowestBalance != m("-1382.30") ||
		s.LowestWeek != d("2026-04-20") || s.ClosingBalance != m("-532.30") {
		t.Errorf("summary %+v", s)
	}
	if s.Message != "At this rate the money runs out in the week of 13/04/2026." {
		t.Errorf("message %q", s.Message)
	}
	wantEvents := []string{
		"Planned support (rota) −£600.00",
		"20/04/2026 Bill: SAMPLE INSURANCE LTD −£240.00",
		"22/04/2026 HMRC (HMRC due) −£212.30",
		"24/04/2026 Contribution +£50.00",
	}
	if !reflect.DeepEqual(f.Weeks[2].Events, wantEvents) {
		t.Errorf("events %q", f.Weeks[2].Events)
	}
	if !strings.Contains(f.Weeks[0].Events[1], "overdue since 03/04/2026") {
		t.Errorf("events %q", f.Weeks[0].Events)
	}
	b, _ := json.Marshal(f.Weeks[0])
	if !strings.HasPrefix(string(b), `{"week_start":"2026-04-06","income":"50.00","spending":"980.00","balance":"70.00"`) {
		t.Errorf("JSON %s", b)
	}
}

// £2,000.00 and £1,300.00 a month from 1 April, nothing spent: weeks 1–3
// hold £2,000.00; week 4 (27/04–03/05) takes in 1 May's £1,300.00, so
// £3,300.00, over the £2,400.00 limit.
func TestForecastOverLimit(t *testing.T) {
	in := ForecastInput{
		Start: d("2026-04-06"), Weeks: 6, OpeningBalance: m("2000.00"),
		Income:       []Schedule{{Label: "Council payment", Amount: m("1300.00"), Frequency: household.Monthly, First: d("2026-04-01")}},
		SurplusLimit: m("2400.00"), SurplusLimitWeeks: 8, Council: "Wigan Council",
	}
	f, err := MakeForecast(in)
	if err != nil {
		t.Fatal(err)
	}
	if f.Summary.OverLimitWeek != d("2026-04-27") || !f.Summary.RunsOutWeek.IsZero() ||
		f.Summary.Message != "Your surplus passes Wigan Council's 8-week limit in the week of 27/04/2026." {
		t.Errorf("%+v", f.Summary)
	}
	in.OpeningBalance = m("100.00")
	f, _ = MakeForecast(in)
	if f.Summary.Message != "The money lasts the 6 weeks shown, and the surplus stays within Wigan Council's 8-week limit. The lowest balance is £100.00, in the week of 06/04/2026." {
		t.Errorf("%q", f.Summary.Message)
	}
	// Already over in the first week; SpendingFor costs each week.
	in.OpeningBalance = m("5000.00")
	in.SpendingFor = func(ws civil.Date) money.Money { return m("100.00") }
	f, _ = MakeForecast(in)
	if f.Summary.OverLimitWeek != d("2026-04-06") || f.Summary.Message != "Your surplus is already over Wigan Council's 8-week limit." ||
		f.Weeks[0].Balance != m("4900.00") {
		t.Errorf("%+v", f.Summary)
	}
}

func TestForecastRefusesBadInput(t *testing.T) {
	in := ForecastInput{
		Start: d("2026-04-06"), Weeks: 4,
		WeeklySpending: []money.Money{m("1.00")},
		Income:         []Schedule{{Label: "The council's payment", Amount: m("1.00"), First: d("2026-04-01")}},
		Bills:          []Bill{{Payee: "X", Amount: m("-5.00"), Date: d("2026-04-07")}},
	}
	_, err := MakeForecast(in)
	want := "The rota's cost is given for 1 weeks, but the forecast is 4 weeks: cost every week of it. " +
		"The council's payment needs a frequency: weekly, fortnightly, every 4 weeks or monthly. " +
		"The bill to \"X\" should be between £0.00 and £10,000,000.00 (money going out is entered as a positive amount)."
	if err == nil || err.Error() != want {
		t.Errorf("err = %v", err)
	}
	if _, err := MakeForecast(ForecastInput{Start: d("2026-04-06")}); err == nil {
		t.Error("0 weeks accepted")
	}
}

func TestForecastRepeatingBill(t *testing.T) {
	f, err := MakeForecast(ForecastInput{
		Start: d("2026-04-06"), Weeks: 9, OpeningBalance: m("100.00"),
		Bills: []Bill{{Payee: "PAYROLL SERVICE", Amount: m("10.00"), Date: d("2026-03-15"), Repeat: household.Monthly, Until: d("2026-05-31")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	// 15 April and 15 May fall in the 9 weeks (to 07/06/2026); 15 June is after Until.
	if f.Summary.ClosingBalance != m("80.00") {
		t.Errorf("closing %s", f.Summary.ClosingBalance)
	}
}

func TestWeeksToEndOfCouncilYear(t *testing.T) {
	year := d("2026-04-01")
	cases := []struct {
		start string
		want  int
	}{
		{"2026-04-06", 52}, // 360 days to 1 April 2027
		{"2027-03-29", 1},  // 3 days
		{"2027-03-31", 1},  // the last day
		{"2026-04-01", 53}, // a whole year: 365 days
		{"2027-04-01", 53}, // the next year, from a year start given for 2026
		{"2025-10-01", 26}, // 182 days
	}
	for _, c := range cases {
		t.Run(c.start, func(t *testing.T) {
			if got := WeeksToEndOfCouncilYear(d(c.start), year); got != c.want {
				t.Errorf("from %s: %d, want %d", c.start, got, c.want)
			}
		})
	}
}

func TestYearlyBills(t *testing.T) {
	for _, c := range []struct {
		name  string
		bill  Bill
		dates []string
	}{
		{"once", Bill{Payee: "Agency", Amount: 100, Date: d("2026-05-01")}, []string{"2026-05-01"}},
		{"yearly for ten years", Bill{Payee: "Insurer", Amount: 12490, Date: d("2027-04-06"), Repeat: RepeatYearly},
			[]string{"2027-04-06", "2028-04-06", "2029-04-06", "2030-04-06", "2031-04-06", "2032-04-06", "2033-04-06", "2034-04-06", "2035-04-06", "2036-04-06"}},
		{"yearly until", Bill{Payee: "Insurer", Amount: 12490, Date: d("2027-04-06"), Repeat: RepeatYearly, Until: d("2029-04-05")},
			[]string{"2027-04-06", "2028-04-06"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := YearlyBills([]Bill{c.bill})
			if len(got) != len(c.dates) {
				t.Fatalf("%d bills, want %d", len(got), len(c.dates))
			}
			for i, b := range got {
				if b.Date != d(c.dates[i]) || b.Repeat == RepeatYearly || b.Amount != c.bill.Amount {
					t.Errorf("bill %d = %+v", i, b)
				}
			}
		})
	}
}

// TestForecastOverBy: each week says how far the surplus is over the
// limit and the balance at which it would reach it, so no screen works
// them out again.
