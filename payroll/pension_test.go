package payroll

import (
	"fmt"
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

func TestStatePensionDate(t *testing.T) {
	for dob, want := range map[string]string{
		"1954-10-06": "2020-10-06", // 66
		"1960-01-01": "2026-01-01", // 66
		"1960-04-05": "2026-04-05", // last day of 66
		"1960-04-06": "2026-05-06", // 66 years 1 month
		"1960-05-05": "2026-06-05", // 66 years 1 month
		"1960-05-06": "2026-07-06", // 66 years 2 months
		"1960-09-10": "2027-03-10", // 66 years 6 months
		"1961-02-06": "2028-01-06", // 66 years 11 months
		"1961-03-05": "2028-02-05", // 66 years 11 months
		"1961-03-06": "2028-03-06", // 67
		"1990-01-01": "2057-01-01", // 67
	} {
		t.Run(dob, func(t *testing.T) {
			if got := StatePensionDate(civil.MustParse(dob)).String(); got != want {
				t.Errorf("StatePensionDate(%s) = %s, want %s", dob, got, want)
			}
		})
	}
}

func TestAssessWorker(t *testing.T) {
	r, _ := RatesFor(2026) // monthly: trigger 833, lower 520
	payday := civil.MustParse("2026-06-30")
	cases := []struct {
		name string
		dob  string
		on   civil.Date
		f    Frequency
		pay  money.Money
		want WorkerCategory
	}{
		{"30, above trigger", "1996-01-01", payday, Monthly, 100000, EligibleJobholder},
		{"30, at trigger", "1996-01-01", payday, Monthly, 83300, NonEligibleJobholder},
		{"30, 1p over trigger", "1996-01-01", payday, Monthly, 83301, EligibleJobholder},
		{"30, at lower limit", "1996-01-01", payday, Monthly, 52000, EntitledWorker},
		{"30, 1p over lower", "1996-01-01", payday, Monthly, 52001, NonEligibleJobholder},
		{"21, high pay", "2005-01-01", payday, Monthly, 200000, NonEligibleJobholder},
		{"22 on payday", "2004-06-30", payday, Monthly, 200000, EligibleJobholder},
		{"22 tomorrow", "2004-07-01", payday, Monthly, 200000, NonEligibleJobholder},
		{"16", "2010-01-01", payday, Monthly, 200000, NonEligibleJobholder},
		{"15", "2011-01-01", payday, Monthly, 200000, OutsideAgeRange},
		{"74", "1952-01-01", payday, Monthly, 200000, NonEligibleJobholder},
		{"75", "1951-01-01", payday, Monthly, 200000, OutsideAgeRange},
		// Born 10 April 1960: State Pension age 66 years 1 month, on 10 May 2026.
		{"day before SPA", "1960-04-10", civil.MustParse("2026-05-09"), Monthly, 200000, EligibleJobholder},
		{"on SPA", "1960-04-10", civil.MustParse("2026-05-10"), Monthly, 200000, NonEligibleJobholder},
		{"weekly above trigger", "1990-01-01", payday, Weekly, 19201, EligibleJobholder},
		{"weekly at lower", "1990-01-01", payday, Weekly, 12000, EntitledWorker},
		{"fortnightly", "1990-01-01", payday, Fortnightly, 38401, EligibleJobholder},
		{"four-weekly", "1990-01-01", payday, FourWeekly, 76800, NonEligibleJobholder},
		{"no date of birth", "", payday, Monthly, 200000, NotAssessed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var dob civil.Date
			if c.dob != "" {
				dob = civil.MustParse(c.dob)
			}
			if got := r.AssessWorker(dob, c.on, c.f, c.pay); got != c.want {
				t.Errorf("%s: %s, want %s", c.name, got, c.want)
			}
		})
	}
}

func TestPensionContributions(t *testing.T) {
	r, _ := RatesFor(2026)
	ras := PensionSettings{Membership: Enrolled, Method: ReliefAtSource, Basis: QualifyingEarnings, EmployeePercent: 500, EmployerPercent: 300}
	npa := ras
	npa.Method = NetPay
	all := ras
	all.Basis = AllPay
	cases := []struct {
		name                         string
		s                            PensionSettings
		f                            Frequency
		pay                          money.Money
		base, employee, relief, empl money.Money
	}{
		// Monthly 2000: qualifying 2000 - 520 = 1480. Gross 5% = 74.00, taken
		// as 4% = 59.20 with 14.80 relief; employer 3% = 44.40.
		{"relief at source", ras, Monthly, 200000, 148000, 5920, 1480, 4440},
		{"net pay", npa, Monthly, 200000, 148000, 7400, 0, 4440},
		{"all pay", all, Monthly, 200000, 200000, 8000, 2000, 6000},
		// 1000.50: qualifying 480.50; 4% = 19.22; 5% = 24.025 -> 24.03 (half
		// up), relief 4.81; 3% = 14.415 -> 14.42.
		{"half up", ras, Monthly, 100050, 48050, 1922, 481, 1442},
		// Capped at the upper limit: 4189 - 520 = 3669.
		{"upper limit", npa, Monthly, 500000, 366900, 18345, 0, 11007},
		{"below lower", ras, Weekly, 12000, 0, 0, 0, 0},
		// Weekly 300: 300 - 120 = 180; 4% = 7.20; employer 5.40.
		{"weekly", ras, Weekly, 30000, 18000, 720, 180, 540},
		{"opted out", PensionSettings{Membership: OptedOut, EmployeePercent: 500, EmployerPercent: 300}, Monthly, 200000, 0, 0, 0, 0},
		{"not enrolled", PensionSettings{EmployeePercent: 500, EmployerPercent: 300}, Monthly, 200000, 0, 0, 0, 0},
		// 4.5% net pay on 1480 = 66.60.
		{"decimal percent", PensionSettings{Membership: Enrolled, Method: NetPay, EmployeePercent: 450, EmployerPercent: 350}, Monthly, 200000, 148000, 6660, 0, 5180},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := r.Pension(c.s, c.f, c.pay)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if got.Base != c.base || got.Employee != c.employee || got.TaxRelief != c.relief || got.Employer != c.empl {
				t.Errorf("%s: base %s employee %s relief %s employer %s; want %s %s %s %s", c.name, got.Base, got.Employee, got.TaxRelief, got.Employer, c.base, c.employee, c.relief, c.empl)
			}
		})
	}
	if _, err := r.Pension(PensionSettings{Membership: Enrolled, EmployeePercent: 10001}, Monthly, 1); err == nil {
		t.Error("over 100% should fail")
	}
	for in, want := range map[string]Percent{"5": 500, "4.5": 450, "1.85": 185, "0": 0, "100": 10000, "5%": 500, ".5": 50} {
		t.Run(in, func(t *testing.T) {
			if got, err := ParsePercent(in); err != nil || got != want {
				t.Errorf("ParsePercent(%q) = %v, %v", in, got, err)
			}
		})
	}
	for _, in := range []string{"", "-1", "100.01", "1.234", "abc", "5.", "1e2", "1000"} {
		t.Run(in, func(t *testing.T) {
			if got, err := ParsePercent(in); err == nil {
				t.Errorf("ParsePercent(%q) = %v, want an error", in, got)
			}
		})
	}
	for p, want := range map[Percent]string{500: "5%", 450: "4.5%", 185: "1.85%", 1380: "13.8%", 0: "0%", 5: "0.05%"} {
		t.Run(fmt.Sprint(p), func(t *testing.T) {
			if got := p.String(); got != want {
				t.Errorf("%d.String() = %q, want %q", p, got, want)
			}
		})
	}
}
