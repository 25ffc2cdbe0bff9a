package payroll

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"patoolkit/civil"
)

// HMRCPeriod is a tax month (1-12) or, when Quarterly, a tax quarter (1-4)
// of a tax year: the periods an employer pays HMRC for (what HMRC's
// employer payment record, the old form P32, lists). Tax months run from
// the 6th of one month to the 5th of the next; quarters end on 5 July, 5
// October, 5 January and 5 April.
type HMRCPeriod struct {
	Year      TaxYear
	Quarterly bool
	N         int
}

// HMRCPeriodOf returns the tax month, or when quarterly the tax quarter,
// that holds d.
func HMRCPeriodOf(d civil.Date, quarterly bool) HMRCPeriod {
	m := int(d.Month)
	if d.Day < 6 {
		m--
	}
	n := (m-int(time.April)+12)%12 + 1
	p := HMRCPeriod{Year: TaxYearOf(d), Quarterly: quarterly, N: n}
	if quarterly {
		p.N = (n-1)/3 + 1
	}
	return p
}

// HMRCPeriods returns the 12 tax months, or the 4 tax quarters, of y in
// order.
func HMRCPeriods(y TaxYear, quarterly bool) []HMRCPeriod {
	n := 12
	if quarterly {
		n = 4
	}
	ps := make([]HMRCPeriod, n)
	for i := range ps {
		ps[i] = HMRCPeriod{Year: y, Quarterly: quarterly, N: i + 1}
	}
	return ps
}

// months returns the first and last tax months (1-12) the period covers.
func (p HMRCPeriod) months() (first, last int) {
	if p.Quarterly {
		return 3*(p.N-1) + 1, 3 * p.N
	}
	return p.N, p.N
}

// valid reports whether N is in range for the kind of period.
func (p HMRCPeriod) valid() bool {
	if p.Quarterly {
		return p.N >= 1 && p.N <= 4
	}
	return p.N >= 1 && p.N <= 12
}

// Start returns the first day, a 6th.
func (p HMRCPeriod) Start() civil.Date {
	first, _ := p.months()
	return p.Year.Start().AddMonths(first - 1)
}

// End returns the last day, a 5th.
func (p HMRCPeriod) End() civil.Date {
	_, last := p.months()
	return p.Year.Start().AddMonths(last).AddDays(-1)
}

// Contains reports whether d falls in the period.
func (p HMRCPeriod) Contains(d civil.Date) bool {
	return !d.Before(p.Start()) && !d.After(p.End())
}

// Key gives the stable form used to store the period and in JSON:
// "2026-27 M08" for a tax month, "2026-27 Q3" for a quarter. ParseHMRCPeriod
// reads it back.
func (p HMRCPeriod) Key() string {
	if p.Quarterly {
		return p.Year.String() + " Q" + strconv.Itoa(p.N)
	}
	return fmt.Sprintf("%s M%02d", p.Year, p.N)
}

// ParseHMRCPeriod reads a Key ("2026-27 M08", "2026-27 Q3") and refuses
// any other form.
func ParseHMRCPeriod(s string) (HMRCPeriod, error) {
	fail := func() (HMRCPeriod, error) {
		return HMRCPeriod{}, invalidf("%q is not an HMRC payment period: write it like 2026-27 M08 (tax month 8) or 2026-27 Q3 (quarter 3)", s)
	}
	year, rest, ok := strings.Cut(s, " ")
	if !ok || len(year) != 7 || len(rest) < 2 {
		return fail()
	}
	y, err := ParseTaxYear(year)
	if err != nil {
		return fail()
	}
	p := HMRCPeriod{Year: y}
	switch rest[0] {
	case 'M':
	case 'Q':
		p.Quarterly = true
	default:
		return fail()
	}
	if !allDigits(rest[1:]) {
		return fail()
	}
	p.N, err = strconv.Atoi(rest[1:])
	// Only the exact form Key gives is accepted, so a stored key has one
	// spelling.
	if err != nil || !p.valid() || p.Key() != s {
		return fail()
	}
	return p, nil
}

// Label describes the period for a person: "Month 8: 6 November to 5
// December 2026", "Quarter 3: 6 October 2026 to 5 January 2027".
func (p HMRCPeriod) Label() string {
	start, end := p.Start(), p.End()
	name := "Month "
	if p.Quarterly {
		name = "Quarter "
	}
	from := start.Long()
	if start.Year == end.Year {
		from = strconv.Itoa(start.Day) + " " + start.Month.String()
	}
	return name + strconv.Itoa(p.N) + ": " + from + " to " + end.Long()
}

// DueDate returns the day by which HMRC must receive the PAYE and NI for
// the period when paying electronically: the 22nd of the month in which
// the period ends (22 May for month 1, 22 July for quarter 1). When that is
// a Saturday, Sunday or a bank holiday (isHoliday reports those; it may be
// nil) the payment must reach HMRC by the working day before. (GOV.UK "Pay
// employers' PAYE", https://www.gov.uk/pay-paye-tax: "make sure your
// payment reaches HMRC on the last working day before it (unless you're
// paying by Faster Payments)"; the earlier date is the safe one to show.
// By cheque through the post the deadline is the 19th, which the toolkit
// does not use.)
func (p HMRCPeriod) DueDate(isHoliday func(civil.Date) bool) civil.Date {
	end := p.End()
	return civil.WorkingDayOnOrBefore(civil.Date{Year: end.Year, Month: end.Month, Day: 22}, isHoliday)
}

// FilingKind is the kind of a submission to HMRC.
type FilingKind string

// The submissions an employer sends through RTI.
const (
	// FilingFPS is a Full Payment Submission, sent on or before each payday.
	FilingFPS FilingKind = "fps"
	// FilingNilEPS is an Employer Payment Summary saying no one was paid in a
	// tax month.
	FilingNilEPS FilingKind = "nil-eps"
	// FilingAllowanceEPS is an Employer Payment Summary claiming the Employment
	// Allowance for the year.
	FilingAllowanceEPS FilingKind = "allowance-eps"
	// FilingFinal is telling HMRC the year's payroll is complete: the last
	// FPS of the year marked as the final submission, or else an EPS
	// marked final by 19 April.
	FilingFinal FilingKind = "final"
	// FilingP60 is giving each PA employed on 5 April their P60, by 31 May.
	FilingP60 FilingKind = "p60"
)

// order puts an FPS before an EPS due the same day.
func (k FilingKind) order() int {
	switch k {
	case FilingFPS:
		return 0
	case FilingNilEPS:
		return 1
	default:
		return 2
	}
}

// Filing is one submission due to HMRC.
type Filing struct {
	Kind FilingKind
	// Due is the last day to send it.
	Due civil.Date
	// Payday is the payday an FPS reports (zero for an EPS).
	Payday civil.Date
	// Period is the tax month the submission belongs to.
	Period HMRCPeriod
	// What says in plain English what to send and by when.
	What string
}

// epsDue is the 19th of the month in which tax month p ends. HMRC does not
// move RTI deadlines for weekends or bank holidays (unlike the payment
// date): an EPS due on a Sunday 19th must be sent by that Sunday, so it is
// wise to send it earlier. (GOV.UK "Running payroll: reporting to HMRC: EPS",
// https://www.gov.uk/running-payroll/reporting-to-hmrc-eps: send an EPS "by the
// 19th of the following tax month".)
func epsDue(p HMRCPeriod) civil.Date {
	end := p.End()
	return civil.Date{Year: end.Year, Month: end.Month, Day: 19}
}

// Filings lists what must be sent to HMRC for tax year y:
//   - an FPS due on or before each payday in paydays that falls in y (one
//     for each different payday; paydays outside y are left out);
//   - a nil EPS, due by the 19th after the tax month ends, for each tax
//     month that holds no payday, counting only months that start on or
//     after from and end on or before to (the service passes the first
//     payday ever made and today, so months before the employer started
//     or not yet over are left out; a zero from or to lists none);
//   - when claimAllowance, one Employment Allowance claim on an EPS, due by
//     the 19th after the first tax month that holds a payday in y. HMRC
//     lets it be claimed at any time in the year; claiming it with the
//     first EPS is the habit the toolkit teaches;
//   - when y holds a payday, the year end: the final submission for the
//     year, by 19 April after it (GOV.UK "Payroll: annual reporting and
//     tasks": mark the last FPS as final, or send an EPS by 19 April), and
//     the P60s, by 31 May.
//
// The list is sorted by due date, an FPS before an EPS on the same date.
func Filings(y TaxYear, paydays []civil.Date, from, to civil.Date, claimAllowance bool) []Filing {
	var out []Filing
	seen := make(map[civil.Date]bool, len(paydays))
	var paidMonths [13]bool
	first := 0
	for _, d := range paydays {
		if d.IsZero() || !y.Contains(d) || seen[d] {
			continue
		}
		seen[d] = true
		m := HMRCPeriodOf(d, false)
		paidMonths[m.N] = true
		if first == 0 || m.N < first {
			first = m.N
		}
		out = append(out, Filing{
			Kind: FilingFPS, Due: d, Payday: d, Period: m,
			What: "Full Payment Submission (FPS) for the payday " + d.UK() + ": send it on or before the payday.",
		})
	}
	if !from.IsZero() && !to.IsZero() {
		for _, m := range HMRCPeriods(y, false) {
			if paidMonths[m.N] || m.Start().Before(from) || m.End().After(to) {
				continue
			}
			due := epsDue(m)
			out = append(out, Filing{
				Kind: FilingNilEPS, Due: due, Period: m,
				What: "Nil Employer Payment Summary (EPS) for tax month " + strconv.Itoa(m.N) + " (" + m.Start().Long() + " to " + m.End().Long() +
					"): no one was paid, so tell HMRC by " + due.UK() + ".",
			})
		}
	}
	if claimAllowance && first != 0 {
		m := HMRCPeriod{Year: y, N: first}
		due := epsDue(m)
		out = append(out, Filing{
			Kind: FilingAllowanceEPS, Due: due, Period: m,
			What: "Employment Allowance claim for " + y.String() + " on an Employer Payment Summary (EPS): send it by " + due.UK() +
				", with your first EPS of the year (HMRC accepts the claim at any time in the tax year).",
		})
	}
	if first != 0 {
		end := y.End()
		out = append(out, Filing{
			Kind: FilingFinal, Due: civil.Date{Year: end.Year, Month: time.April, Day: 19}, Period: HMRCPeriod{Year: y, N: 12},
			What: "The year end for " + y.String() + ": tell HMRC the year's payroll is complete. On the FPS of the last payday of the year answer Yes to \"final submission for the tax year\"; if that FPS has gone without it, send an EPS marked final for the year instead, by 19 April.",
		}, Filing{
			Kind: FilingP60, Due: civil.Date{Year: end.Year, Month: time.May, Day: 31}, Period: HMRCPeriod{Year: y, N: 12},
			What: "P60s for " + y.String() + ": give one to each PA who worked for you on " + end.Long() + ", by 31 May (they are not sent to HMRC).",
		})
	}
	sortFilings(out)
	return out
}

// sortFilings sorts by due date, then kind (FPS first), then payday.
func sortFilings(fs []Filing) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if c := a.Due.Compare(b.Due); c != 0 {
			return c < 0
		}
		if a.Kind.order() != b.Kind.order() {
			return a.Kind.order() < b.Kind.order()
		}
		return a.Payday.Before(b.Payday)
	})
}
