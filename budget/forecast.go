package budget

import (
	"fmt"
	"sort"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/text"
)

// Bill is a known payment out in the future: an insurance renewal, a
// payroll service's fee.
type Bill struct {
	Payee  string      `json:"payee"`
	Amount money.Money `json:"amount"` // positive: the money going out
	Date   civil.Date  `json:"date"`   // the (first) date it is paid
	// Repeat is how often it recurs from Date; "" means once.
	Repeat household.Frequency `json:"repeat,omitempty"`
	// Until is the last date a repeat may fall on; zero means no end.
	Until civil.Date `json:"until,omitempty"`
}

// RepeatYearly is a bill's repeat once a year, on the day and month of its
// date.
const RepeatYearly household.Frequency = "yearly"

// yearlyBillYears is how many years of a yearly bill a forecast sees:
// MaxForecastWeeks is ten years.
const yearlyBillYears = 10

// YearlyBills returns bills as a forecast takes them: a yearly bill
// becomes one bill a year for ten years (to its Until, if sooner), as
// the forecast's repeats are weekly to monthly; other bills are as they
// are.
func YearlyBills(bills []Bill) []Bill {
	var out []Bill
	for _, b := range bills {
		if b.Repeat != RepeatYearly {
			out = append(out, b)
			continue
		}
		for y := 0; y < yearlyBillYears; y++ {
			d := b.Date.AddMonths(12 * y)
			if !b.Until.IsZero() && d.After(b.Until) {
				break
			}
			out = append(out, Bill{Payee: b.Payee, Amount: b.Amount, Date: d})
		}
	}
	return out
}

// BillRepeats lists how often a bill may repeat as a form offers them, ""
// for once.
var BillRepeats = []household.Frequency{"", household.Weekly, household.Fortnightly, household.FourWeekly, household.Monthly, RepeatYearly}

// RepeatLabel is how often a bill repeats, on a form: "Once", "Monthly",
// "Every year".
func RepeatLabel(f household.Frequency) string {
	switch f {
	case "":
		return "Once"
	case RepeatYearly:
		return "Every year"
	}
	return f.Label()
}

// MaxForecastWeeks is the longest forecast MakeForecast works out (ten
// years).
const MaxForecastWeeks = 530

// ForecastInput is everything a forecast needs. All money going out is
// given as positive amounts.
type ForecastInput struct {
	// Start is the first day of the first week; each week runs 7 days
	// from it (a Monday, or any day).
	Start civil.Date
	Weeks int
	// OpeningBalance is the balance at the start of Start (the balance at
	// the end of the day before).
	OpeningBalance money.Money

	// Income is the expected money in: the council's payment and the
	// person's contribution, each on its schedule.
	Income []Schedule
	// WeeklySpending is the cost of the planned rota for each week (index
	// 0 is the week from Start), costed by the payroll engine with
	// employer's NI and pension. It may be empty (no rota); otherwise it
	// must cover every week. SpendingFor, when set, is used instead.
	WeeklySpending []money.Money
	SpendingFor    func(weekStart civil.Date) money.Money
	// Bills are other known payments out.
	Bills []Bill
	// Owed are items already owed (wages from a pay run, HMRC, invoices),
	// with what is left to pay: each is paid on its due date, or in the
	// first week if already overdue. Until paid it is taken off the
	// surplus. The rota costs must not include work these already cover.
	Owed []Owed

	// Commitments are the contingency plus the money set aside: taken off
	// the balance to give the surplus each week.
	Commitments money.Money
	// SurplusLimit is the council's limit in money; SurplusLimitWeeks
	// the same limit in weeks of the payment, for the message. A
	// SurplusLimitWeeks of 0 means the limit is not known and not checked.
	SurplusLimit      money.Money
	SurplusLimitWeeks int
	Council           string
}

// ForecastWeek is one week of a forecast. The JSON keys are those of
// "patoolkit forecast --json".
type ForecastWeek struct {
	WeekStart civil.Date  `json:"week_start"`
	Income    money.Money `json:"income"`
	Spending  money.Money `json:"spending"` // positive: money going out
	Balance   money.Money `json:"balance"`  // at the end of the week
	// Surplus is the week's closing balance less money still owed and the
	// commitments.
	Surplus money.Money `json:"surplus"`
	// OverBy is how much the surplus is over the council's limit: 0 when
	// it is within it, or the limit is not known.
	OverBy money.Money `json:"-"`
	// LimitBalance is the closing balance at which the surplus would reach
	// the council's limit (the limit plus what is owed and committed), for
	// the chart's line; 0 when the limit is not known.
	LimitBalance money.Money `json:"-"`
	// Events say what moved money in the week, in date order:
	// "01/05/2026 Council payment +£1,300.00".
	Events []string `json:"events,omitempty"`
}

// ForecastSummary picks out what the person needs to know.
type ForecastSummary struct {
	// RunsOutWeek is the start of the first week that ends with a balance
	// below £0.00; zero if the money lasts.
	RunsOutWeek civil.Date `json:"runs_out_week"`
	// OverLimitWeek is the start of the first week whose surplus is more
	// than the limit; zero if it stays within it (or the limit is not
	// known).
	OverLimitWeek civil.Date `json:"over_limit_week"`
	// LowestBalance and LowestWeek: the lowest week-end balance and the
	// start of its week (the first, if several).
	LowestBalance money.Money `json:"lowest_balance"`
	LowestWeek    civil.Date  `json:"lowest_week"`
	// ClosingBalance is the balance at the end of the last week.
	ClosingBalance money.Money `json:"closing_balance"`
	Message        string      `json:"message"`
}

// Forecast is the weeks and the summary.
type Forecast struct {
	Weeks   []ForecastWeek  `json:"weeks"`
	Summary ForecastSummary `json:"summary"`
	// LimitKnown is set when the council's surplus limit is known, so the
	// weeks' OverBy and LimitBalance mean something.
	LimitKnown bool `json:"-"`
}

type dated struct {
	date   civil.Date
	amount money.Money // + in, − out
	what   string
}

// MakeForecast works out the balance week by week from the expected
// income, the planned rota's cost, known bills and money owed.
//
// Each week: Income is the scheduled payments falling in it; Spending is
// the week's rota cost plus the bills and owed items falling in it;
// Balance is the last week's balance plus Income less Spending; Surplus is
// Balance less the owed items not yet paid and the commitments. The
// forecast works in whole weeks: a dip below £0.00 inside a week that is
// made up by the week's end is not reported.
func MakeForecast(in ForecastInput) (Forecast, error) {
	if err := checkForecastInput(in); err != nil {
		return Forecast{}, err
	}
	end := in.Start.AddDays(7*in.Weeks - 1)

	// Everything with a date, in the forecast's range.
	var items []dated
	for _, s := range in.Income {
		label := strings.TrimSpace(s.Label)
		if label == "" {
			label = "Income"
		}
		for _, d := range s.Dates(in.Start, end) {
			items = append(items, dated{d, s.Amount, label})
		}
	}
	for _, b := range in.Bills {
		s := Schedule{Amount: b.Amount, Frequency: b.Repeat, First: b.Date, Until: b.Until}
		if b.Repeat == "" {
			s.Frequency, s.Until = household.Weekly, b.Date
		}
		for _, d := range s.Dates(in.Start, end) {
			items = append(items, dated{d, -b.Amount, "Bill: " + strings.TrimSpace(b.Payee)})
		}
	}
	for _, o := range in.Owed {
		if o.Amount <= 0 {
			continue
		}
		d := o.Due
		if d.Before(in.Start) {
			d = in.Start
		}
		if d.After(end) {
			continue // paid after the forecast: stays owed throughout
		}
		what := fmt.Sprintf("%s (%s)", strings.TrimSpace(o.Payee), o.Kind.Label())
		if o.Due.Before(in.Start) {
			what += ", overdue since " + o.Due.UK()
		}
		items = append(items, dated{d, -o.Amount, what})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].date.Before(items[j].date) })

	f := Forecast{LimitKnown: in.SurplusLimitWeeks > 0}
	bal := in.OpeningBalance
	next := 0
	for w := 0; w < in.Weeks; w++ {
		ws := in.Start.AddDays(7 * w)
		we := ws.AddDays(6)
		week := ForecastWeek{WeekStart: ws}
		rota := money.Money(0)
		if in.SpendingFor != nil {
			rota = in.SpendingFor(ws)
		} else if len(in.WeeklySpending) > 0 {
			rota = in.WeeklySpending[w]
		}
		if rota != 0 {
			week.Spending += rota
			week.Events = append(week.Events, fmt.Sprintf("Planned support (rota) −%s", rota.Format()))
		}
		for ; next < len(items) && !items[next].date.After(we); next++ {
			it := items[next]
			if it.amount >= 0 {
				week.Income += it.amount
			} else {
				week.Spending += -it.amount
			}
			week.Events = append(week.Events, fmt.Sprintf("%s %s %s", it.date.UK(), it.what, signed(it.amount)))
		}
		bal += week.Income - week.Spending
		week.Balance = bal
		var stillOwed money.Money
		for _, o := range in.Owed {
			if o.Amount > 0 && o.Due.After(we) {
				stillOwed += o.Amount
			}
		}
		week.Surplus = bal - stillOwed - in.Commitments
		if f.LimitKnown {
			week.LimitBalance = in.SurplusLimit + bal - week.Surplus
			week.OverBy = max(week.Surplus-in.SurplusLimit, 0)
		}
		f.Weeks = append(f.Weeks, week)
	}
	f.Summary = summarise(f.Weeks, in)
	return f, nil
}

func summarise(weeks []ForecastWeek, in ForecastInput) ForecastSummary {
	var s ForecastSummary
	for i, w := range weeks {
		if i == 0 || w.Balance < s.LowestBalance {
			s.LowestBalance, s.LowestWeek = w.Balance, w.WeekStart
		}
		if w.Balance < 0 && s.RunsOutWeek.IsZero() {
			s.RunsOutWeek = w.WeekStart
		}
		if w.OverBy > 0 && s.OverLimitWeek.IsZero() {
			s.OverLimitWeek = w.WeekStart
		}
	}
	s.ClosingBalance = weeks[len(weeks)-1].Balance
	limit := fmt.Sprintf("%s %d-week limit", possessive(councilName(in.Council)), in.SurplusLimitWeeks)
	var msgs []string
	switch {
	case s.RunsOutWeek == in.Start:
		msgs = append(msgs, fmt.Sprintf("The money runs out this week (the week of %s): speak to the council now.", in.Start.UK()))
	case !s.RunsOutWeek.IsZero():
		msgs = append(msgs, fmt.Sprintf("At this rate the money runs out in the week of %s.", s.RunsOutWeek.UK()))
	}
	switch {
	case s.OverLimitWeek == in.Start:
		msgs = append(msgs, fmt.Sprintf("Your surplus is already over %s.", limit))
	case !s.OverLimitWeek.IsZero():
		msgs = append(msgs, fmt.Sprintf("Your surplus passes %s in the week of %s.", limit, s.OverLimitWeek.UK()))
	}
	if len(msgs) == 0 {
		m := fmt.Sprintf("The money lasts the %d %s shown", len(weeks), text.Plural(len(weeks), "week", "weeks"))
		if in.SurplusLimitWeeks > 0 {
			m += ", and the surplus stays within " + limit
		}
		msgs = append(msgs, m+fmt.Sprintf(". The lowest balance is %s, in the week of %s.", s.LowestBalance.Format(), s.LowestWeek.UK()))
	}
	s.Message = strings.Join(msgs, " ")
	return s
}

func checkForecastInput(in ForecastInput) error {
	var msgs []string
	if in.Start.IsZero() {
		msgs = append(msgs, "The forecast needs a start date.")
	}
	if in.Weeks < 1 || in.Weeks > MaxForecastWeeks {
		msgs = append(msgs, fmt.Sprintf("A forecast is from 1 to %d weeks long.", MaxForecastWeeks))
	}
	if in.SpendingFor == nil && len(in.WeeklySpending) > 0 && len(in.WeeklySpending) < in.Weeks {
		msgs = append(msgs, fmt.Sprintf("The rota's cost is given for %d weeks, but the forecast is %d weeks: cost every week of it.", len(in.WeeklySpending), in.Weeks))
	}
	for i, v := range in.WeeklySpending {
		if v < 0 || v > maxAmount {
			msgs = append(msgs, fmt.Sprintf("The rota's cost for week %d (%s) should be between £0.00 and %s.", i+1, v.Format(), maxAmount.Format()))
			break
		}
	}
	for _, s := range in.Income {
		label := s.Label
		if label == "" {
			label = "An income schedule"
		}
		if m := CheckSchedule(label, s); m != "" {
			msgs = append(msgs, m)
		} else if s.Amount > maxAmount {
			msgs = append(msgs, label+" is too large to be right.")
		}
	}
	for _, b := range in.Bills {
		switch {
		case b.Date.IsZero():
			msgs = append(msgs, fmt.Sprintf("The bill to %q needs a date.", b.Payee))
		case b.Amount < 0 || b.Amount > maxAmount:
			msgs = append(msgs, fmt.Sprintf("The bill to %q should be between £0.00 and %s (money going out is entered as a positive amount).", b.Payee, maxAmount.Format()))
		case b.Repeat != "" && !knownFrequency(b.Repeat):
			msgs = append(msgs, fmt.Sprintf("The bill to %q repeats %q: choose weekly, fortnightly, every 4 weeks or monthly, or leave it blank for once.", b.Payee, b.Repeat))
		}
	}
	for _, o := range in.Owed {
		if o.Amount > 0 && o.Due.IsZero() {
			msgs = append(msgs, fmt.Sprintf("The %s owed to %q needs a due date.", o.Kind.Label(), o.Payee))
		}
	}
	if in.Commitments < 0 {
		msgs = append(msgs, "The contingency and money set aside can't be less than £0.00.")
	}
	if len(msgs) > 0 {
		return refused(msgs)
	}
	return nil
}

// WeeksToEndOfCouncilYear returns how many forecast weeks from start reach
// the end of the council year: the day before the next council year
// starts. councilYearStart is the first day of any council year (usually
// 1 April: only its month and day are used; 29 February counts as 1
// March in other years). The last week may run past the year's end. On
// the first day of a council year the answer covers that whole year (53
// weeks, as 365 days is 52 weeks and a day).
func WeeksToEndOfCouncilYear(start, councilYearStart civil.Date) int {
	if start.IsZero() || councilYearStart.IsZero() {
		return 0
	}
	next := civil.New(start.Year, councilYearStart.Month, councilYearStart.Day)
	if !next.After(start) {
		next = civil.New(start.Year+1, councilYearStart.Month, councilYearStart.Day)
	}
	days := next.DaysSince(start)
	return (days + 6) / 7
}
