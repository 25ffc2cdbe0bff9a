package service

// What the window needs about the year end: the tax years a budget has
// payslips in (to choose the P60s of), and the home screen's reminder
// that the P60s are due.

import (
	"fmt"
	"sort"
	"time"

	"patoolkit/civil"
	"patoolkit/payroll"
	"patoolkit/storage"
	"patoolkit/text"
)

// PayslipYears returns the tax years in which the budget has finalised
// payslips, latest first: the years there are P60 figures for.
func (s *Service) PayslipYears(accountID int64) ([]payroll.TaxYear, error) {
	return read(s, "reading the tax years with payslips", func(tx *storage.Tx) ([]payroll.TaxYear, error) {
		if _, err := tx.Account(accountID); err != nil {
			return nil, err
		}
		slips, err := tx.Payslips(accountID, civil.New(1900, time.January, 1), civil.New(9999, time.December, 31), 0)
		if err != nil {
			return nil, err
		}
		seen := map[payroll.TaxYear]bool{}
		var out []payroll.TaxYear
		for _, p := range slips {
			y := payroll.TaxYearOf(p.Payday) // as P60s reads them: by payday
			if !seen[y] {
				seen[y] = true
				out = append(out, y)
			}
		}
		sort.Slice(out, func(i, j int) bool { return out[i] > out[j] })
		return out, nil
	})
}

// P60ReminderFrom is the first day of the P60 reminder for the tax year
// before: 6 April, the day after the tax year ends. It lasts until the
// P60s are due on 31 May (P60Due).
func P60ReminderFrom(year payroll.TaxYear) civil.Date { return year.End().AddDays(1) }

// YearEndReminders returns the year-end jobs to remind the person of on
// today (passed in, as Deadlines is: the service does not read the
// clock): from 6 April until 31 May, that each PA paid in the tax year
// just ended must be given their P60 by 31 May. Outside those days, or
// when nobody is due a P60 for that year, there is nothing.
//
// The toolkit does not record which P60s have been given yet, so the
// reminder says how many PAs are due one, not how many are still to do.
func (s *Service) YearEndReminders(accountID int64, today civil.Date) ([]Deadline, error) {
	if today.IsZero() {
		return nil, Invalidf("Choose the day to work the reminders out on.")
	}
	year := payroll.TaxYearOf(today) - 1
	if today.Before(P60ReminderFrom(year)) || today.After(P60Due(year)) {
		return nil, nil
	}
	var ps []P60
	err := s.view("working out the year-end reminders", func(tx *storage.Tx) error {
		var err error
		ps, err = p60s(tx, accountID, year, 0, today)
		return err
	})
	if IsInput(err) {
		return nil, nil // no payslips, no employer, or only leavers: no P60 is due
	} else if err != nil {
		return nil, err
	}
	due := P60Due(year)
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.PA.Name
	}
	detail := fmt.Sprintf("%s due one: %s. Make them with HMRC's Basic PAYE Tools and check the figures under Pay, Year end.",
		text.Count(len(ps), "PA is", "PAs are"), text.List(names))
	return []Deadline{{
		What:   fmt.Sprintf("Give each PA their P60 for %s by %s", year, due.Long()),
		Date:   due,
		Detail: detail,
	}}, nil
}
