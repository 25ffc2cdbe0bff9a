package budget

import (
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

func TestDayBalances(t *testing.T) {
	d := civil.MustParse
	s := Statement{HasBalances: true, OpeningBalance: 100000, Lines: []StatementLine{
		{Date: d("2026-05-01"), Amount: -1000}, {Date: d("2026-05-01"), Amount: 240000}, {Date: d("2026-05-03"), Amount: -5000},
	}}
	got := s.DayBalances()
	want := []DayBalance{{d("2026-04-30"), 100000}, {d("2026-05-01"), 339000}, {d("2026-05-03"), 334000}}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("day %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	// Newest first in the file: the same days.
	s.Layout.NewestFirst = true
	s.Lines = []StatementLine{s.Lines[2], s.Lines[1], s.Lines[0]}
	if got := s.DayBalances(); got[2] != want[2] || got[1] != want[1] {
		t.Errorf("newest first: %+v", got)
	}
	if (Statement{Lines: s.Lines}).DayBalances() != nil {
		t.Error("a file without balances gave some")
	}
}

func TestCheckAgainstBank(t *testing.T) {
	d := civil.MustParse
	days := []DayBalance{{d("2026-04-30"), 100000}, {d("2026-05-01"), 339000}, {d("2026-05-03"), 334000}, {d("2026-05-09"), 330000}}
	ledger := func(off map[string]money.Money) func(civil.Date) (money.Money, bool) {
		return func(day civil.Date) (money.Money, bool) {
			for _, x := range days {
				if x.Date == day {
					return x.Balance + off[day.String()], true
				}
			}
			return 0, false
		}
	}
	if c := CheckAgainstBank(days, ledger(nil), nil); !c.Agrees() || c.Fix != FixNone {
		t.Errorf("agreeing: %+v", c)
	}
	// The same £1,000.00 less on every day: the opening balance is out.
	all := map[string]money.Money{"2026-04-30": -100000, "2026-05-01": -100000, "2026-05-03": -100000, "2026-05-09": -100000}
	if c := CheckAgainstBank(days, ledger(all), nil); c.Fix != FixOpeningBalance || c.Change != 100000 || len(c.Differences) != 4 {
		t.Errorf("opening balance: %+v", c)
	}
	// Agreeing to 3 May, then £45.00 more in the ledger: a line of money
	// out between 3 and 9 May is missing from the ledger.
	missing := map[string]money.Money{"2026-05-09": 4500}
	if c := CheckAgainstBank(days, ledger(missing), nil); c.Fix != FixMissingLine || c.Change != -4500 || c.From != d("2026-05-03") || c.To != d("2026-05-09") {
		t.Errorf("missing line: %+v", c)
	}
	// A hand-entered £45.00 out that the bank does not have explains 9
	// May's £45.00 less.
	less := map[string]money.Money{"2026-05-09": -4500}
	hand := []Transaction{{ID: 7, Date: d("2026-05-05"), Payee: "Chemist", Amount: -4500}}
	if c := CheckAgainstBank(days, ledger(less), hand); c.Fix != FixHandLines || len(c.Lines) != 1 {
		t.Errorf("hand line: %+v", c)
	}
	// Differences that change twice: not explained.
	twice := map[string]money.Money{"2026-05-01": 100, "2026-05-09": 300}
	if c := CheckAgainstBank(days, ledger(twice), nil); c.Fix != FixUnknown || c.Agrees() {
		t.Errorf("twice: %+v", c)
	}
	// Days before the ledger's opening date are not compared.
	none := func(civil.Date) (money.Money, bool) { return 0, false }
	if c := CheckAgainstBank(days, none, nil); c.Agrees() || len(c.Days) != 0 {
		t.Errorf("nothing to compare: %+v", c)
	}
}
