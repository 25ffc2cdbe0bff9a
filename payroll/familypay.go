package payroll

import (
	"fmt"
	"strings"
	"time"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/money"
	"patoolkit/text"
)

// FamilyPayKind is one of the statutory family payments.
type FamilyPayKind string

// The statutory family payments.
const (
	// Maternity is Statutory Maternity Pay (SSCBA 1992 Part 12, ss.164-171).
	Maternity FamilyPayKind = "maternity"
	// Paternity is Statutory Paternity Pay, for a birth (SSCBA s.171ZA) or
	// an adoption (s.171ZB).
	Paternity FamilyPayKind = "paternity"
	// Adoption is Statutory Adoption Pay (SSCBA s.171ZL).
	Adoption FamilyPayKind = "adoption"
	// SharedParental is Statutory Shared Parental Pay (SSCBA ss.171ZU-171ZZ5).
	SharedParental FamilyPayKind = "shared-parental"
	// Bereavement is Statutory Parental Bereavement Pay (SSCBA
	// ss.171ZZ6-171ZZ15, Parental Bereavement (Leave and Pay) Act 2018).
	Bereavement FamilyPayKind = "bereavement"
	// Neonatal is Statutory Neonatal Care Pay, for babies born on or after
	// 6 April 2025 (SSCBA Part 12ZE, Neonatal Care (Leave and Pay) Act 2023).
	Neonatal FamilyPayKind = "neonatal"
)

// FamilyPayKinds lists the payments in the order a form offers them.
var FamilyPayKinds = []FamilyPayKind{Maternity, Paternity, Adoption, SharedParental, Bereavement, Neonatal}

// ParseFamilyPayKind reads a kind as typed: "maternity", "paternity",
// "adoption", "shared-parental", "bereavement" or "neonatal" (or the
// payments' short names, SMP, SPP, SAP, ShPP, SPBP, SNCP).
func ParseFamilyPayKind(s string) (FamilyPayKind, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, k := range FamilyPayKinds {
		if t == string(k) || t == strings.ToLower(k.Short()) {
			return k, nil
		}
	}
	return "", invalidf("%q is not a kind of family leave: use maternity, paternity, adoption, shared-parental, bereavement or neonatal", s)
}

// Name is the payment's full name: "Statutory Maternity Pay".
func (k FamilyPayKind) Name() string {
	switch k {
	case Maternity:
		return "Statutory Maternity Pay"
	case Paternity:
		return "Statutory Paternity Pay"
	case Adoption:
		return "Statutory Adoption Pay"
	case SharedParental:
		return "Statutory Shared Parental Pay"
	case Bereavement:
		return "Statutory Parental Bereavement Pay"
	case Neonatal:
		return "Statutory Neonatal Care Pay"
	}
	return "Unknown statutory pay"
}

// Short is the payment's short name, as HMRC writes it: SMP, SPP, SAP,
// ShPP, SPBP, SNCP.
func (k FamilyPayKind) Short() string {
	switch k {
	case Maternity:
		return "SMP"
	case Paternity:
		return "SPP"
	case Adoption:
		return "SAP"
	case SharedParental:
		return "ShPP"
	case Bereavement:
		return "SPBP"
	case Neonatal:
		return "SNCP"
	}
	return "?"
}

// Leave is the kind of leave the payment is paid for: "maternity leave".
func (k FamilyPayKind) Leave() string {
	switch k {
	case SharedParental:
		return "shared parental leave"
	case Bereavement:
		return "parental bereavement leave"
	case Neonatal:
		return "neonatal care leave"
	}
	return string(k) + " leave"
}

// LineKind is the payslip line kind the payment is paid on.
func (k FamilyPayKind) LineKind() LineKind {
	switch k {
	case Maternity:
		return MaternityPay
	case Paternity:
		return PaternityPay
	case Adoption:
		return AdoptionPay
	case SharedParental:
		return SharedParentalPay
	case Bereavement:
		return BereavementPay
	case Neonatal:
		return NeonatalPay
	}
	return 0
}

// FamilyPayKindOf returns the payment a payslip line kind pays, if any.
func FamilyPayKindOf(l LineKind) (FamilyPayKind, bool) {
	for _, k := range FamilyPayKinds {
		if k.LineKind() == l {
			return k, true
		}
	}
	return "", false
}

// MaxWeeks is the most weeks of the payment for one child: 39 of SMP
// (SSCBA s.165(1) and SMP (General) Regulations 1986 reg 2) and of SAP
// (s.171ZN(2)); 2 of SPP (s.171ZE(2), Paternity Leave (Amendment)
// Regulations 2024 allow two separate weeks); 37 of ShPP (the 39 weeks
// less the two compulsory weeks of maternity or adoption leave, Statutory
// Shared Parental Pay (General) Regulations 2014 reg 10); 2 of SPBP
// (Statutory Parental Bereavement Pay (General) Regulations 2020 reg 4); 12
// of SNCP (Statutory Neonatal Care Pay (General) Regulations 2025).
func (k FamilyPayKind) MaxWeeks() int {
	switch k {
	case Maternity, Adoption:
		return 39
	case Paternity, Bereavement:
		return 2
	case SharedParental:
		return 37
	case Neonatal:
		return 12
	}
	return 0
}

// earningsRelatedWeeks is how many weeks are paid at 90% of average weekly
// earnings with no cap: the first 6 of SMP (SSCBA s.166(1)(a)) and of SAP
// (Statutory Paternity Pay and Statutory Adoption Pay (Weekly Rates)
// Regulations 2002 reg 3, as amended in 2015); none of the others, which
// pay the lower of the flat rate and 90% throughout.
func (k FamilyPayKind) earningsRelatedWeeks() int {
	if k == Maternity || k == Adoption {
		return 6
	}
	return 0
}

// FamilyLeave is one episode of family leave with its key dates: what the
// employer is told, from which the payment is worked out.
type FamilyLeave struct {
	Kind FamilyPayKind `json:"kind"`
	// Expected is the day the baby is due (from form MATB1): its Sunday to
	// Saturday week is the expected week of childbirth. Maternity, and
	// paternity, shared parental and neonatal pay for a birth.
	Expected civil.Date `json:"expected,omitempty"`
	// Matched is the day the adopter was told they had been matched with
	// a child: its week is the matching week. Adoption, and paternity,
	// shared parental and neonatal pay for an adoption.
	Matched civil.Date `json:"matched,omitempty"`
	// Birth is the child's date of birth (or placement, for an adoption),
	// once known.
	Birth civil.Date `json:"birth,omitempty"`
	// Death is the day the child died or was stillborn (bereavement).
	Death civil.Date `json:"death,omitempty"`
	// CareFrom is the day neonatal care began (neonatal).
	CareFrom civil.Date `json:"care_from,omitempty"`
	// From is the first day of the pay (the leave's start); To the last
	// day of the leave, zero for all the weeks claimed.
	From civil.Date `json:"from"`
	To   civil.Date `json:"to,omitempty"`
	// Weeks is how many weeks of pay are claimed (see MaxWeeks).
	Weeks int `json:"weeks"`
}

// leaveError is the refusal of one field of a FamilyLeave.
type leaveError struct{ field, msg string }

func (e *leaveError) Error() string { return e.msg }

func (e *leaveError) Unwrap() []error {
	return []error{ErrInvalid, field.Error{Field: e.field, Message: e.msg}}
}

func leaveInvalid(name, format string, a ...any) error {
	return &leaveError{field: name, msg: strings.TrimSpace(fmt.Sprintf(format, a...))}
}

// End is the last day of the weeks claimed, or of the leave when it ends
// sooner.
func (l FamilyLeave) End() civil.Date {
	end := l.From.AddDays(7*l.Weeks - 1)
	if !l.To.IsZero() && l.To.Before(end) {
		return l.To
	}
	return end
}

// QualifyingWeek returns the Sunday that starts the week the tests are
// made at (see FamilyPay): the 15th week before the expected week of
// childbirth, the matching week, or the relevant week.
func (l FamilyLeave) QualifyingWeek() civil.Date {
	switch {
	case l.Kind == Bereavement:
		return sundayOf(l.Death).AddDays(-7)
	case l.adopted():
		return sundayOf(l.Matched)
	case !l.Expected.IsZero():
		return sundayOf(l.Expected).AddDays(-15 * 7)
	}
	return sundayOf(l.CareFrom).AddDays(-7) // neonatal care with no due date given
}

// adopted reports whether the leave is for an adopted child.
func (l FamilyLeave) adopted() bool {
	return l.Kind == Adoption || ((l.Kind == Paternity || l.Kind == SharedParental || l.Kind == Neonatal) && !l.Matched.IsZero())
}

// Validate checks the episode's dates and weeks: every problem at once,
// one for each field, with a plain message (field errors wrapping
// ErrInvalid; errors.As finds the first as a field.Error).
func (l FamilyLeave) Validate() error {
	if errs := l.Problems(); len(errs) > 0 {
		return &leaveErrors{errs: errs}
	}
	return nil
}

// leaveErrors is the refusal of the fields of a FamilyLeave.
type leaveErrors struct{ errs field.Errors }

func (e *leaveErrors) Error() string { return e.errs.Error() }

func (e *leaveErrors) Unwrap() []error {
	return []error{ErrInvalid, e.errs, e.errs[0]}
}

// Problems is every problem of the episode, the first found for each
// field ("kind", "expected", "matched", "birth", "death", "care_from",
// "from", "to", "weeks").
func (l FamilyLeave) Problems() field.Errors {
	var errs field.Errors
	add := func(name, format string, a ...any) {
		if errs.For(name) == "" {
			errs.Add(name, "%s", strings.TrimSpace(fmt.Sprintf(format, a...)))
		}
	}
	if _, err := ParseFamilyPayKind(string(l.Kind)); err != nil || l.Kind == "" {
		add("kind", "Choose the kind of leave: maternity, paternity, adoption, shared parental, bereavement or neonatal care.")
		return errs
	}
	name := l.Kind.Name()
	switch l.Kind {
	case Maternity:
		if l.Expected.IsZero() {
			add("expected", "Enter the day the baby is due, from her MATB1 form: %s is worked out from the week it falls in.", name)
		}
	case Adoption:
		if l.Matched.IsZero() {
			add("matched", "Enter the day they were told they had been matched with the child: %s is worked out from that week.", name)
		}
	case Paternity, SharedParental:
		if l.Expected.IsZero() && l.Matched.IsZero() {
			add("expected", "Enter the day the baby is due, or for an adoption the day they were told of the match: %s is worked out from that week.", name)
		}
	case Bereavement:
		if l.Death.IsZero() {
			add("death", "Enter the date the child died or was stillborn: %s is worked out from the week before it.", name)
		}
	case Neonatal:
		if l.Birth.IsZero() {
			add("birth", "Enter the baby's date of birth: %s is for babies born on or after 6 April 2025.", name)
		}
		if l.CareFrom.IsZero() {
			add("care_from", "Enter the day the baby's neonatal care began.")
		} else if !l.Birth.IsZero() && l.CareFrom.Before(l.Birth) {
			add("care_from", "Neonatal care began on %s, before the birth on %s: check the dates.", l.CareFrom.UK(), l.Birth.UK())
		}
	}
	if !l.Expected.IsZero() && !l.Matched.IsZero() {
		add("matched", "Give the due date for a birth or the matching date for an adoption, not both.")
	}
	if l.From.IsZero() {
		add("from", "Enter the first day of the %s.", l.Kind.Leave())
	}
	if !l.From.IsZero() && !l.To.IsZero() && l.To.Before(l.From) {
		add("to", "The leave ends on %s, before it starts on %s: check the dates.", l.To.UK(), l.From.UK())
	}
	if max := l.Kind.MaxWeeks(); l.Weeks < 1 || l.Weeks > max {
		add("weeks", "%s is paid for 1 to %s: enter the weeks claimed.", name, text.Count(max, "week", "weeks"))
	}
	if l.From.IsZero() {
		return errs
	}
	switch l.Kind {
	case Maternity:
		// SMP (General) Regulations 1986 reg 2: the maternity pay period
		// starts no earlier than the 11th week before the expected week of
		// childbirth.
		if l.Expected.IsZero() {
			break
		}
		if earliest := sundayOf(l.Expected).AddDays(-77); l.From.Before(earliest) {
			add("from", "Statutory Maternity Pay can start no earlier than %s, the start of the 11th week before the week the baby is due.", earliest.UK())
		}
		if !l.Birth.IsZero() && l.From.After(l.Birth.AddDays(1)) {
			add("from", "Statutory Maternity Pay starts on the day after the birth (%s) at the latest (SSCBA s.165(2)).", l.Birth.AddDays(1).UK())
		}
	case Paternity, SharedParental:
		if !l.Birth.IsZero() && l.From.Before(l.Birth) {
			add("from", "%s starts on or after the child's birth or placement (%s).", name, l.Birth.UK())
		}
	case Adoption:
		if !l.Matched.IsZero() && l.From.Before(l.Matched) {
			add("from", "Statutory Adoption Pay starts after the match (%s), from the placement or up to 14 days before it.", l.Matched.UK())
		}
	case Bereavement:
		if !l.Death.IsZero() && l.From.Before(l.Death) {
			add("from", "Statutory Parental Bereavement Pay starts on or after the day the child died (%s).", l.Death.UK())
		}
	case Neonatal:
		if !l.Birth.IsZero() && l.From.Before(l.Birth) {
			add("from", "Statutory Neonatal Care Pay starts after the birth (%s).", l.Birth.UK())
		}
	}
	return errs
}

// FamilyPayInput is an episode of family leave and the employment and
// pay it is worked out from.
type FamilyPayInput struct {
	Leave FamilyLeave
	// EmployedFrom is the first day of the employment; LeftOn the last,
	// zero while it goes on.
	EmployedFrom, LeftOn civil.Date
	// Paid are the worker's paydays and earnings for NI, from their
	// stored payslips; Monthly is true for monthly pay.
	Paid    []PaidOn
	Monthly bool
}

// FamilyPayWeek is one week of the payment: seven days from Start, at
// Rate.
type FamilyPayWeek struct {
	Start civil.Date
	Rate  money.Money
	// EarningsRelated is true for the weeks at 90% of average weekly
	// earnings with no cap (the first six of SMP and SAP).
	EarningsRelated bool
}

// End is the week's last day.
func (w FamilyPayWeek) End() civil.Date { return w.Start.AddDays(6) }

// FamilyPayResult is what is due for an episode of family leave.
type FamilyPayResult struct {
	Kind FamilyPayKind
	// QualifyingWeek is the Sunday that starts the week the tests are
	// made at: the qualifying week (15th week before the expected week of
	// childbirth), the matching week, or the relevant week.
	QualifyingWeek civil.Date
	// LatestStart is the last day the employment could have started and
	// still reach 26 weeks by the end of the qualifying week.
	LatestStart civil.Date
	// AWE is the average weekly earnings over the relevant period; LEL the
	// lower earnings limit it must reach; Ninety is 90% of AWE rounded up
	// to the penny.
	AWE    AWEResult
	LEL    money.Money
	Ninety money.Money
	// Due is true when the worker is entitled; Weeks the weeks paid and
	// Total their sum.
	Due   bool
	Weeks []FamilyPayWeek
	Total money.Money
	// Reasons say in plain words why the payment, or a week of it, is not
	// due. Tell says what the employer must then do (give form SMP1, ...)
	// when the worker is not entitled at all.
	Reasons []string
	Tell    string
}

// SmallEmployerYear is the tax year whose Class 1 NI decides Small
// Employers' Relief: the last complete one before the qualifying week.
func (r FamilyPayResult) SmallEmployerYear() TaxYear { return TaxYearOf(r.QualifyingWeek) - 1 }

// AmountBetween returns the payment for the days from from to to
// inclusive: each week's days at the weekly rate / 7 (SSCBA s.166(4) and
// the same rule for the other payments), the days of one week in the
// period rounded up to the penny (SMP (General) Regulations 1986 reg 28
// rounds a fraction of a penny up; check for part weeks). A whole week is
// its weekly rate exactly.
func (r FamilyPayResult) AmountBetween(from, to civil.Date) money.Money {
	var total money.Money
	for _, w := range r.Weeks {
		first, last := w.Start, w.End()
		if first.Before(from) {
			first = from
		}
		if last.After(to) {
			last = to
		}
		if last.Before(first) {
			continue
		}
		n := last.DaysSince(first) + 1
		total += money.Money(ceilDiv(int64(w.Rate)*int64(n), 7))
	}
	return total
}

// DaysBetween counts the paid days from from to to inclusive.
func (r FamilyPayResult) DaysBetween(from, to civil.Date) int {
	n := 0
	for _, w := range r.Weeks {
		for d := w.Start; !d.After(w.End()); d = d.AddDays(1) {
			if !d.Before(from) && !d.After(to) {
				n++
			}
		}
	}
	return n
}

// sundayOf returns the Sunday that starts d's week (Sunday to Saturday).
func sundayOf(d civil.Date) civil.Date { return d.AddDays(-int(d.Weekday())) }

// firstSundayInApril returns the first Sunday in April of a year.
func firstSundayInApril(year int) civil.Date {
	d := civil.New(year, time.April, 1)
	return d.AddDays((7 - int(d.Weekday())) % 7)
}

// familyRatesForWeek returns the rates for a pay week starting on start:
// a week that begins on or after the first Sunday in April takes that
// year's new rate (gov.uk "Statutory Maternity Pay: employer guide" and
// the other employer guides; the Social Security Benefits Up-rating Order
// each year).
func familyRatesForWeek(start civil.Date) (*Rates, bool) {
	var best *Rates
	for _, r := range registry {
		if !start.Before(firstSundayInApril(int(r.Year))) {
			best = r
		}
	}
	if best == nil || !start.Before(firstSundayInApril(int(best.Year)+1)) {
		return nil, false
	}
	return best, true
}

// FamilyPay works out a statutory family payment for an episode of leave:
//
// The qualifying week: the 15th week before the expected week of
// childbirth for SMP (SSCBA s.164(2)(a)) and for SPP, ShPP and SNCP for a
// birth; the matching week for SAP (s.171ZL(2)(b)) and for SPP, ShPP and
// SNCP for an adoption; for SPBP the relevant week, the week before the
// week the child died (SPBP (General) Regulations 2020 reg 3); for SNCP
// with neither a due date nor a match, the week before the week neonatal
// care began (gov.uk "Statutory Neonatal Care Pay and Leave: employer
// guide"). Weeks run Sunday to Saturday.
//
// Continuous employment of 26 weeks ending with the qualifying week, any
// part of a week counting (SMP (General) Regulations 1986 reg 11 and the
// matching rules for the others), so the employment must have started by
// the Saturday 25 weeks before the qualifying week; and still employed in
// it (for SPP until the birth, for SPBP until the death).
//
// Average weekly earnings over the relevant period ending with the last
// payday on or before the qualifying week's Saturday (SMP (General)
// Regulations 1986 reg 21; AverageWeeklyEarnings), from the stored
// payslips' earnings for NI, at least the weekly lower earnings limit in
// force at the end of the qualifying week (s.164(2)(b)). For a baby born
// before or during the qualifying week the period ends with the last
// payday before the week of the birth (reg 21(4), gov.uk "Work out your
// employee's payments for Statutory Maternity Pay").
//
// The weeks run seven days at a time from the first day of pay: the first
// 6 weeks of SMP and SAP at 90% of AWE, every other week at the lower of
// the year's flat rate and 90% of AWE (s.166(1)); 90% of AWE is rounded up
// to the penny (SMP (General) Regulations 1986 reg 28). A week that
// begins on or after the first Sunday in April takes the new flat rate. No
// payment is due for a week in which the worker works, so a week cut short
// by the end of the leave is not paid (s.165(4)).
func FamilyPay(in FamilyPayInput) (FamilyPayResult, error) {
	l := in.Leave
	if err := l.Validate(); err != nil {
		return FamilyPayResult{}, err
	}
	if in.EmployedFrom.IsZero() {
		return FamilyPayResult{}, invalid("the worker's start date is not known: enter it with their details")
	}
	res := FamilyPayResult{Kind: l.Kind}
	name := l.Kind.Name()
	reason := func(format string, a ...any) { res.Reasons = append(res.Reasons, fmt.Sprintf(format, a...)) }

	// The qualifying week and the end of the relevant period.
	qw := l.QualifyingWeek()
	res.QualifyingWeek = qw
	awEnd := qw.AddDays(6)
	early := !l.adopted() && !l.Birth.IsZero() && (l.Kind == Maternity || l.Kind == Paternity || l.Kind == SharedParental) && !l.Birth.After(awEnd)
	if early {
		awEnd = sundayOf(l.Birth).AddDays(-1)
	}
	qwRates, err := RatesOn(awEnd)
	if err != nil {
		return FamilyPayResult{}, err
	}
	res.LEL = qwRates.NIThresholds[Weekly.index()].LEL
	res.LatestStart = qw.AddDays(-25*7 + 6)

	entitled := true
	notEntitled := func(format string, a ...any) {
		entitled = false
		reason(format, a...)
	}
	if l.Kind == Neonatal && l.Birth.Before(civil.New(2025, time.April, 6)) {
		notEntitled("%s is only for babies born on or after 6 April 2025; this baby was born on %s", name, l.Birth.UK())
	}
	if l.Kind == Neonatal && l.CareFrom.After(l.Birth.AddDays(28)) {
		notEntitled("neonatal care began on %s, more than 28 days after the birth on %s, so it does not count for %s", l.CareFrom.UK(), l.Birth.UK(), name)
	}

	// Continuous employment.
	if in.EmployedFrom.After(res.LatestStart) {
		weeks := qw.AddDays(7).DaysSince(sundayOf(in.EmployedFrom)) / 7
		if weeks < 0 {
			weeks = 0
		}
		notEntitled("they started on %s, so by the end of the qualifying week (%s to %s) they had been employed for %s, not the 26 weeks needed: the latest start date that qualifies is %s",
			in.EmployedFrom.UK(), qw.UK(), qw.AddDays(6).UK(), text.Count(weeks, "week", "weeks"), res.LatestStart.UK())
	}
	if !in.LeftOn.IsZero() {
		switch {
		case in.LeftOn.Before(qw) && !early:
			notEntitled("they left on %s, before the qualifying week (%s to %s)", in.LeftOn.UK(), qw.UK(), qw.AddDays(6).UK())
		case l.Kind == Paternity && !l.Birth.IsZero() && in.LeftOn.Before(l.Birth):
			notEntitled("they left on %s, before the child's birth or placement on %s", in.LeftOn.UK(), l.Birth.UK())
		case l.Kind == Bereavement && in.LeftOn.Before(l.Death):
			notEntitled("they left on %s, before the child died on %s", in.LeftOn.UK(), l.Death.UK())
		}
	}

	// Average weekly earnings.
	res.AWE = AverageWeeklyEarnings(awEnd.AddDays(1), in.Paid, in.Monthly)
	switch {
	case !res.AWE.Known:
		entitled = false
		reason("no payday on or before %s is stored, so their average weekly earnings cannot be worked out from their payslips: finalise their earlier pay runs first, or work %s out by HMRC's rules for a new employee", awEnd.UK(), name)
	case res.AWE.AWE < res.LEL:
		notEntitled("their average weekly earnings were %s (%s up to %s), below the lower earnings limit of %s a week",
			res.AWE.AWE.Format(), text.Count(res.AWE.Paydays, "payday", "paydays"), res.AWE.To.UK(), res.LEL.Format())
	}
	res.Ninety = ninetyPercentOfAWE(res.AWE, in.Paid, in.Monthly)

	if !entitled {
		if res.AWE.Known || len(res.Reasons) > 1 {
			res.Tell = tellNotEntitled(l.Kind)
		}
		return res, nil
	}

	// The window the weeks must fall in.
	var windowEnd civil.Date
	var windowWhat string
	switch l.Kind {
	case Paternity, SharedParental:
		if l.Birth.IsZero() {
			res.Due = true
			reason("%s is paid from the child's birth or placement: enter its date when it comes, and the weeks will be paid", name)
			return res, nil
		}
		windowEnd, windowWhat = l.Birth.AddDays(52*7-1), "52 weeks after the birth or placement"
	case Bereavement:
		windowEnd, windowWhat = l.Death.AddDays(56*7-1), "56 weeks after the child died"
	case Neonatal:
		windowEnd, windowWhat = l.Birth.AddDays(68*7-1), "68 weeks after the birth"
	}

	res.Due = true
	end := l.End()
	related := l.Kind.earningsRelatedWeeks()
	for i := 0; i < l.Weeks; i++ {
		w := FamilyPayWeek{Start: l.From.AddDays(7 * i)}
		if w.End().After(end) {
			if !w.Start.After(end) {
				reason("the week from %s to %s is not paid: the leave ends on %s, during it, and no %s is due for a week in which they work", w.Start.UK(), w.End().UK(), end.UK(), name)
			}
			break
		}
		if !windowEnd.IsZero() && w.End().After(windowEnd) {
			reason("the week from %s is not paid: %s must be taken within %s (by %s)", w.Start.UK(), name, windowWhat, windowEnd.UK())
			break
		}
		r, ok := familyRatesForWeek(w.Start)
		if !ok {
			reason("the week from %s is not paid yet: the toolkit does not have the %s rate for weeks from then; a newer version will", w.Start.UK(), name)
			break
		}
		w.EarningsRelated = i < related
		w.Rate = res.Ninety
		if !w.EarningsRelated {
			w.Rate = min(r.FamilyPay.WeeklyRate, res.Ninety)
		}
		res.Weeks = append(res.Weeks, w)
		res.Total += w.Rate
	}
	return res, nil
}

// ninetyPercentOfAWE is 90% of the unrounded average weekly earnings,
// rounded up to the penny (SMP (General) Regulations 1986 reg 28): the
// earnings paid in the relevant period x 7 / its days, or for monthly pay
// x 12 / 52 / its months (AverageWeeklyEarnings), times 90%.
func ninetyPercentOfAWE(a AWEResult, paid []PaidOn, monthly bool) money.Money {
	if !a.Known || a.Paydays == 0 {
		return 0
	}
	var total int64
	for _, p := range paid {
		if p.Payday.After(a.From) && !p.Payday.After(a.To) {
			total += int64(p.Pay)
		}
	}
	if monthly {
		return money.Money(ceilDiv(total*12*90, 52*int64(a.Paydays)*100))
	}
	span := int64(a.To.DaysSince(a.From))
	if span <= 0 {
		span = 7
	}
	return money.Money(ceilDiv(total*7*90, span*100))
}

// tellNotEntitled is what an employer must do when a worker is not
// entitled to the payment (gov.uk's employer guide for each payment).
func tellNotEntitled(k FamilyPayKind) string {
	switch k {
	case Maternity:
		return "Give her form SMP1 within 7 days of deciding she is not entitled, with the reason, and keep a copy: she can then claim Maternity Allowance from Jobcentre Plus."
	case Adoption:
		return "Give them form SAP1 within 7 days of their notice, with the reason, and keep a copy."
	case Paternity:
		return "Give them form SPP1 within 28 days of their claim, with the reason, and keep a copy."
	case Bereavement:
		return "Give them form SPBP1 within 28 days of their claim, with the reason, and keep a copy."
	case SharedParental:
		return "Tell them in writing, within 28 days of their notice, that they are not entitled and why, and keep a copy."
	case Neonatal:
		return "Tell them in writing, within 28 days of their claim, that they are not entitled and why, and keep a copy."
	}
	return ""
}

// SmallEmployer reports whether an employer has Small Employers' Relief
// for a payment whose qualifying week starts on qw: their Class 1 NI
// (employee's and employer's, before the Employment Allowance) for the
// last complete tax year before it was the limit (£45,000) or less (SMP
// (Compensation of Employers) and Miscellaneous Amendment Regulations
// 1994; gov.uk "Get financial help with statutory pay").
func SmallEmployer(qw civil.Date, class1 money.Money) (bool, error) {
	r, err := RatesOn(qw)
	if err != nil {
		return false, err
	}
	return class1 <= r.FamilyPay.SmallEmployerLimit, nil
}

// FamilyPayRecovery returns the share of statutory family pay paid on
// payday that the employer recovers from HMRC: 92%, or with Small
// Employers' Relief the year's rate (103% in 2024-25, 108.5% in 2025-26,
// 109% in 2026-27: the payment and compensation for the NI on it).
func FamilyPayRecovery(payday civil.Date, small bool) (Percent, error) {
	r, err := RatesOn(payday)
	if err != nil {
		return 0, err
	}
	if small {
		return r.FamilyPay.SmallEmployerRecovery, nil
	}
	return r.FamilyPay.Recovery, nil
}

// Recovered is the amount recovered of a payment at a rate, rounded to
// the nearest penny (halves up; check: HMRC's guidance names no rounding).
func Recovered(amount money.Money, rate Percent) money.Money { return rate.OfHalfUp(amount) }
