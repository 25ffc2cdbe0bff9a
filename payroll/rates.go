package payroll

import (
	"sort"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/text"
)

// Rates holds every figure for one tax year. Each year lives in its own
// file (rates_2026_27.go and so on) with the source of each figure beside
// it, and registers itself from init: adding a year is one new file plus
// its tests.
//
// A *Rates returned by RatesFor is shared: treat it as read-only.
type Rates struct {
	Year TaxYear

	// EmergencyCode is the code used when a new starter gives no P45 or
	// starter checklist statement, like "1257L".
	EmergencyCode string
	// PersonalAllowance is the standard personal allowance for the year.
	PersonalAllowance money.Money

	// Income tax bands of taxable pay for employees with no prefix (England
	// and Northern Ireland), with an S prefix (Scotland) and with a C
	// prefix (Wales).
	RestOfUK, Scotland, Wales TaxBands

	// NIThresholds holds the Class 1 National Insurance thresholds per pay period,
	// as published, indexed by frequency: weekly, fortnightly, four-weekly,
	// monthly. NIAnnual is the annual figures.
	NIThresholds [numFrequencies]NIThresholds
	NIAnnual     NIThresholds
	// NIRates gives the employee and employer rates of each category.
	NIRates []NICategoryRates

	// Student loan annual thresholds; zero means the plan takes no
	// deductions in this year.
	Plan1, Plan2, Plan4, Plan5, Postgraduate money.Money
	StudentLoanRate, PostgraduateRate        Percent

	// Automatic enrolment per pay period (indexed like NI) and per year:
	// the earnings trigger and the lower and upper limits of qualifying
	// earnings.
	PensionTrigger, PensionLower, PensionUpper [numFrequencies]money.Money
	PensionAnnual                              struct{ Trigger, Lower, Upper money.Money }

	// SSP holds the Statutory Sick Pay rules in force on days in this year.
	SSP SSPRules

	// MinimumWage holds the National Minimum and Living Wage rates that
	// take effect on MinimumWage.From (1 April just before the tax year).
	MinimumWage MinimumWageRates

	// EmploymentAllowance is the most employer NI the allowance offsets in
	// the year.
	EmploymentAllowance money.Money

	// FamilyPay holds the rates of the statutory family payments (SMP,
	// SPP, SAP, ShPP, SPBP, SNCP) and what an employer recovers of them.
	FamilyPay FamilyPayRates

	emergency TaxCode
}

// TaxBands are the income tax bands of one part of the UK, with its flat
// rates for the BR and D codes.
type TaxBands struct {
	// Bands in order; each applies to annual taxable pay up to Upper pounds
	// (whole pounds); the last has Upper 0 (no limit).
	Bands []Band
	// Flat rates: BR is the basic rate; D[0] to D[3] are the D0 to D3
	// codes (zero where a code does not exist, as D2 and D3 outside
	// Scotland).
	BR Percent
	D  [4]Percent
}

// Band is one income tax band.
type Band struct {
	Upper int64 // annual limit in whole pounds of taxable pay; 0 for the top band
	Rate  Percent
}

// NIThresholds are Class 1 National Insurance thresholds for one period.
// The Upper Secondary Threshold (under 21s) and the Apprentice Upper
// Secondary Threshold (apprentices under 25) equal the UEL in these years.
type NIThresholds struct {
	LEL, PT, ST, UEL money.Money
}

// NICategoryRates are the rates of one category letter.
type NICategoryRates struct {
	Category NICategory
	// Employee rate between the PT and the UEL, and above the UEL.
	EmployeeMain, EmployeeUpper Percent
	// Employer rate above the ST; when ZeroToUEL the employer rate is 0%
	// up to the UST/AUST (which equal the UEL) and Employer above it.
	Employer  Percent
	ZeroToUEL bool
}

// SSPRules are the Statutory Sick Pay rules for days in one tax year.
type SSPRules struct {
	// WeeklyRate is the flat weekly rate (the most paid for a week).
	WeeklyRate money.Money
	// PercentOfAWE, when not zero, caps the weekly rate at this share of
	// the average weekly earnings (from 6 April 2026).
	PercentOfAWE Percent
	// WaitingDays is the number of qualifying days at the start of a
	// period of incapacity for which nothing is paid.
	WaitingDays int
	// MinPIWDays is the number of consecutive days of incapacity needed to
	// form a period of incapacity for work.
	MinPIWDays int
	// LELTest: average weekly earnings must reach the weekly LEL.
	LELTest bool
	// MaxWeeks is the most SSP payable in a linked period.
	MaxWeeks int
}

// FamilyPayRates are the statutory family payments' figures for one
// year. The flat rate takes effect for pay weeks that begin on or after
// the first Sunday in April (see FamilyPay); the recovery rates apply to
// payments made in the tax year.
type FamilyPayRates struct {
	// WeeklyRate is the flat weekly rate of SMP (after its first six
	// weeks), SPP, SAP (after six weeks), ShPP, SPBP and SNCP; each pays
	// 90% of average weekly earnings instead when that is lower.
	WeeklyRate money.Money
	// Recovery is the share of the payments an employer recovers;
	// SmallEmployerRecovery the share (100% plus compensation for the NI
	// paid on them) an employer with Small Employers' Relief recovers.
	Recovery, SmallEmployerRecovery Percent
	// SmallEmployerLimit: an employer whose Class 1 NI (employee's and
	// employer's, before the Employment Allowance) for the last complete
	// tax year before the qualifying week was this or less has Small
	// Employers' Relief.
	SmallEmployerLimit money.Money
}

// MinimumWageRates are hourly rates in force from From.
type MinimumWageRates struct {
	From                                      civil.Date
	Age21Plus, Age18To20, Under18, Apprentice money.Money
}

var registry []*Rates

// register adds a year's rates; each rates file calls it from init. It
// panics on a mistake in the figures, which is a programming error found by
// any test run.
func register(r *Rates) {
	code, err := ParseTaxCode(r.EmergencyCode)
	if err != nil {
		panic("payroll: " + r.Year.String() + ": emergency code: " + err.Error())
	}
	r.emergency = code
	for _, b := range []TaxBands{r.RestOfUK, r.Scotland, r.Wales} {
		if len(b.Bands) == 0 || b.Bands[len(b.Bands)-1].Upper != 0 {
			panic("payroll: " + r.Year.String() + ": tax bands must end with an open top band")
		}
		for i := 1; i < len(b.Bands)-1; i++ {
			if b.Bands[i].Upper <= b.Bands[i-1].Upper {
				panic("payroll: " + r.Year.String() + ": tax bands out of order")
			}
		}
	}
	for _, c := range allNICategories {
		if r.niRates(c) == nil {
			panic("payroll: " + r.Year.String() + ": no NI rates for category " + c.String())
		}
	}
	for _, e := range registry {
		if e.Year == r.Year {
			panic("payroll: tax year registered twice: " + r.Year.String())
		}
	}
	registry = append(registry, r)
	sort.Slice(registry, func(i, j int) bool { return registry[i].Year < registry[j].Year })
}

// SupportedTaxYears returns the tax years with rates, oldest first.
func SupportedTaxYears() []TaxYear {
	out := make([]TaxYear, len(registry))
	for i, r := range registry {
		out[i] = r.Year
	}
	return out
}

// RatesFor returns the rates of tax year y, or an error naming the
// supported years.
func RatesFor(y TaxYear) (*Rates, error) {
	for _, r := range registry {
		if r.Year == y {
			return r, nil
		}
	}
	return nil, invalidf("tax year %s is not supported: the supported tax years are %s", y, supportedList())
}

// RatesOn returns the rates of the tax year containing d.
func RatesOn(d civil.Date) (*Rates, error) {
	y := TaxYearOf(d)
	for _, r := range registry {
		if r.Year == y {
			return r, nil
		}
	}
	return nil, invalidf("%s is in tax year %s, which is not supported: the supported tax years are %s", d.UK(), y, supportedList())
}

func supportedList() string {
	names := make([]string, len(registry))
	for i, r := range registry {
		names[i] = r.Year.String()
	}
	if len(names) == 0 {
		return "none"
	}
	return text.List(names)
}

// EmergencyCode returns the emergency tax code of year y.
func EmergencyCode(y TaxYear) (TaxCode, error) {
	r, err := RatesFor(y)
	if err != nil {
		return TaxCode{}, err
	}
	return r.emergency, nil
}

// Bands returns the tax bands for a code's region.
func (r *Rates) Bands(reg Region) *TaxBands {
	switch reg {
	case Scotland:
		return &r.Scotland
	case Wales:
		return &r.Wales
	}
	return &r.RestOfUK
}

// NIThresholdsFor returns the published thresholds for one pay period.
func (r *Rates) NIThresholdsFor(f Frequency) NIThresholds {
	if !f.valid() {
		return NIThresholds{}
	}
	return r.NIThresholds[f.index()]
}

func (r *Rates) niRates(c NICategory) *NICategoryRates {
	for i := range r.NIRates {
		if r.NIRates[i].Category == c {
			return &r.NIRates[i]
		}
	}
	return nil
}

// minimumWageOn returns the minimum wage rates in force on d: the rates
// change on 1 April, five days before the tax year, and the latest held
// are taken to run for one year.
func minimumWageOn(d civil.Date) (*MinimumWageRates, error) {
	var best *MinimumWageRates
	for _, r := range registry {
		if !r.MinimumWage.From.After(d) {
			best = &r.MinimumWage
		}
	}
	if best == nil || !d.Before(best.From.AddMonths(12)) {
		first, last := civil.Date{Year: 2024, Month: time.April, Day: 1}, civil.Date{}
		if len(registry) > 0 {
			first = registry[0].MinimumWage.From
			last = registry[len(registry)-1].MinimumWage.From.AddMonths(12).AddDays(-1)
		}
		return nil, invalidf("minimum wage rates are held from %s to %s; %s is outside that", first.UK(), last.UK(), d.UK())
	}
	return best, nil
}

// pounds returns whole pounds as Money.
func pounds(p int64) money.Money { return money.Money(p * 100) }
