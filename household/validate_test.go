package household

import (
	"strings"
	"testing"

	"patoolkit/civil"
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
	}
	testFields(t, good, ValidateContract, cases)
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
