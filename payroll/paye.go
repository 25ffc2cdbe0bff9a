package payroll

import (
	"math"

	"patoolkit/money"
)

// Limits on amounts, far above anything a personal assistant is paid, so
// that no sum or product in this package can overflow int64.
const (
	// MaxPeriodPay is the most accepted for one pay line or one period's
	// pay: £10 million.
	MaxPeriodPay money.Money = 1_000_000_000
	// MaxYearToDate is the most accepted for any year-to-date figure:
	// £100 million.
	MaxYearToDate money.Money = 10_000_000_000
)

// Free pay for each complete 500 of a code number (HMRC "Specification for
// PAYE Tax Table Routines", Tables A): £5,000 / 52 and £5,000 / 12, each
// rounded up to the penny.
const (
	freePay500Weekly  = 9616  // £96.16
	freePay500Monthly = 41667 // £416.67
)

// PAYEInput is what PAYE needs for one payment.
type PAYEInput struct {
	Code      TaxCode
	Frequency Frequency
	// Period is the tax week of the payday (weekly, fortnightly and
	// four-weekly pay) or the tax month (monthly pay).
	Period int
	// Week1Month1 operates the code on a week 1 / month 1 basis even
	// though it has no W1, M1 or X suffix.
	Week1Month1 bool
	// Pay is the taxable pay of this period.
	Pay money.Money
	// PreviousPay and PreviousTax are the taxable pay and the tax deducted
	// earlier in the tax year, including any previous employment's P45
	// figures. They are ignored on a week 1 / month 1 basis.
	PreviousPay, PreviousTax money.Money
}

// PAYEResult is the tax for one payment.
type PAYEResult struct {
	// Tax to deduct this period; negative is a refund.
	Tax money.Money
	// Cumulative is false when the code was operated on a week 1 / month 1
	// basis (a W1, M1 or X code, the Week1Month1 flag, or a payday in week
	// 53, 54 or 56).
	Cumulative bool
	// TablePeriod is the period number used with the tables: p in HMRC's
	// specification (1 on a week 1 / month 1 basis, 2 or 4 for
	// fortnightly or four-weekly pay on that basis).
	TablePeriod int
	// FreePay is the tax-free pay to date of an allowance code, or the
	// additional pay to date of a K code (added to pay).
	FreePay money.Money
	// TaxablePay is the pay the tables were applied to, after free pay and
	// before rounding down to pounds: to date when cumulative.
	TaxablePay money.Money
	// TaxDue is the tax due to date (cumulative) or for the period (week 1
	// / month 1) before the regulatory limit.
	TaxDue money.Money
	// TaxablePayToDate and TaxToDate include this period.
	TaxablePayToDate, TaxToDate money.Money
	// Shortfall is tax due this period but not deducted because of the
	// regulatory limit (K codes may not take more than half the pay). On a
	// cumulative basis it is collected later as pay allows.
	Shortfall money.Money
}

// PAYE works out the tax on one payment following HMRC's "Specification
// for PAYE Tax Table Routines":
//
//  1. Free pay for period 1 from the code number n: nothing if n is 0;
//     otherwise with q = (n-1) div 500 and r = (n-1) mod 500 + 1, the value
//     (10r + 9) / 52 (weekly) or / 12 (monthly) rounded up to the penny,
//     plus q x £96.16 (weekly) or q x £416.67 (monthly). For period p it is
//     p times that. A K code's number gives "additional pay" the same way.
//  2. Taxable pay to date = pay to date - free pay (K: + additional pay),
//     rounded down to whole pounds; if it is not positive the tax is nil.
//  3. Each band limit is pro-rata, limit x p / 52 (or / 12). Taxable pay is
//     compared with the limits rounded up to whole pounds to find its band;
//     the tax is the tax on the bands below (pro-rata, exact) plus the
//     excess over the band's (exact) start at the band's rate, and the total
//     is rounded down to the penny. All of this is done in exact integer
//     arithmetic, so no intermediate rounding creeps in.
//  4. BR and D codes: pay to date in whole pounds x the rate, rounded down.
//     NT: no tax.
//  5. Tax this period = tax due to date - tax already deducted (negative is
//     a refund). For a K code the tax deducted may not exceed 50% of the
//     period's pay (the regulatory limit); the shortfall is carried
//     forward, as the next period's cumulative calculation collects it.
//  6. Week 1 / month 1: the same with p = 1 and no history; for fortnightly
//     or four-weekly pay p = 2 or 4 weeks.
//
// Every row of HMRC's 2026-27 test data matches, except one where HMRC's
// own figure is 1p low because its generator works in floating point (the
// exact result is a whole number of pence; see hmrc_test.go).
//
// For fortnightly and four-weekly pay p counts weeks (the tax week of the
// payday, rounded up to the even week or the next multiple of four) and
// the weekly tables are used. A payday in week 53, 54 or 56 is taxed on a
// week 1 basis.
func (r *Rates) PAYE(in PAYEInput) (PAYEResult, error) {
	if err := ValidatePeriod(in.Frequency, in.Period); err != nil {
		return PAYEResult{}, err
	}
	if !in.Code.valid() {
		return PAYEResult{}, invalid("the tax code is not valid: read it with ParseTaxCode")
	}
	if err := checkAmount("pay", in.Pay, MaxPeriodPay); err != nil {
		return PAYEResult{}, err
	}
	if err := checkAmount("taxable pay earlier in the year", in.PreviousPay, MaxYearToDate); err != nil {
		return PAYEResult{}, err
	}
	if err := checkAmount("tax earlier in the year", in.PreviousTax, MaxYearToDate); err != nil {
		return PAYEResult{}, err
	}
	return r.paye(in), nil
}

// paye is PAYE without the checks, for input already validated.
func (r *Rates) paye(in PAYEInput) PAYEResult {
	bands := r.Bands(in.Code.Region)
	tp := TablePeriod(in.Frequency, in.Period)
	perYear := int64(52)
	if in.Frequency == Monthly {
		perYear = 12
	}
	res := PAYEResult{
		Cumulative:       !in.Code.NonCumulative() && !in.Week1Month1 && tp <= 52,
		TablePeriod:      tp,
		TaxablePayToDate: in.PreviousPay + in.Pay,
	}
	pay := in.Pay
	if res.Cumulative {
		pay += in.PreviousPay
	} else {
		res.TablePeriod = 1
		if w := in.Frequency.Weeks(); w > 1 {
			res.TablePeriod = w
		}
	}
	p := int64(res.TablePeriod)

	var due int64 // pence
	switch in.Code.Kind {
	case CodeNT:
		// No tax.
	case CodeBR, CodeD:
		res.TaxablePay = pay
		due = int64(pay) / 100 * int64(in.Code.flatRate(bands)) / 100
	default:
		free := freePayPeriod1(in.Code.Number, perYear == 12) * p
		taxable := int64(pay) - free
		if in.Code.Kind == CodeK {
			taxable = int64(pay) + free
		}
		res.FreePay = money.Money(free)
		res.TaxablePay = money.Money(taxable)
		if taxable >= 100 {
			due = bandTax(bands.Bands, taxable/100, p, perYear)
		}
	}
	res.TaxDue = money.Money(due)

	tax := due
	if res.Cumulative {
		tax -= int64(in.PreviousTax)
	}
	if in.Code.Kind == CodeK && tax > 0 {
		// Regulatory limit: at most half of this period's pay.
		if limit := int64(in.Pay) / 2; tax > limit {
			res.Shortfall = money.Money(tax - limit)
			tax = limit
		}
	}
	res.Tax = money.Money(tax)
	res.TaxToDate = in.PreviousTax + res.Tax
	return res
}

// freePayPeriod1 is the free pay (or K code additional pay) for period 1
// of code number n, in pence.
func freePayPeriod1(n int, monthly bool) int64 {
	if n <= 0 {
		return 0
	}
	q := int64(n-1) / 500
	r := int64(n-1)%500 + 1
	if monthly {
		return ceilDiv((r*10+9)*100, 12) + q*freePay500Monthly
	}
	return ceilDiv((r*10+9)*100, 52) + q*freePay500Weekly
}

// bandTax returns the tax in pence on t whole pounds of taxable pay to
// date in period p of perYear (52 or 12), as HMRC computes it.
//
// Each band's limit for the period is Upper x p / perYear. The band is
// chosen by comparing t with the limits rounded up to whole pounds. The
// tax is then t x the band's rate, less each lower band's step in rate x
// its pro-rata limit, rounded down to the penny.
//
// HMRC works this out in binary floating point (IEEE 754 doubles), and its
// published figures carry that arithmetic's rounding: for S1257L in week 4
// with £2,439 taxable, the exact tax is £506.03 but HMRC's double lands on
// 506.02999999999997 and HMRC prints £506.02. To agree with HMRC to the
// penny in every case, this function repeats HMRC's arithmetic step for
// step in float64, with each product rounded on its own (the explicit
// float64 conversions stop the compiler fusing a multiply and add, which it
// may do on arm64). Money comes in and goes out as whole pence; no float
// leaves this function. exactBandTax is the exact rational result, and the
// tests check the two never differ by more than a penny.
func bandTax(bands []Band, t, p, perYear int64) int64 {
	i := 0
	for i < len(bands)-1 && bands[i].Upper != 0 && t > ceilDiv(bands[i].Upper*p, perYear) {
		i++
	}
	rate := func(j int) float64 { return float64(bands[j].Rate) / 10000 }
	f := float64(float64(t) * rate(i))
	for j := 0; j < i; j++ {
		limit := float64(bands[j].Upper*p) / float64(perYear)
		f = f - float64((rate(j+1)-rate(j))*limit)
	}
	return int64(math.Floor(float64(f * 100)))
}

// checkAmount refuses a negative amount or one above max.
func checkAmount(what string, m, max money.Money) error {
	if m < 0 {
		return invalidf("%s cannot be negative (it is %s)", what, m.Format())
	}
	if m > max {
		return invalidf("%s of %s is too large: the most accepted is %s", what, m.Format(), max.Format())
	}
	return nil
}
