package household

import (
	"strconv"
	"time"

	"patoolkit/civil"
	"patoolkit/field"
)

// PayPeriod is the span of work one payday pays for, inclusive.
type PayPeriod struct {
	From, To civil.Date
	Payday   civil.Date
}

// Contains reports whether day d is one of the period's days.
func (p PayPeriod) Contains(d civil.Date) bool { return !d.Before(p.From) && !d.After(p.To) }

// Label is "06/04/2026 to 05/05/2026".
func (p PayPeriod) Label() string { return p.From.UK() + " to " + p.To.UK() }

// PayPeriods returns the employer's pay periods that overlap from..to.
//
// Monthly pay covers calendar months, paid on the usual payday of that
// month (a day from 1 to 28, the last day, the last working day or the
// last Friday). Weekly,
// fortnightly and four-weekly pay covers runs of 7, 14 or 28 days counted
// from the employer's PayFrom, or anchor when that is not set (usually
// the date the direct payment started), paid on the
// first usual payday weekday on or after the period's last day. A payday
// that falls on a weekend or a bank holiday (isHoliday; may be nil) moves
// to the working day before.
func PayPeriods(e Employer, anchor, from, to civil.Date, isHoliday func(civil.Date) bool) ([]PayPeriod, error) {
	if msg := CheckPayday(e.PayFrequency, e.Payday); msg != "" {
		return nil, field.New("payday", "%s", msg)
	}
	if to.Before(from) {
		return nil, field.New("to", "the end date %s is before the start date %s", to.UK(), from.UK())
	}
	working := func(d civil.Date) civil.Date { return civil.WorkingDayOnOrBefore(d, isHoliday) }
	var out []PayPeriod
	if e.PayFrequency == Monthly {
		for m := civil.New(from.Year, from.Month, 1); !m.After(to); m = m.AddMonths(1) {
			last := m.AddMonths(1).AddDays(-1)
			var payday civil.Date
			switch e.Payday {
			case "last-day":
				payday = working(last)
			case "last-working-day":
				payday = working(last)
			case "last-friday":
				f := last
				for f.Weekday() != time.Friday {
					f = f.AddDays(-1)
				}
				payday = working(f)
			default:
				n, _ := strconv.Atoi(string(e.Payday))
				payday = working(civil.New(m.Year, m.Month, n))
			}
			out = append(out, PayPeriod{From: m, To: last, Payday: payday})
		}
		return out, nil
	}
	if !e.PayFrom.IsZero() {
		anchor = e.PayFrom
	}
	days := map[Frequency]int{Weekly: 7, Fortnightly: 14, FourWeekly: 28}[e.PayFrequency]
	var weekday time.Weekday
	for i, w := range weekdays {
		if Payday(w) == e.Payday {
			weekday = time.Weekday((i + 1) % 7)
		}
	}
	// The first period starting on or before from.
	offset := from.DaysSince(anchor)
	start := anchor.AddDays(offset - ((offset%days)+days)%days)
	for ; !start.After(to); start = start.AddDays(days) {
		end := start.AddDays(days - 1)
		payday := end
		for payday.Weekday() != weekday {
			payday = payday.AddDays(1)
		}
		out = append(out, PayPeriod{From: start, To: end, Payday: working(payday)})
	}
	return out, nil
}
