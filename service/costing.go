package service

// Costing the planned rota for the forecast.
//
// Each PA's planned shifts are costed at their contract's rates
// (rota.CostShift) and grouped by pay period (household.PayPeriods). Each
// PA's gross pay for a period goes through the payroll engine
// (payroll.Calculate) as a typical payslip: the PA's tax code, NI category,
// student loan and the contract's pension terms, with the pension taken
// only when the PA is an eligible jobholder on that pay (or has no date of
// birth to tell). The cost to the employer is gross pay + employer's NI +
// employer's pension.
//
// Where the money goes: the whole cost of a period falls in the forecast
// week that holds its payday. The net pay does leave on the payday; the
// tax and NI go to HMRC by the 22nd after the tax month ends (or the
// quarter), and the pension a few weeks later, so the balance in between
// is shown slightly lower than it will be. That errs on the side of
// caution for "when does the money run out", and keeps the forecast easy
// to check by hand.
//
// Employment Allowance: when the employer claims it, each period's
// employer's NI is offset (payroll.EmploymentAllowance) until the tax
// year's allowance is used. Pay runs are not recorded yet, so the forecast
// assumes none of the allowance was used before it starts; for a PA
// employer the year's employer's NI is usually well under the £10,500
// allowance, so it is normally all offset anyway.
//
// Weeks the rota has not been planned for: days after the last shift on
// the rota are costed from each PA's contract (contracted hours a week at
// the day rate, spread evenly over the week) for fixed-hours contracts,
// and the forecast says so. Irregular-hours PAs are not counted for those
// days (there are no hours to go on), and the forecast says that too.
//
// A period for which money is already owed to the PA (a pay run raised
// net pay due on that payday) is not costed again: the owed item is in
// the forecast already.

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/payrun"
	"patoolkit/rota"
	"patoolkit/storage"
)

// PeriodCost is the planned cost of one PA's work in one pay period.
type PeriodCost struct {
	PAID   int64               `json:"pa_id"`
	PA     string              `json:"pa"`
	Period household.PayPeriod `json:"period"`
	// Minutes is the time paid at hourly rates.
	Minutes int         `json:"minutes"`
	Gross   money.Money `json:"gross"`
	// EmployerNI is before the Employment Allowance; AllowanceOffset is
	// the part of it the allowance takes off.
	EmployerNI      money.Money `json:"employer_ni"`
	AllowanceOffset money.Money `json:"allowance_offset"`
	EmployerPension money.Money `json:"employer_pension"`
	// Tax, EmployeeNI and NetPay are from the typical payslip.
	Tax        money.Money `json:"tax"`
	EmployeeNI money.Money `json:"employee_ni"`
	NetPay     money.Money `json:"net_pay"`
	// Cost is what the period costs the employer: Gross + EmployerNI −
	// AllowanceOffset + EmployerPension.
	Cost money.Money `json:"cost"`
	// Estimated is set when some of the time was taken from the contract
	// because the rota was not planned that far.
	Estimated bool `json:"estimated"`
}

// rotaCosting is the planned rota's cost for each forecast week.
type rotaCosting struct {
	weekly  []money.Money
	periods []PeriodCost
	notes   []string
}

// ratesDay returns day, or the same day a year or more earlier when the
// payroll rates of day's tax year are not known yet (the latest known
// year's rates are then used), and whether it moved.
func ratesDay(day civil.Date) (civil.Date, bool) {
	for i := 0; i < 10; i++ {
		if _, err := payroll.RatesOn(day); err == nil {
			return day, i > 0
		}
		day = day.AddMonths(-12)
	}
	return day, true
}

// typicalPayslip works out one period's payslip for gross pay paid on
// payday, as the PA's details and contract say (payrun.EngineInput, as a
// pay run does). ytd is the year to date before it (nil for a typical
// payslip on a week 1 / month 1 basis).
func typicalPayslip(pa household.PA, c household.Contract, freq household.Frequency, payday civil.Date, gross money.Money, ytd *payroll.YearToDate) (payroll.Payslip, error) {
	var before payroll.YearToDate
	if ytd != nil {
		before = *ytd
	}
	in, err := payrun.EngineInput(pa, c, payrun.Frequency(freq), payday,
		[]payroll.Line{{Kind: payroll.Basic, Description: "Pay", Amount: gross}}, before)
	if err != nil {
		return payroll.Payslip{}, err
	}
	in.Week1Month1 = ytd == nil
	return payroll.Calculate(in)
}

// costRota costs the planned rota for the forecast's weeks from start.
// owed are the items still owed (a period already owed to a PA is not
// costed again).
func costRota(tx *storage.Tx, mc moneyContext, owed []budget.Owed, start civil.Date, weeks int) (rotaCosting, error) {
	out := rotaCosting{weekly: make([]money.Money, weeks)}
	end := start.AddDays(7*weeks - 1)
	accountID := mc.account.ID
	e, err := tx.Employer(accountID)
	if errors.Is(err, storage.ErrNotFound) {
		out.notes = append(out.notes, "Wages are not in the forecast: give the employer details (how often and when the PAs are paid) on the Home page first.")
		return out, nil
	}
	if err != nil {
		return out, err
	}
	all, err := household.PayPeriods(e, mc.account.StartDate, start.AddDays(-40), end, rota.IsBankHoliday)
	if err != nil {
		out.notes = append(out.notes, "Wages are not in the forecast: "+refusalText("working out the pay periods", err)+".")
		return out, nil
	}
	var periods []household.PayPeriod
	for _, p := range all {
		if !p.Payday.Before(start) && !p.Payday.After(end) {
			periods = append(periods, p)
		}
	}
	if len(periods) == 0 {
		out.notes = append(out.notes, "No payday falls in these weeks, so no wages are counted.")
		return out, nil
	}
	rc, err := loadRotaContext(tx, accountID)
	if err != nil {
		return out, err
	}
	from, to := periods[0].From, periods[0].To
	for _, p := range periods {
		if p.From.Before(from) {
			from = p.From
		}
		if p.To.After(to) {
			to = p.To
		}
	}
	shifts, err := tx.Shifts(accountID, dayStart(from), dayStart(to.AddDays(1)))
	if err != nil {
		return out, err
	}
	// The rota counts as planned up to its last shift.
	plannedTo := from.AddDays(-1)
	for _, sh := range shifts {
		if d := sh.Date(); d.After(plannedTo) {
			plannedTo = d
		}
	}
	if plannedTo.Before(to) {
		if plannedTo.Before(from) {
			out.notes = append(out.notes, fmt.Sprintf("No shifts are planned on the rota from %s, so wages are estimated from each PA's contracted hours. Plan the rota for a truer forecast.", from.UK()))
		} else {
			out.notes = append(out.notes, fmt.Sprintf("The rota is planned up to %s; after that, wages are estimated from each PA's contracted hours.", plannedTo.UK()))
		}
	}

	pas := sortedPAs(rc.pas)
	type key struct {
		pa     int64
		period int
	}
	minutes := map[key]int{}
	gross := map[key]money.Money{}
	estimated := map[key]bool{}
	periodOf := func(d civil.Date) int {
		for i, p := range periods {
			if p.Contains(d) {
				return i
			}
		}
		return -1
	}
	var costErrs []string
	for _, sh := range shifts {
		if sh.PAID == 0 || !sh.Status.PaysPA() {
			continue
		}
		i := periodOf(sh.Date())
		if i < 0 {
			continue
		}
		pay, err := rota.CostShift(sh, payrun.RatesLookup(rc.contracts[sh.PAID]))
		if err != nil {
			costErrs = append(costErrs, fmt.Sprintf("%s's shift on %s (%s)", rc.name(sh.PAID), sh.Date().UK(), strings.TrimSuffix(refusalText("costing a shift", err), ".")))
			continue
		}
		k := key{sh.PAID, i}
		minutes[k] += pay.PaidMinutes
		gross[k] += pay.Total
	}
	if len(costErrs) > 0 {
		more := ""
		if len(costErrs) > 3 {
			more = fmt.Sprintf(" and %d more", len(costErrs)-3)
			costErrs = costErrs[:3]
		}
		out.notes = append(out.notes, "Some shifts could not be costed and are left out: "+strings.Join(costErrs, "; ")+more+".")
	}
	irregular := map[string]bool{}
	for i, p := range periods {
		for _, pa := range pas {
			k := key{pa.ID, i}
			byRate := map[money.Money]int{}
			for d := p.From; !d.After(p.To); d = d.AddDays(1) {
				if !d.After(plannedTo) || !pa.Active(d) {
					continue
				}
				c, ok := household.ContractOn(rc.contracts[pa.ID], d)
				if !ok {
					continue
				}
				if c.HoursType != household.FixedHours || c.ContractedMinutesWeek == 0 {
					irregular[pa.Name] = true
					continue
				}
				byRate[c.DayRate] += c.MinutesOn(d)
			}
			for rate, m := range byRate {
				minutes[k] += m
				gross[k] += rota.AmountFor(m, rate)
				estimated[k] = true
			}
		}
	}
	if len(irregular) > 0 {
		var names []string
		for n := range irregular {
			names = append(names, n)
		}
		sort.Strings(names)
		out.notes = append(out.notes, fmt.Sprintf("%s %s irregular hours, so nothing is counted for them where the rota is not planned: plan their shifts for a truer forecast.",
			joinAnd(names), map[bool]string{true: "works", false: "work"}[len(names) == 1]))
	}

	allowances := map[payroll.TaxYear]*payroll.EmploymentAllowance{}
	movedYears := map[string]bool{}
	for i, p := range periods {
		for _, pa := range pas {
			k := key{pa.ID, i}
			if gross[k] <= 0 {
				continue
			}
			if alreadyOwed(owed, pa.Name, p.Payday) {
				out.notes = append(out.notes, fmt.Sprintf("%s's pay for %s is already owed, so it is counted once, as money owed.", pa.Name, p.Label()))
				continue
			}
			pc := PeriodCost{PAID: pa.ID, PA: pa.Name, Period: p, Minutes: minutes[k], Gross: gross[k], Estimated: estimated[k]}
			c, _ := household.ContractOn(rc.contracts[pa.ID], p.To)
			day, moved := ratesDay(p.Payday)
			if moved {
				movedYears[payroll.TaxYearOf(p.Payday).String()] = true
			}
			ps, err := typicalPayslip(pa, c, e.PayFrequency, day, gross[k], nil)
			if err != nil {
				out.notes = append(out.notes, fmt.Sprintf("%s's pay for %s could not be worked out (%s): only the gross pay is counted.", pa.Name, p.Label(), refusalText("working out a payslip for the forecast", err)))
				pc.Cost, pc.NetPay = pc.Gross, pc.Gross
			} else {
				pc.EmployerNI, pc.EmployerPension = ps.EmployerNI, ps.Pension.Employer
				pc.Tax, pc.EmployeeNI, pc.NetPay = ps.Tax, ps.EmployeeNI, ps.NetPay
				if e.EmploymentAllowance {
					y := payroll.TaxYearOf(day)
					if allowances[y] == nil {
						if allowances[y], err = payroll.NewEmploymentAllowance(y); err != nil {
							return out, err
						}
					}
					pc.AllowanceOffset = allowances[y].Offset(pc.EmployerNI)
				}
				pc.Cost = pc.Gross + pc.EmployerNI - pc.AllowanceOffset + pc.EmployerPension
			}
			out.periods = append(out.periods, pc)
			out.weekly[p.Payday.DaysSince(start)/7] += pc.Cost
		}
	}
	if len(movedYears) > 0 {
		var ys []string
		for y := range movedYears {
			ys = append(ys, y)
		}
		sort.Strings(ys)
		out.notes = append(out.notes, fmt.Sprintf("Tax and NI rates for %s are not known yet: the latest known year's rates are used.", joinAnd(ys)))
	}
	out.notes = append(out.notes, "Wages count in the week of each payday: the whole cost to you (gross pay, employer's National Insurance and employer's pension), although the tax and NI are paid to HMRC a little later.")
	if e.EmploymentAllowance {
		out.notes = append(out.notes, "You claim the Employment Allowance, so employer's National Insurance is taken off until the year's allowance is used (assuming none of it was used before this forecast).")
	}
	return out, nil
}

// alreadyOwed reports whether net pay is already owed to the PA called
// name on payday (a pay run raised it).
func alreadyOwed(owed []budget.Owed, name string, payday civil.Date) bool {
	for _, o := range owed {
		if o.Kind == budget.OwedNetPay && o.Due == payday && budget.PayeeMatches(o.Payee, name) {
			return true
		}
	}
	return false
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// CouncilYearStart is the first day of a council year (councils' years
// run from 1 April).
var CouncilYearStart = civil.New(2026, time.April, 1)

// WeeksToCouncilYearEnd returns how many forecast weeks from start reach
// the end of the council year (31 March), and that date.
func WeeksToCouncilYearEnd(start civil.Date) (int, civil.Date) {
	weeks := budget.WeeksToEndOfCouncilYear(start, CouncilYearStart)
	y := start.Year
	if start.Month >= time.April {
		y++
	}
	return weeks, civil.New(y, time.March, 31)
}
