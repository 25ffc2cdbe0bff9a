// Package household holds the records of a direct payment employer: the
// direct payment accounts, the employer's details, the personal assistants
// (PAs), their contracts and rates, and employer's liability insurance; and
// the rules that say whether a record is complete and correct. It is pure:
// no storage, no clock, no user interface.
package household

import (
	"patoolkit/civil"
	"patoolkit/money"
)

// Capacity says in what role the person who manages the money acts.
type Capacity string

const (
	// Self: the person supported manages their own direct payment.
	Self Capacity = "self"
	// SuitablePerson: a family member or friend holds an indirect payment
	// for someone who cannot consent; they are the legal employer.
	SuitablePerson Capacity = "suitable-person"
	// NominatedPerson: someone the person supported has chosen to manage
	// the money for them.
	NominatedPerson Capacity = "nominated-person"
)

// Capacities lists the capacities in the order a form offers them.
var Capacities = []Capacity{Self, SuitablePerson, NominatedPerson}

// Label is the plain-English name of a capacity.
func (c Capacity) Label() string { return labelled(c) }

// Frequency is how often money is paid: the council's payment, the client
// contribution, or wages.
type Frequency string

const (
	Weekly      Frequency = "weekly"
	Fortnightly Frequency = "fortnightly"
	FourWeekly  Frequency = "four-weekly"
	Monthly     Frequency = "monthly"
)

// PaymentFrequencies are the schedules a council pays a direct payment on.
var PaymentFrequencies = []Frequency{Weekly, FourWeekly, Monthly}

// PayFrequencies are the schedules an employer may pay wages on.
var PayFrequencies = []Frequency{Weekly, Fortnightly, FourWeekly, Monthly}

// Label is the plain-English name of a frequency.
func (f Frequency) Label() string { return labelled(f) }

// ReturnPeriod is how often the council asks for an audit return.
type ReturnPeriod string

const (
	ReturnMonthly   ReturnPeriod = "monthly"
	ReturnQuarterly ReturnPeriod = "quarterly"
	ReturnHalfYear  ReturnPeriod = "six-monthly"
	ReturnYearly    ReturnPeriod = "yearly"
)

// ReturnPeriods lists the return periods in the order a form offers them.
var ReturnPeriods = []ReturnPeriod{ReturnMonthly, ReturnQuarterly, ReturnHalfYear, ReturnYearly}

// Label is the plain-English name of a return period.
func (r ReturnPeriod) Label() string { return labelled(r) }

// Account is one direct payment (or indirect payment) agreement with a
// council, and the bank account or card that holds it.
type Account struct {
	ID   int64
	Name string // a short name chosen by the person, e.g. "Tom's care"; unique in the file

	PersonSupported string
	ManagedBy       string
	Capacity        Capacity

	Council          string
	CouncilReference string

	Payment               money.Money // gross payment from the council, per PaymentFrequency
	PaymentFrequency      Frequency
	Contribution          money.Money // the person's own contribution, per ContributionFrequency
	ContributionFrequency Frequency

	SupportMinutesPerWeek int // support hours agreed with the council, in minutes
	StartDate             civil.Date

	ReturnPeriod      ReturnPeriod
	SurplusLimitWeeks int         // surplus above this many weeks of payment may be clawed back
	Contingency       money.Money // agreed contingency the council lets the person keep
	ReviewDate        civil.Date  // next review, when known
	// CouncilProfile is the key of the council's rules for its return
	// (budget.ProfileFor); "" for the generic profile.
	CouncilProfile string

	// AllowTwoToOne is set when the support plan has two carers at once
	// (2:1 support), so two PAs on the rota at the same time is expected.
	AllowTwoToOne bool

	Notes string
}

// Description says whose budget this is, as shown at the top of the window
// and on every document: "Priya Shah manages the money" for a person who
// manages their own; "Jane Smith manages the money for Tom Smith, as the
// suitable person" for someone else's. It names people and never guesses a
// pronoun, and says the role only when the record gives one.
func (a Account) Description() string {
	if a.Capacity == Self || a.ManagedBy == "" || a.ManagedBy == a.PersonSupported {
		return a.PersonSupported + " manages the money"
	}
	s := a.ManagedBy + " manages the money for " + a.PersonSupported
	switch a.Capacity {
	case SuitablePerson:
		s += ", as the suitable person"
	case NominatedPerson:
		s += ", as the nominated person"
	}
	return s
}

// Employer is the legal employer's details for an account. For an indirect
// payment the employer is the holder, not the person supported.
type Employer struct {
	AccountID               int64
	Name                    string
	Address                 string
	PAYEReference           string // e.g. 123/AB45678
	AccountsOfficeReference string // e.g. 123PA00045678
	EmploymentAllowance     bool
	PayFrequency            Frequency
	Payday                  Payday
	// PayFrom is the first day of a pay period, for weekly, fortnightly
	// and four-weekly pay: periods run every 1, 2 or 4 weeks from it.
	// Zero means the day the direct payment started.
	PayFrom civil.Date
}

// Payday names the usual payday: a weekday ("friday") for weekly,
// fortnightly and four-weekly pay; for monthly pay a day of the month
// ("25"), "last-day", "last-working-day" or "last-friday".
type Payday string

// PA is a personal assistant: an employee of the account's employer.
type PA struct {
	ID        int64
	AccountID int64

	Name          string
	Address       string
	Phone         string
	Email         string
	DateOfBirth   civil.Date
	NINumber      string // stored without spaces, upper case; empty if not known yet
	StartDate     civil.Date
	LeavingDate   civil.Date
	LeavingReason string
	// LeaveYearFrom, when set, gives the day and month the PA's leave
	// years start (their contract's leave year); otherwise they start on
	// the day and month the PA started.
	LeaveYearFrom    civil.Date
	RightToWorkDate  civil.Date
	RightToWorkDoc   string
	DBSNumber        string
	DBSIssueDate     civil.Date
	EmergencyContact string
	Notes            string
	// OptedOut48h is set when the PA has opted out of the 48-hour average
	// working week in writing.
	OptedOut48h bool

	// Payroll.
	TaxCode          string // as HMRC gives it, e.g. 1257L, S1257L, BR, K475
	Week1Month1      bool   // non-cumulative basis
	NICategory       string // one letter, A unless HMRC's rules say otherwise
	StudentLoan      string // "", "plan1", "plan2", "plan4", "plan5"
	PostgradLoan     bool
	StarterStatement string // "", "A", "B", "C" when there is no P45
	P45PayToDate     money.Money
	P45TaxToDate     money.Money
}

// Active reports whether the PA is employed on day d: on or after their
// first day (when known) and on or before their last (when they have left).
func (p PA) Active(d civil.Date) bool {
	return p.EmployedBetween(d, d)
}

// EmployedBetween reports whether the PA is employed on at least one day of
// from..to, inclusive; a zero to means no end. A PA who starts and leaves
// inside the span is employed in it.
func (p PA) EmployedBetween(from, to civil.Date) bool {
	if !to.IsZero() && !p.StartDate.IsZero() && p.StartDate.After(to) {
		return false
	}
	return !p.HasLeft(from)
}

// EmployedIn reports whether the PA is employed on at least one day of the
// pay period, so has a timesheet and pay for it.
func (p PA) EmployedIn(period PayPeriod) bool {
	return p.EmployedBetween(period.From, period.To)
}

// LastPaidIn reports whether the payday of period is the PA's last pay:
// their leaving date falls in the period, or after it but by its payday.
func (p PA) LastPaidIn(period PayPeriod) bool {
	l := p.LeavingDate
	return !l.IsZero() && !l.Before(period.From) && (!l.After(period.To) || !l.After(period.Payday))
}

// HasLeft reports whether the PA's last day was before d.
func (p PA) HasLeft(d civil.Date) bool {
	return !p.LeavingDate.IsZero() && p.LeavingDate.Before(d)
}

// LeaverDays is how long after a PA's last day their absences, timesheets
// and exports are still offered: a late sick note, the last timesheet and
// the final pay are dealt with after someone leaves.
const LeaverDays = 60

// CurrentOrRecent reports whether the PA is employed on today or after it,
// or left within the last LeaverDays days.
func (p PA) CurrentOrRecent(today civil.Date) bool {
	return !p.HasLeft(today.AddDays(-LeaverDays))
}

// HoursType says whether a contract has set hours.
type HoursType string

const (
	FixedHours     HoursType = "fixed"
	IrregularHours HoursType = "irregular" // zero-hours or irregular: holiday accrues at 12.07%
)

// HolidayMethod says how holiday is given.
type HolidayMethod string

const (
	// HolidayAccrued: paid leave is taken and paid when taken (5.6 weeks a
	// year, or 12.07% of hours worked for irregular-hours workers).
	HolidayAccrued HolidayMethod = "accrued"
	// HolidayRolledUp: 12.07% of pay is added to each payslip as its own
	// line (irregular-hours and part-year workers only).
	HolidayRolledUp HolidayMethod = "rolled-up"
)

// PensionMethod says how pension tax relief is given.
type PensionMethod string

const (
	PensionNone           PensionMethod = "none"
	PensionReliefAtSource PensionMethod = "relief-at-source"
	PensionNetPay         PensionMethod = "net-pay"
)

// PensionBasis says which pay contributions are worked out on.
type PensionBasis string

const (
	PensionQualifying PensionBasis = "qualifying"
	PensionAllPay     PensionBasis = "all"
)

// Contract is a PA's terms from a date until the next contract's date, so
// that history is kept: past pay is always worked out on the rates then.
type Contract struct {
	ID            int64
	PAID          int64
	EffectiveFrom civil.Date

	HoursType             HoursType
	ContractedMinutesWeek int // 0 for irregular hours

	DayRate          money.Money // per hour
	WakingNightRate  money.Money // per hour
	WeekendRate      money.Money // per hour
	BankHolidayRate  money.Money // per hour
	SleepInAllowance money.Money // flat, per night

	HolidayMethod HolidayMethod
	// HolidayCarryMinutes is the most holiday the contract lets the PA
	// carry into the next leave year (0: none). For set hours it is at
	// most the 1.6 weeks the law lets a contract carry over
	// (MaxHolidayCarryMinutes).
	HolidayCarryMinutes int

	PensionScheme     string        // e.g. NEST; empty when none
	PensionMethod     PensionMethod // none when no scheme
	PensionBasis      PensionBasis
	PensionEmployeeBP int // employee contribution in basis points (500 = 5%)
	PensionEmployerBP int // employer contribution in basis points (300 = 3%)
}

// MaxHolidayCarryMinutes is the most holiday a contract may let a PA
// carry into the next leave year: the 1.6 weeks of leave on top of the 4
// weeks that must be taken in the year (Working Time Regulations 1998,
// reg 13A(7)), of the contracted hours; for irregular hours, 1.6 weeks of
// the longest average week the regulations allow (48 hours).
func MaxHolidayCarryMinutes(c Contract) int {
	week := c.ContractedMinutesWeek
	if c.HoursType != FixedHours || week <= 0 {
		week = 48 * 60
	}
	return week * 16 / 10
}

// ContractOn returns the contract in force on day d: the one that took
// effect most recently on or before d, in whatever order contracts come
// (of two from the same day, the later in the list).
// ok is false when none has taken effect by d.
func ContractOn(contracts []Contract, d civil.Date) (c Contract, ok bool) {
	for _, x := range contracts {
		if x.EffectiveFrom.After(d) {
			continue
		}
		if !ok || !x.EffectiveFrom.Before(c.EffectiveFrom) {
			c, ok = x, true
		}
	}
	return c, ok
}

// Insurance is an employer's liability insurance policy.
type Insurance struct {
	ID           int64
	AccountID    int64
	Insurer      string
	PolicyNumber string
	Cover        money.Money
	StartDate    civil.Date
	RenewalDate  civil.Date
	Premium      money.Money
	Notes        string
}

// Label is the plain-English name of an hours type.
func (h HoursType) Label() string { return labelled(h) }

// Label is the plain-English name of a holiday method.
func (h HolidayMethod) Label() string { return labelled(h) }

// Label is the plain-English name of a pension method.
func (m PensionMethod) Label() string { return labelled(m) }

// Label is the plain-English name of a pension basis.
func (b PensionBasis) Label() string { return labelled(b) }

// labels holds the plain-English name of each value of the household's
// kinds (capacity, frequency, return period, hours type, holiday method,
// pension method and basis), as forms and reports show them.
var labels = map[any]string{
	Self:                  "Myself (direct payment)",
	SuitablePerson:        "Suitable person / family member (indirect payment)",
	NominatedPerson:       "Nominated person",
	Weekly:                "Weekly",
	Fortnightly:           "Fortnightly",
	FourWeekly:            "Every 4 weeks",
	Monthly:               "Monthly",
	ReturnMonthly:         "Every month",
	ReturnQuarterly:       "Every 3 months",
	ReturnHalfYear:        "Every 6 months",
	ReturnYearly:          "Every year",
	FixedHours:            "Set hours each week",
	IrregularHours:        "Irregular or zero hours",
	HolidayAccrued:        "Accrued: taken as paid time off",
	HolidayRolledUp:       "Rolled-up: 12.07% added to each payslip (irregular hours only)",
	PensionNone:           "No workplace pension",
	PensionReliefAtSource: "Relief at source (like NEST)",
	PensionNetPay:         "Net pay arrangement",
	PensionQualifying:     "Qualifying earnings (most schemes, like NEST)",
	PensionAllPay:         "All pay",
}

// labelled returns v's plain-English name from labels, or v itself when
// labels has none for it.
func labelled[T ~string](v T) string {
	if s, ok := labels[v]; ok {
		return s
	}
	return string(v)
}

// MinutesOn is the share of the contract's weekly hours that falls on d
// (WeekMinutesOn).
func (c Contract) MinutesOn(d civil.Date) int { return WeekMinutesOn(c.ContractedMinutesWeek, d) }

// WeekMinutesOn is the share of a week's minutes that falls on d: the
// week's minutes spread evenly over its seven days, the odd minutes from
// Monday on.
func WeekMinutesOn(weekly int, d civil.Date) int {
	i := (int(d.Weekday()) + 6) % 7 // Monday 0
	m := weekly / 7
	if i < weekly%7 {
		m++
	}
	return m
}
