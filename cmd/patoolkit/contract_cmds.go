package main

import (
	"fmt"
	"io"
	"strings"

	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/service"
	"patoolkit/text"
)

func init() {
	registerIn(groupPeople, "contract", "a PA's terms from a date (hours, rates, holiday, pension), keeping the earlier ones: contract add --pa NAME --from DATE --hours-type fixed|irregular [--weekly-hours H] --day-rate AMOUNT [...], contract list --pa NAME [--json]", cmdContract)
}

func cmdContract(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("contract", args, stdout, "add", "list")
	if err != nil {
		return err
	}
	if sub == "add" {
		return contractAdd(rest, stdout)
	}
	return contractList(rest, stdout)
}

// contractFlagNames are the flags of a contract's fields, by the field
// each fills (household.ValidateContract's field names).
var contractFlagNames = map[string]string{
	"effective_from": "from", "hours_type": "hours-type", "contracted_hours": "weekly-hours", "day_rate": "day-rate",
	"waking_night_rate": "night-rate", "weekend_rate": "weekend-rate", "bank_holiday_rate": "bank-holiday-rate",
	"sleep_in_allowance": "sleep-in", "holiday_method": "holiday", "holiday_carry": "holiday-carry-hours",
	"pension_method": "pension", "pension_scheme": "pension-scheme", "pension_basis": "pension-basis",
	"pension_employee": "pa-pays-percent", "pension_employer": "employer-pays-percent",
}

func contractAdd(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("contract add", stdout)
	paName := fs.String("pa", "", "the PA (`NAME`)")
	from := fs.String("from", "", "the `DATE` these terms start (the PA's first day for their first terms)")
	hoursType := fs.String("hours-type", "", "fixed (set hours each week) or irregular (zero or changing hours)")
	weekly := fs.String("weekly-hours", "", "for fixed hours: the contracted `HOURS` a week, like 20 or 37.5")
	day := fs.String("day-rate", "", "the hourly rate for day shifts (`AMOUNT`)")
	night := fs.String("night-rate", "", "the hourly rate for waking nights (`AMOUNT`; the day rate when left out)")
	weekend := fs.String("weekend-rate", "", "the hourly rate at weekends (`AMOUNT`; the day rate when left out)")
	bankHoliday := fs.String("bank-holiday-rate", "", "the hourly rate on bank holidays (`AMOUNT`; the day rate when left out)")
	sleepIn := fs.String("sleep-in", "", "the flat allowance for a sleep-in night (`AMOUNT`)")
	holiday := fs.String("holiday", "", "how holiday is given: accrued (taken as paid time off) or rolled-up (irregular hours only)")
	carry := fs.String("holiday-carry-hours", "", "the most holiday `HOURS` the PA may carry into the next leave year")
	pension := fs.String("pension", "", "the workplace pension: none, relief-at-source (like NEST) or net-pay")
	scheme := fs.String("pension-scheme", "", "the pension scheme's `NAME` (NEST unless given)")
	basis := fs.String("pension-basis", "", "contributions on qualifying earnings (qualifying) or on all pay (all)")
	paPays := fs.String("pa-pays-percent", "", "the PA's pension contribution in `PERCENT`, like 5")
	employerPays := fs.String("employer-pays-percent", "", "your pension contribution in `PERCENT`, at least 3")
	belowMinimum := fs.Bool("below-minimum-wage", false, "save the terms though a rate is below the minimum wage for the PA's age (an apprentice); the window asks first")
	return runBudget(fs, af, args, func() error {
		return needed([2]string{"pa", *paName}, [2]string{"from", *from}, [2]string{"hours-type", *hoursType}, [2]string{"day-rate", *day})
	}, func(svc *service.Service, a household.Account) error {
		set := given(fs)
		p, err := findPA(svc, a, *paName)
		if err != nil {
			return err
		}
		cs, err := svc.Contracts(p.ID)
		if err != nil {
			return err
		}
		c := service.NewContract(p, cs)
		if err := dateFlag(set, "from", *from, &c.EffectiveFrom); err != nil {
			return err
		}
		if err := choiceFlag(set, "hours-type", *hoursType, []household.HoursType{household.FixedHours, household.IrregularHours}, &c.HoursType); err != nil {
			return err
		}
		for _, h := range []struct {
			flag string
			v    string
			into *int
		}{{"weekly-hours", *weekly, &c.ContractedMinutesWeek}, {"holiday-carry-hours", *carry, &c.HolidayCarryMinutes}} {
			if !set[h.flag] {
				continue
			}
			m, ok := text.ParseHours(h.v)
			if !ok {
				return badInput("--%s %q is not a number of hours: write it like 20 or 37.5", h.flag, h.v)
			}
			*h.into = m
		}
		if c.HoursType != household.FixedHours {
			c.ContractedMinutesWeek = 0
		}
		for _, r := range []struct {
			flag, v string
			into    *money.Money
		}{{"day-rate", *day, &c.DayRate}, {"night-rate", *night, &c.WakingNightRate}, {"weekend-rate", *weekend, &c.WeekendRate},
			{"bank-holiday-rate", *bankHoliday, &c.BankHolidayRate}, {"sleep-in", *sleepIn, &c.SleepInAllowance}} {
			if err := moneyFlag(set, r.flag, r.v, r.into); err != nil {
				return err
			}
		}
		if err := choiceFlag(set, "holiday", *holiday, []household.HolidayMethod{household.HolidayAccrued, household.HolidayRolledUp}, &c.HolidayMethod); err != nil {
			return err
		}
		if err := choiceFlag(set, "pension", *pension, []household.PensionMethod{household.PensionNone, household.PensionReliefAtSource, household.PensionNetPay}, &c.PensionMethod); err != nil {
			return err
		}
		if err := choiceFlag(set, "pension-basis", *basis, []household.PensionBasis{household.PensionQualifying, household.PensionAllPay}, &c.PensionBasis); err != nil {
			return err
		}
		if set["pension-scheme"] {
			c.PensionScheme = *scheme
		}
		for _, pc := range []struct {
			flag, v string
			into    *int
		}{{"pa-pays-percent", *paPays, &c.PensionEmployeeBP}, {"employer-pays-percent", *employerPays, &c.PensionEmployerBP}} {
			if !set[pc.flag] {
				continue
			}
			bp, err := payroll.ParsePercent(pc.v)
			if err != nil {
				return badInput("--%s %q is not a percentage: give a number from 0 to 100, like 5 or 4.5", pc.flag, pc.v)
			}
			*pc.into = int(bp)
		}
		if c.PensionMethod == household.PensionNone {
			c.PensionEmployeeBP, c.PensionEmployerBP = 0, 0
		}
		// Refusals first, then what the window asks about.
		if err := svc.CheckContract(c); err != nil {
			return byFlag(err, contractFlagNames)
		}
		warnings, err := svc.ContractWarnings(c)
		if err != nil {
			return err
		}
		if len(warnings) > 0 && !*belowMinimum {
			return badInput("%s Nothing was saved: correct the rate, or add --below-minimum-wage to save it anyway (for an apprentice).", warnings.Error())
		}
		saved, err := svc.SaveContract(c)
		if err != nil {
			return byFlag(err, contractFlagNames)
		}
		fmt.Fprintf(stdout, "Saved %s's terms from %s: %s, %s an hour by day.\n", p.Name, saved.EffectiveFrom.UK(), contractHours(saved), saved.DayRate.Format())
		return nil
	})
}

// contractHours says a contract's hours in words.
func contractHours(c household.Contract) string {
	if c.HoursType == household.FixedHours {
		return text.Hours(c.ContractedMinutesWeek) + " a week"
	}
	return strings.ToLower(c.HoursType.Label())
}

// contractJSON is one set of terms as "contract list --json" writes them:
// rates as strings with two decimals, hours in whole minutes, pension
// contributions in basis points (500 is 5%).
type contractJSON struct {
	PA                 string      `json:"pa"`
	From               string      `json:"from"`
	HoursType          string      `json:"hours_type"`
	WeeklyMinutes      int         `json:"weekly_minutes"`
	DayRate            money.Money `json:"day_rate"`
	NightRate          money.Money `json:"night_rate"`
	WeekendRate        money.Money `json:"weekend_rate"`
	BankHolidayRate    money.Money `json:"bank_holiday_rate"`
	SleepIn            money.Money `json:"sleep_in"`
	Holiday            string      `json:"holiday"`
	HolidayCarryMins   int         `json:"holiday_carry_minutes"`
	Pension            string      `json:"pension"`
	PensionScheme      string      `json:"pension_scheme"`
	PensionBasis       string      `json:"pension_basis"`
	PAPaysBasisPoints  int         `json:"pa_pays_basis_points"`
	EmployerPaysPoints int         `json:"employer_pays_basis_points"`
}

func contractList(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("contract list", stdout)
	paName := fs.String("pa", "", "only this PA (`NAME`; every PA when left out)")
	asJSON := fs.Bool("json", false, "write JSON")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		pas, err := svc.PAs(a.ID)
		if err != nil {
			return err
		}
		if *paName != "" {
			p, err := findPA(svc, a, *paName)
			if err != nil {
				return err
			}
			pas = []household.PA{p}
		}
		out := []contractJSON{}
		for _, p := range pas {
			cs, err := svc.Contracts(p.ID)
			if err != nil {
				return err
			}
			if !*asJSON && len(cs) == 0 {
				fmt.Fprintf(stdout, "%s has no terms yet.\n", p.Name)
			}
			for _, c := range cs {
				if *asJSON {
					out = append(out, contractJSON{p.Name, c.EffectiveFrom.String(), string(c.HoursType), c.ContractedMinutesWeek, c.DayRate,
						c.WakingNightRate, c.WeekendRate, c.BankHolidayRate, c.SleepInAllowance, string(c.HolidayMethod), c.HolidayCarryMinutes,
						string(c.PensionMethod), c.PensionScheme, string(c.PensionBasis), c.PensionEmployeeBP, c.PensionEmployerBP})
					continue
				}
				fmt.Fprintf(stdout, "%s, from %s: %s; %s an hour by day", p.Name, c.EffectiveFrom.UK(), contractHours(c), c.DayRate.Format())
				for _, r := range []struct {
					what string
					m    money.Money
				}{{"waking nights", c.WakingNightRate}, {"weekends", c.WeekendRate}, {"bank holidays", c.BankHolidayRate}} {
					if r.m > 0 {
						fmt.Fprintf(stdout, ", %s %s", r.what, r.m.Format())
					}
				}
				if c.SleepInAllowance > 0 {
					fmt.Fprintf(stdout, ", sleep-in %s a night", c.SleepInAllowance.Format())
				}
				fmt.Fprintf(stdout, ". Holiday: %s. Pension: %s", strings.ToLower(c.HolidayMethod.Label()), c.PensionMethod.Label())
				if c.PensionMethod != household.PensionNone {
					fmt.Fprintf(stdout, ", %s, the PA pays %s and you pay %s", c.PensionScheme, payroll.Percent(c.PensionEmployeeBP), payroll.Percent(c.PensionEmployerBP))
				}
				fmt.Fprintln(stdout, ".")
			}
		}
		if *asJSON {
			return writeJSON(stdout, out)
		}
		if len(pas) == 0 {
			fmt.Fprintf(stdout, "%s has no PAs yet.\n", a.Name)
		}
		return nil
	})
}
