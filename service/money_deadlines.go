package service

import (
	"errors"
	"fmt"
	"sort"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/payroll"
	"patoolkit/rota"
	"patoolkit/storage"
)

// Deadline is a date the person must act by.
type Deadline struct {
	What   string     `json:"what"`
	Date   civil.Date `json:"date"`
	Detail string     `json:"detail,omitempty"`
}

// DaysToGo is how many days from today to the deadline (0: today).
func (d Deadline) DaysToGo(today civil.Date) int { return d.Date.DaysSince(today) }

// workingDayBefore moves a date on a weekend or an England and Wales bank
// holiday to the working day before.
func workingDayBefore(d civil.Date) civil.Date {
	return civil.WorkingDayOnOrBefore(d, rota.IsBankHoliday)
}

// HMRCDueOn returns the first HMRC payment due date on or after today.
// Tax months end on the 5th, and what was deducted in a tax month is due
// by the 22nd of the next calendar month (electronic payment); paid
// quarterly, by the 22nd after each quarter ends (5 July, 5 October, 5
// January, 5 April): 22 July, 22 October, 22 January and 22 April. A due
// date on a weekend or bank holiday moves to the working day before. It
// also returns the last day of the tax month or quarter the payment is for.
func HMRCDueOn(today civil.Date, quarterly bool) (due, periodEnd civil.Date) {
	p := payroll.HMRCPeriodOf(today.AddMonths(-4), quarterly)
	for i := 0; i < 16; i++ {
		if d := p.DueDate(rota.IsBankHoliday); !d.Before(today) {
			return d, p.End()
		}
		p = payroll.HMRCPeriodOf(p.End().AddDays(1), quarterly)
	}
	return civil.Date{}, civil.Date{}
}

// Deadlines returns a budget's next deadlines after today, soonest first:
// the next payday, the next HMRC payment, the insurance renewal and the
// council's review. Those not known are left out, except insurance, which
// the law requires: a missing or lapsed policy is a deadline of today.
func (s *Service) Deadlines(accountID int64, today civil.Date) ([]Deadline, error) {
	var out []Deadline
	err := s.view("working out the deadlines", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		a := mc.account
		e, err := tx.Employer(accountID)
		switch {
		case errors.Is(err, storage.ErrNotFound):
		case err != nil:
			return err
		default:
			periods, err := household.PayPeriods(e, a.StartDate, today.AddDays(-40), today.AddDays(70), rota.IsBankHoliday)
			if err == nil {
				for _, p := range periods {
					if !p.Payday.Before(today) {
						out = append(out, Deadline{What: "Payday", Date: p.Payday, Detail: "Pay for " + p.Label() + "."})
						break
					}
				}
			}
		}
		due, end := HMRCDueOn(today, mc.settings.HMRCQuarterly)
		what := fmt.Sprintf("Tax and NI from paydays in the tax month ending %s, if any.", end.UK())
		if mc.settings.HMRCQuarterly {
			what = fmt.Sprintf("Tax and NI from paydays in the quarter ending %s, if any.", end.UK())
		}
		out = append(out, Deadline{What: "HMRC payment due", Date: due, Detail: what})
		policies, err := tx.Insurance(accountID)
		if err != nil {
			return err
		}
		if cover := household.CoverOn(policies, today); !cover.InForce {
			out = append(out, Deadline{What: "Employer's liability insurance", Date: today, Detail: "No policy covers today: you must be insured while you employ PAs."})
		} else {
			out = append(out, Deadline{What: "Insurance renewal", Date: cover.Until, Detail: "Employer's liability insurance."})
		}
		if !a.ReviewDate.IsZero() {
			d := Deadline{What: "Council review", Date: a.ReviewDate, Detail: "Your review with " + a.Council + "."}
			if a.ReviewDate.Before(today) {
				d.Detail = "The review date has passed: ask " + a.Council + " for the new date."
			}
			out = append(out, d)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out, err
}
