package service

import (
	"errors"
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/payroll"
)

// TestDemoP60sEqualThePayslips: for every PA of each demo budget in
// 2025-26, the P60 carries the sums of their payslips, which are the last
// payslip's year to date.
func TestDemoP60sEqualThePayslips(t *testing.T) {
	s, accounts := demoService(t)
	s.SetClock(func() time.Time { return DemoEnd.Time(time.UTC).Add(12 * time.Hour) })
	for _, year := range []payroll.TaxYear{2025, 2026} {
		for _, a := range accounts {
			t.Run(a.Name+" "+year.String(), func(t *testing.T) {
				p60s, err := s.P60s(a.ID, year, 0)
				if err != nil {
					t.Fatal(err)
				}
				slips, err := s.Payslips(a.ID, year.Start(), year.End(), 0)
				if err != nil {
					t.Fatal(err)
				}
				type sums struct {
					pay, tax, ni, sl, pg money.Money
					statutory            StatutoryPay
				}
				pas, err := s.PAs(a.ID)
				if err != nil {
					t.Fatal(err)
				}
				left := map[int64]bool{}
				for _, p := range pas {
					left[p.ID] = p.HasLeft(year.End())
				}
				per := map[int64]*sums{}
				last := map[int64]Payslip{}
				for _, p := range slips {
					if left[p.PAID] {
						continue // a leaver gets a P45
					}
					if per[p.PAID] == nil {
						per[p.PAID] = &sums{}
					}
					x := per[p.PAID]
					x.pay += p.Result.TaxablePay
					x.tax += p.Result.Tax
					x.ni += p.Result.EmployeeNI
					x.sl += p.Result.StudentLoan
					x.pg += p.Result.PostgraduateLoan
					for _, l := range p.Result.Lines {
						x.statutory.Add(l)
					}
					last[p.PAID] = p
				}
				if len(p60s) != len(per) {
					t.Errorf("%d P60s for %d PAs paid in %s and still employed at its end", len(p60s), len(per), year)
				}
				for _, p := range p60s {
					t.Run(p.PA.Name, func(t *testing.T) {
						x, ytd := per[p.PA.ID], last[p.PA.ID].Result.YearToDate
						var letters money.Money
						for _, n := range p.ByLetter {
							letters += n.EmployeeNI
						}
						st := p.Statutory
						for _, c := range []struct {
							what           string
							got, sum, last money.Money
						}{
							{"pay", p.Pay, x.pay, ytd.TaxablePay},
							{"tax", p.Tax, x.tax, ytd.Tax},
							{"employee NI", p.EmployeeNI, x.ni, ytd.EmployeeNI},
							{"NI by letter", letters, x.ni, ytd.EmployeeNI},
							{"student loan", p.StudentLoan, x.sl, ytd.StudentLoan},
							{"postgraduate loan", p.PostgraduateLoan, x.pg, ytd.PostgraduateLoan},
							{"statutory pay", st.Total(), x.statutory.Total(), ytd.StatutoryPay},
						} {
							if c.got != c.sum || c.got != c.last {
								t.Errorf("%s: P60 %s, payslips add up to %s, last year to date %s", c.what, c.got.Format(), c.sum.Format(), c.last.Format())
							}
						}
						if st != x.statutory {
							t.Errorf("statutory payments: P60 %+v, payslips %+v", st, x.statutory)
						}
						due := civil.New(year.End().Year, 5, 31)
						if p.TotalPay() != p.Previous.TaxablePay+p.Pay || p.Due != due || p.YearOver != (year == 2025) {
							t.Errorf("total pay %s, due %s, year over %v", p.TotalPay().Format(), p.Due.UK(), p.YearOver)
						}
						if want := last[p.PA.ID].Result.TaxCode.Base(); p.TaxCode != want {
							t.Errorf("tax code %s, want the last payslip's %s", p.TaxCode, want)
						}
						if p.PA.Name == "Zoë Ní Bhriain" && year == 2026 && st.SMP == 0 {
							t.Error("Zoë's P60 for 2026-27 so far has no SMP")
						}
						if p.PA.Name == "Dana Whitfield" && p.Previous.TaxablePay != money.MustParse("8940.00") {
							t.Errorf("Dana's P60: previous employment pay %s, want her P45's £8,940.00", p.Previous.TaxablePay.Format())
						}
					})
				}
			})
		}
	}
}

func TestDemoP45ForChris(t *testing.T) {
	s, accounts := demoService(t)
	priya := accounts["Priya's support"]
	chris, err := s.FindPA(priya.ID, "Chris Walker")
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.P45(priya.ID, chris.ID)
	if err != nil {
		t.Fatal(err)
	}
	slips, err := s.Payslips(priya.ID, payroll.TaxYear(2026).Start(), payroll.TaxYear(2026).End(), chris.ID)
	if err != nil {
		t.Fatal(err)
	}
	var pay, tax money.Money
	for _, x := range slips {
		pay += x.Result.TaxablePay
		tax += x.Result.Tax
	}
	if p.LeavingDate != civil.New(2026, 8, 31) || !p.Monthly() || p.Period != 5 || p.Year != 2026 || p.LastPayday != civil.New(2026, 8, 28) {
		t.Errorf("leaving %s, monthly %v, period %d, year %s, last payday %s", p.LeavingDate.UK(), p.Monthly(), p.Period, p.Year, p.LastPayday.UK())
	}
	if p.Pay != pay || p.Tax != tax || p.TotalPay() != pay+p.Previous.TaxablePay || p.TotalTax() != tax+p.Previous.Tax {
		t.Errorf("pay %s tax %s, payslips add up to %s and %s", p.Pay.Format(), p.Tax.Format(), pay.Format(), tax.Format())
	}
	if p.TaxCode != slips[len(slips)-1].Result.TaxCode.Base() || p.PAYEReference == "" || p.PA.NINumber == "" {
		t.Errorf("tax code %s, PAYE reference %q, NI number %q", p.TaxCode, p.PAYEReference, p.PA.NINumber)
	}
}

func TestYearEndRefusals(t *testing.T) {
	s, accounts := demoService(t)
	priya := accounts["Priya's support"]
	sam, err := s.FindPA(priya.ID, "Sam Okafor")
	if err != nil {
		t.Fatal(err)
	}
	chris, err := s.FindPA(priya.ID, "Chris Walker")
	if err != nil {
		t.Fatal(err)
	}
	// Sam leaves after the last finalised payday: his last pay is not run.
	samLeaving := sam
	samLeaving.LeavingDate, samLeaving.LeavingReason = DemoEnd.AddDays(20), "moving away"
	if _, err := s.SavePA(samLeaving); err != nil {
		t.Fatal(err)
	}
	notLeft := func() error { _, err := s.P45(priya.ID, sam.ID); return err }
	var se *Error
	if err := notLeft(); !errors.As(err, &se) || se.Code != Invalid || !strings.Contains(se.Message, "Sam Okafor's last pay is not finalised yet") {
		t.Fatalf("P45 before the last pay: err = %v", err)
	}
	if _, err := s.SavePA(sam); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		do   func() error
		code Code
		want string
	}{
		{"P45 for a PA who has not left", func() error { _, err := s.P45(priya.ID, sam.ID); return err }, Invalid,
			"Sam Okafor has not left: set their leaving date under People first."},
		{"P60 for a tax year with no payslips", func() error { _, err := s.P60s(priya.ID, 2024, 0); return err }, Invalid,
			"There are no finalised payslips in 2024-25"},
		{"P60 for one PA with no payslips that year", func() error { _, err := s.P60s(priya.ID, 2024, sam.ID); return err }, Invalid,
			"Sam Okafor has no finalised payslips in 2024-25"},
		{"P60 for a leaver", func() error { _, err := s.P60s(priya.ID, 2026, chris.ID); return err }, Invalid,
			"Chris Walker left on 31/08/2026, before the end of 2026-27"},
		{"P45 for another budget's PA", func() error { _, err := s.P45(accounts["Tom's care"].ID, chris.ID); return err }, NotFound,
			"That PA is not in this budget."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.do()
			var se *Error
			if !errors.As(err, &se) || se.Code != tc.code || !strings.Contains(se.Message, tc.want) {
				t.Fatalf("err = %v, want code %v with %q", err, tc.code, tc.want)
			}
		})
	}
}
