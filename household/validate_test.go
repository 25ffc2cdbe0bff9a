package household

import (
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/money"
)

func TestCheckNINumber(t *testing.T) {
	cases := []struct {
		in   string
		ok   bool
		want string // a word the message must hold
	}{
		{"JT123456C", true, ""},
		{"jt 12 34 56 c", true, ""},
		{" AB 12 34 56 D ", true, ""},
		{"AB123456E", false, "A, B, C or D"},
		{"AB12345C", false, "six numbers"},
		{"A1234567C", false, "two letters"},
		{"", false, "not an NI number"},
		{"DA123456A", false, "no NI number starts with DA"},
		{"AO123456A", false, "no NI number starts with AO"},
		{"QQ123456C", false, "no NI number starts with QQ"},
		{"GB123456A", false, "never issues"},
		{"ZZ123456A", false, "never issues"},
		{"TN123456A", false, "never issues"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			msg := CheckNINumber(c.in)
			if (msg == "") != c.ok {
				t.Errorf("CheckNINumber(%q) = %q, want ok=%v", c.in, msg, c.ok)
			}
			if !c.ok && !strings.Contains(msg, c.want) {
				t.Errorf("CheckNINumber(%q) = %q, want it to mention %q", c.in, msg, c.want)
			}
		})
	}
	if got := FormatNINumber("JT123456C"); got != "JT 12 34 56 C" {
		t.Errorf("FormatNINumber = %q", got)
	}
}

func TestReferences(t *testing.T) {
	paye := map[string]bool{"123/AB45678": true, "123/a246": true, " 475 / ZX1 ": true, "12/AB456": false,
		"123AB456": false, "123/": false, "123/AB456789012": false, "abc/AB4": false}
	for in, ok := range paye {
		if got := CheckPAYEReference(in) == ""; got != ok {
			t.Errorf("CheckPAYEReference(%q) ok = %v, want %v", in, got, ok)
		}
	}
	ao := map[string]bool{"123PA00045678": true, "123pa0004567x": true, "123 PA 0004 5678": true,
		"123PA0004567": false, "123XA00045678": false, "12PA000456789": false, "123P100045678": false}
	for in, ok := range ao {
		if got := CheckAccountsOfficeReference(in) == ""; got != ok {
			t.Errorf("CheckAccountsOfficeReference(%q) ok = %v, want %v", in, got, ok)
		}
	}
}

func goodAccount() Account {
	return Account{Name: "Tom's care", PersonSupported: "Tom Smith", ManagedBy: "Jane Smith",
		Capacity: SuitablePerson, Council: "Wigan Council", Payment: money.MustParse("1000"),
		PaymentFrequency: FourWeekly, SupportMinutesPerWeek: 600, StartDate: civil.MustParse("2025-04-06"),
		ReturnPeriod: ReturnQuarterly, SurplusLimitWeeks: 8}
}

// fields returns the fields named in err's problems.
func fields(err error) []string {
	if err == nil {
		return nil
	}
	var out []string
	for _, p := range err.(Problems) {
		out = append(out, p.Field)
	}
	return out
}

// fieldCase is a change to a good record and the fields whose problems
// it must bring, in order.
type fieldCase[T any] struct {
	name   string
	change func(*T)
	want   []string
}

// testFields checks each case on a copy of good with validate.
func testFields[T any](t *testing.T, good T, validate func(T) error, cases []fieldCase[T]) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := good
			c.change(&v)
			if got := fields(validate(v)); strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("problems in %v, want %v", got, c.want)
			}
		})
	}
}

func TestValidateAccount(t *testing.T) {
	cases := []fieldCase[Account]{
		{"valid", func(*Account) {}, nil},
		{"self needs no manager", func(a *Account) { a.Capacity, a.ManagedBy = Self, "" }, nil},
		{"no name", func(a *Account) { a.Name = " " }, []string{"name"}},
		{"no person", func(a *Account) { a.PersonSupported = "" }, []string{"person_supported"}},
		{"suitable person needs a manager", func(a *Account) { a.ManagedBy = "" }, []string{"managed_by"}},
		{"bad capacity", func(a *Account) { a.Capacity = "boss" }, []string{"capacity"}},
		{"no council", func(a *Account) { a.Council = "" }, []string{"council"}},
		{"no payment", func(a *Account) { a.Payment = 0 }, []string{"payment"}},
		{"fortnightly payment", func(a *Account) { a.PaymentFrequency = Fortnightly }, []string{"payment_frequency"}},
		{"negative contribution", func(a *Account) { a.Contribution = -1 }, []string{"contribution"}},
		{"contribution without frequency", func(a *Account) { a.Contribution = 100 }, []string{"contribution_frequency"}},
		{"169 hours", func(a *Account) { a.SupportMinutesPerWeek = 169 * 60 }, []string{"support_hours"}},
		{"no start", func(a *Account) { a.StartDate = civil.Date{} }, []string{"start_date"}},
		{"no return period", func(a *Account) { a.ReturnPeriod = "" }, []string{"return_period"}},
		{"53 weeks", func(a *Account) { a.SurplusLimitWeeks = 53 }, []string{"surplus_limit_weeks"}},
		{"negative contingency", func(a *Account) { a.Contingency = -5 }, []string{"contingency"}},
		{"long name", func(a *Account) { a.Name = strings.Repeat("x", 61) }, []string{"name"}},
	}
	testFields(t, goodAccount(), ValidateAccount, cases)
}

func TestValidateEmployer(t *testing.T) {
	good := Employer{Name: "Jane Smith", PAYEReference: "123/AB45678", AccountsOfficeReference: "123PA00045678",
		PayFrequency: Monthly, Payday: "last-working-day"}
	cases := []fieldCase[Employer]{
		{"valid", func(*Employer) {}, nil},
		{"references may wait", func(e *Employer) { e.PAYEReference, e.AccountsOfficeReference = "", "" }, nil},
		{"no name", func(e *Employer) { e.Name = "" }, []string{"name"}},
		{"bad PAYE", func(e *Employer) { e.PAYEReference = "123-AB" }, []string{"paye_reference"}},
		{"bad AO", func(e *Employer) { e.AccountsOfficeReference = "123" }, []string{"accounts_office_reference"}},
		{"no frequency", func(e *Employer) { e.PayFrequency = "" }, []string{"pay_frequency"}},
		{"weekday for monthly", func(e *Employer) { e.Payday = "friday" }, []string{"payday"}},
		{"day 31", func(e *Employer) { e.Payday = "31" }, []string{"payday"}},
		{"weekly friday", func(e *Employer) { e.PayFrequency, e.Payday = Weekly, "friday" }, nil},
		{"weekly 25th", func(e *Employer) { e.PayFrequency, e.Payday = Weekly, "25" }, []string{"payday"}},
	}
	testFields(t, good, ValidateEmployer, cases)
	if Payday("25").Label() != "25th of the month" || Payday("1").Label() != "1st of the month" ||
		Payday("12").Label() != "12th of the month" || Payday("friday").Label() != "Friday" {
		t.Error("payday labels wrong")
	}
}

func TestValidatePA(t *testing.T) {
	good := PA{Name: "Zoë Ní Bhriain", NINumber: "JT123456C", StartDate: civil.MustParse("2025-04-06"),
		DateOfBirth: civil.MustParse("1990-01-01"), TaxCode: "1257L", NICategory: "A"}
	cases := []fieldCase[PA]{
		{"valid", func(*PA) {}, nil},
		{"NI number may wait", func(p *PA) { p.NINumber = "" }, nil},
		{"no name", func(p *PA) { p.Name = "" }, []string{"name"}},
		{"bad NI", func(p *PA) { p.NINumber = "AB123456E" }, []string{"ni_number"}},
		{"no start", func(p *PA) { p.StartDate = civil.Date{} }, []string{"start_date"}},
		{"under 16", func(p *PA) { p.DateOfBirth = civil.MustParse("2010-01-01") }, []string{"date_of_birth"}},
		{"left before starting", func(p *PA) { p.LeavingDate = civil.MustParse("2025-04-01") }, []string{"leaving_date"}},
		{"reason without date", func(p *PA) { p.LeavingReason = "moved" }, []string{"leaving_date"}},
		{"bad email", func(p *PA) { p.Email = "zoe at example" }, []string{"email"}},
		{"bad DBS", func(p *PA) { p.DBSNumber = "12345" }, []string{"dbs_number"}},
		{"no tax code", func(p *PA) { p.TaxCode = "" }, []string{"tax_code"}},
		{"bad NI category", func(p *PA) { p.NICategory = "X" }, []string{"ni_category"}},
		{"bad loan", func(p *PA) { p.StudentLoan = "plan3" }, []string{"student_loan"}},
		{"bad statement", func(p *PA) { p.StarterStatement = "D" }, []string{"starter_statement"}},
		{"negative P45", func(p *PA) { p.P45PayToDate = -1 }, []string{"p45_pay_to_date"}},
	}
	testFields(t, good, ValidatePA, cases)
}

func TestValidateContract(t *testing.T) {
	good := Contract{EffectiveFrom: civil.MustParse("2026-04-01"), HoursType: FixedHours, ContractedMinutesWeek: 1200,
		DayRate: money.MustParse("13.10"), HolidayMethod: HolidayAccrued, PensionScheme: "NEST",
		PensionMethod: PensionReliefAtSource, PensionBasis: PensionQualifying, PensionEmployeeBP: 500, PensionEmployerBP: 300}
	cases := []fieldCase[Contract]{
		{"valid", func(*Contract) {}, nil},
		{"irregular", func(c *Contract) {
			c.HoursType, c.ContractedMinutesWeek, c.HolidayMethod = IrregularHours, 0, HolidayRolledUp
		}, nil},
		{"no pension", func(c *Contract) { c.PensionMethod, c.PensionEmployeeBP, c.PensionEmployerBP = PensionNone, 0, 0 }, nil},
		{"no date", func(c *Contract) { c.EffectiveFrom = civil.Date{} }, []string{"effective_from"}},
		{"fixed without hours", func(c *Contract) { c.ContractedMinutesWeek = 0 }, []string{"contracted_hours"}},
		{"irregular with hours", func(c *Contract) { c.HoursType = IrregularHours }, []string{"contracted_hours"}},
		{"no day rate", func(c *Contract) { c.DayRate = 0 }, []string{"day_rate"}},
		{"negative sleep-in", func(c *Contract) { c.SleepInAllowance = -100 }, []string{"sleep_in_allowance"}},
		{"rate per day typed", func(c *Contract) { c.WeekendRate = money.MustParse("1500") }, []string{"weekend_rate"}},
		{"rolled-up for set hours", func(c *Contract) { c.HolidayMethod = HolidayRolledUp }, []string{"holiday_method"}},
		{"employer 2%", func(c *Contract) { c.PensionEmployerBP = 200 }, []string{"pension_employer"}},
		{"total 7%", func(c *Contract) { c.PensionEmployeeBP = 400 }, []string{"pension_employee"}},
		{"no scheme", func(c *Contract) { c.PensionScheme = "" }, []string{"pension_scheme"}},
		{"none with contributions", func(c *Contract) { c.PensionMethod = PensionNone }, []string{"pension_method"}},
		{"day rate £5.00", func(c *Contract) { c.DayRate = money.MustParse("5.00") }, []string{"day_rate"}},
		{"day rate a penny under the apprentice rate", func(c *Contract) { c.DayRate = money.MustParse("7.99") }, []string{"day_rate"}},
		{"day rate at the apprentice rate", func(c *Contract) { c.DayRate = money.MustParse("8.00") }, nil},
		{"2025 terms at the 2025 apprentice rate", func(c *Contract) {
			c.EffectiveFrom, c.DayRate = civil.MustParse("2025-04-06"), money.MustParse("7.55")
		}, nil},
		{"weekend rate under the apprentice rate", func(c *Contract) { c.WeekendRate = money.MustParse("6.00") }, []string{"weekend_rate"}},
		{"bank holiday and waking night rates under it", func(c *Contract) {
			c.BankHolidayRate, c.WakingNightRate = money.MustParse("7.00"), money.MustParse("1.00")
		}, []string{"waking_night_rate", "bank_holiday_rate"}},
	}
	testFields(t, good, ValidateContract, cases)

	// The refusal names the rate, the lowest minimum wage and its date.
	c := good
	c.DayRate = money.MustParse("5.00")
	got := field.Of(ValidateContract(c)).For("day_rate")
	want := "The day rate of £5.00 an hour is below the lowest minimum wage the law allows, the apprentice rate of £8.00 an hour (from 01/04/2026). Nobody may be paid less: give at least £8.00 an hour."
	if got != want {
		t.Errorf("message %q, want %q", got, want)
	}
}

func TestContractWarnings(t *testing.T) {
	// DOMAIN.md: from 1 April 2025 £12.21 / £10.00 / £7.55 / £7.55; from
	// 1 April 2026 £12.71 / £10.85 / £8.00 / £8.00.
	from := civil.MustParse("2026-04-01")
	cases := []struct {
		name   string
		day    string
		dob    string // "" when not known
		fields []string
		words  string
	}{
		{"21 or over at the living wage", "12.71", "1990-01-01", nil, ""},
		{"21 or over a penny under", "12.70", "1990-01-01", []string{"day_rate"}, "below the National Living Wage of £12.71 an hour for someone aged 21 or over on 01/04/2026"},
		{"21 on the day", "12.70", "2005-04-01", []string{"day_rate"}, "aged 21 or over"},
		{"20 the day before 21", "10.85", "2005-04-02", nil, ""},
		{"18 to 20 under their rate", "10.84", "2006-01-01", []string{"day_rate"}, "National Minimum Wage of £10.85 an hour for someone aged 18 to 20"},
		{"under 18 at their rate", "8.00", "2009-06-01", nil, ""},
		{"age not known: the 21 and over rate", "12.00", "", []string{"day_rate"}, "date of birth is not entered"},
		{"age not known at the living wage", "12.71", "", nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Contract{EffectiveFrom: from, DayRate: money.MustParse(tc.day)}
			var dob civil.Date
			if tc.dob != "" {
				dob = civil.MustParse(tc.dob)
			}
			got := ContractWarnings(c, dob)
			var fields []string
			for _, p := range got {
				fields = append(fields, p.Field)
			}
			if strings.Join(fields, ",") != strings.Join(tc.fields, ",") {
				t.Fatalf("warnings on %v, want %v: %v", fields, tc.fields, got)
			}
			if tc.words != "" && !strings.Contains(got[0].Message, tc.words) {
				t.Errorf("message %q lacks %q", got[0].Message, tc.words)
			}
			if err := ValidateContract(Contract{EffectiveFrom: from, DayRate: c.DayRate}); field.Of(err).For("day_rate") != "" {
				t.Errorf("a warning was refused: %v", err)
			}
		})
	}
	// A blank optional rate is the day rate: no warning of its own.
	c := Contract{EffectiveFrom: from, DayRate: money.MustParse("12.00")}
	if got := ContractWarnings(c, civil.Date{}); len(got) != 1 || got[0].Field != "day_rate" {
		t.Errorf("warnings %v, want one on the day rate", got)
	}
	if RateText(0) != "the day rate" || RateText(money.MustParse("13.10")) != "£13.10 an hour" {
		t.Errorf("RateText: %q, %q", RateText(0), RateText(money.MustParse("13.10")))
	}
}

func TestValidateInsurance(t *testing.T) {
	good := Insurance{Insurer: "Example Mutual", PolicyNumber: "EL-1", Cover: money.FromPounds(10_000_000),
		StartDate: civil.MustParse("2026-04-01"), RenewalDate: civil.MustParse("2027-04-01")}
	cases := []fieldCase[Insurance]{
		{"valid", func(*Insurance) {}, nil},
		{"no insurer", func(i *Insurance) { i.Insurer = "" }, []string{"insurer"}},
		{"no policy", func(i *Insurance) { i.PolicyNumber = "" }, []string{"policy_number"}},
		{"£1m cover", func(i *Insurance) { i.Cover = money.FromPounds(1_000_000) }, []string{"cover"}},
		{"renews before start", func(i *Insurance) { i.RenewalDate = i.StartDate }, []string{"renewal_date"}},
		{"no dates", func(i *Insurance) { i.StartDate, i.RenewalDate = civil.Date{}, civil.Date{} }, []string{"start_date", "renewal_date"}},
	}
	testFields(t, good, ValidateInsurance, cases)
}

func TestDescription(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(*Account)
		want   string
	}{
		{"suitable person", func(*Account) {}, "Jane Smith manages the money for Tom Smith, as the suitable person"},
		{"nominated person", func(a *Account) { a.Capacity = NominatedPerson }, "Jane Smith manages the money for Tom Smith, as the nominated person"},
		{"no role given", func(a *Account) { a.Capacity = "" }, "Jane Smith manages the money for Tom Smith"},
		{"self", func(a *Account) { a.Capacity = Self }, "Tom Smith manages the money"},
		{"self, holder left blank", func(a *Account) { a.Capacity, a.ManagedBy = "", "" }, "Tom Smith manages the money"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := goodAccount()
			c.change(&a)
			got := a.Description()
			if got != c.want {
				t.Errorf("Description = %q, want %q", got, c.want)
			}
			for _, w := range []string{"themselves", "himself", "herself", " his ", " her ", " their "} {
				if strings.Contains(" "+got+" ", w) {
					t.Errorf("Description %q guesses a pronoun (%q)", got, w)
				}
			}
		})
	}
}
