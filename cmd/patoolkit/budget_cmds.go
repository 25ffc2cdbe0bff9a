package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"patoolkit/budget"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/service"
	"patoolkit/text"
)

func init() {
	registerIn(groupSetUp, "budget", "add, change and list the direct payment budgets: budget add --name N --person-supported P --capacity self|suitable-person|nominated-person --council C --payment AMOUNT --payment-every weekly|four-weekly|monthly --start DATE [...], budget edit, budget list [--json], budget council-rules [--key KEY]", cmdBudget)
	registerIn(groupSetUp, "employer", "the employer's details (who employs the PAs, HMRC references, how often they are paid): employer set --name N --pay-every FREQ --payday DAY [...], employer show [--json]", cmdEmployer)
}

func cmdBudget(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("budget", args, stdout, "add", "edit", "list", "council-rules")
	if err != nil {
		return err
	}
	switch sub {
	case "council-rules":
		return budgetCouncilRules(rest, stdout)
	case "add":
		return budgetAdd(rest, stdout)
	case "edit":
		return budgetEdit(rest, stdout)
	}
	return budgetList(rest, stdout)
}

// accountFlagNames are the flags of a budget's fields, by the field each
// fills (household.ValidateAccount's field names).
var accountFlagNames = map[string]string{
	"name": "name", "person_supported": "person-supported", "managed_by": "managed-by", "capacity": "capacity",
	"council": "council", "council_reference": "council-reference", "payment": "payment", "payment_frequency": "payment-every",
	"contribution": "contribution", "contribution_frequency": "contribution-every", "support_hours": "support-hours",
	"start_date": "start", "return_period": "return-every", "surplus_limit_weeks": "surplus-weeks", "contingency": "contingency",
	"review_date": "review-date", "notes": "notes", "opening_balance": "opening-balance",
}

// budgetFields are a budget's flags, read into an account by read: only
// the flags given change it, so "budget edit" keeps the rest.
type budgetFields struct {
	name, person, managedBy, capacity, council, councilRef, payment, paymentEvery *string
	contribution, contributionEvery, supportHours, start, returnEvery             *string
	surplusWeeks                                                                  *int
	contingency, review, notes                                                    *string
}

func addBudgetFields(fs *flag.FlagSet, nameUsage string) budgetFields {
	return budgetFields{
		name:              fs.String("name", "", nameUsage),
		person:            fs.String("person-supported", "", "the `NAME` of the person who gets the support"),
		managedBy:         fs.String("managed-by", "", "the `NAME` of the person who manages the money (for an indirect payment, the family member or friend who holds it)"),
		capacity:          fs.String("capacity", "", "who manages the money: self, suitable-person or nominated-person"),
		council:           fs.String("council", "", "the council that pays the direct payment (`NAME`)"),
		councilRef:        fs.String("council-reference", "", "the council's `REFERENCE`, from its letters"),
		payment:           fs.String("payment", "", "the council's gross payment (`AMOUNT`, like 1300.00)"),
		paymentEvery:      fs.String("payment-every", "", "how often the council pays: weekly, four-weekly or monthly"),
		contribution:      fs.String("contribution", "", "your own contribution (`AMOUNT`), if the council asks for one"),
		contributionEvery: fs.String("contribution-every", "", "how often the contribution is paid in: weekly, four-weekly or monthly"),
		supportHours:      fs.String("support-hours", "", "the support `HOURS` a week in the care and support plan, like 42 or 37.5"),
		start:             fs.String("start", "", "the `DATE` the direct payment started (YYYY-MM-DD)"),
		returnEvery:       fs.String("return-every", "", "how often the council asks for a return: monthly, quarterly, six-monthly or yearly"),
		surplusWeeks:      fs.Int("surplus-weeks", 0, fmt.Sprintf("the surplus limit in `WEEKS` of payment (often %d)", budget.TypicalSurplusLimitWeeks)),
		contingency:       fs.String("contingency", "", "the contingency (`AMOUNT`) the council lets you keep"),
		review:            fs.String("review-date", "", "the `DATE` of the next review"),
		notes:             fs.String("notes", "", "notes kept with the budget"),
	}
}

// read puts the given flags into a.
func (b budgetFields) read(set map[string]bool, a *household.Account) error {
	strs := []struct {
		flag string
		v    *string
		into *string
	}{{"name", b.name, &a.Name}, {"person-supported", b.person, &a.PersonSupported}, {"managed-by", b.managedBy, &a.ManagedBy},
		{"council", b.council, &a.Council}, {"council-reference", b.councilRef, &a.CouncilReference}, {"notes", b.notes, &a.Notes}}
	for _, s := range strs {
		if set[s.flag] {
			*s.into = *s.v
		}
	}
	if err := choiceFlag(set, "capacity", *b.capacity, household.Capacities, &a.Capacity); err != nil {
		return err
	}
	if err := choiceFlag(set, "payment-every", *b.paymentEvery, household.PaymentFrequencies, &a.PaymentFrequency); err != nil {
		return err
	}
	if err := choiceFlag(set, "contribution-every", *b.contributionEvery, household.PaymentFrequencies, &a.ContributionFrequency); err != nil {
		return err
	}
	if err := choiceFlag(set, "return-every", *b.returnEvery, household.ReturnPeriods, &a.ReturnPeriod); err != nil {
		return err
	}
	for _, m := range []struct {
		flag string
		v    *string
		into *money.Money
	}{{"payment", b.payment, &a.Payment}, {"contribution", b.contribution, &a.Contribution}, {"contingency", b.contingency, &a.Contingency}} {
		if err := moneyFlag(set, m.flag, *m.v, m.into); err != nil {
			return err
		}
	}
	if set["support-hours"] {
		m, ok := text.ParseHours(*b.supportHours)
		if !ok {
			return badInput("--support-hours %q is not a number of hours: write it like 42 or 37.5", *b.supportHours)
		}
		a.SupportMinutesPerWeek = m
	}
	if err := dateFlag(set, "start", *b.start, &a.StartDate); err != nil {
		return err
	}
	if err := dateFlag(set, "review-date", *b.review, &a.ReviewDate); err != nil {
		return err
	}
	if set["surplus-weeks"] {
		a.SurplusLimitWeeks = *b.surplusWeeks
	}
	return nil
}

func budgetAdd(args []string, stdout io.Writer) error {
	fs := newFlags("budget add", stdout)
	data := dataFlag(fs)
	b := addBudgetFields(fs, "a short `NAME` for the budget, like \"Tom's care\"")
	opening := fs.String("opening-balance", "", "what was in the budget's bank account at the start of the day the payment started (`AMOUNT`; 0 when left out)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	set := given(fs)
	a := service.NewAccount()
	a.ReturnPeriod = household.ReturnQuarterly // most councils ask every 3 months; --return-every says otherwise
	if err := b.read(set, &a); err != nil {
		return err
	}
	var balance money.Money
	if set["opening-balance"] {
		m, err := money.Parse(*opening)
		if err != nil {
			return badInput("--opening-balance %q is not an amount of money: write it like 1250.00 (or -20.00 if the account was overdrawn)", *opening)
		}
		balance = m
	}
	return withData(*data, func(svc *service.Service) error {
		saved, err := svc.AddAccount(a, balance)
		if err != nil {
			return byFlag(err, accountFlagNames)
		}
		fmt.Fprintf(stdout, "Added the budget %q: %s, paid by %s, %s %s, from %s. Opening balance %s.\n", saved.Name, saved.Description(),
			saved.Council, strings.ToLower(saved.PaymentFrequency.Label()), saved.Payment.Format(), saved.StartDate.UK(), balance.Format())
		fmt.Fprintf(stdout, "Next: patoolkit employer set --account %q --name NAME --pay-every FREQ --payday DAY\n", saved.Name)
		return nil
	})
}

func budgetEdit(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("budget edit", stdout)
	b := addBudgetFields(fs, "a new `NAME` for the budget")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		set := given(fs)
		delete(set, "account")
		delete(set, "data")
		if len(set) == 0 {
			return badInput("say what to change, like --payment 1350.00 (run with -h for the options)")
		}
		if err := b.read(set, &a); err != nil {
			return err
		}
		saved, err := svc.SaveAccount(a)
		if err != nil {
			return byFlag(err, accountFlagNames)
		}
		fmt.Fprintf(stdout, "Saved the budget %q: %s.\n", saved.Name, saved.Description())
		return nil
	})
}

// budgetJSON is one budget as "budget list --json" writes it: dates
// YYYY-MM-DD ("" when not given), amounts as strings with two decimals.
type budgetJSON struct {
	Name              string      `json:"name"`
	PersonSupported   string      `json:"person_supported"`
	ManagedBy         string      `json:"managed_by"`
	Capacity          string      `json:"capacity"`
	Council           string      `json:"council"`
	CouncilReference  string      `json:"council_reference"`
	Payment           money.Money `json:"payment"`
	PaymentEvery      string      `json:"payment_every"`
	Contribution      money.Money `json:"contribution"`
	ContributionEvery string      `json:"contribution_every"`
	SupportMinutes    int         `json:"support_minutes_a_week"`
	Start             string      `json:"start"`
	ReturnEvery       string      `json:"return_every"`
	SurplusWeeks      int         `json:"surplus_weeks"`
	Contingency       money.Money `json:"contingency"`
	ReviewDate        string      `json:"review_date"`
}

func budgetList(args []string, stdout io.Writer) error {
	fs := newFlags("budget list", stdout)
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "write JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return withData(*data, func(svc *service.Service) error {
		accounts, err := svc.Accounts()
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]budgetJSON, len(accounts))
			for i, a := range accounts {
				out[i] = budgetJSON{a.Name, a.PersonSupported, a.ManagedBy, string(a.Capacity), a.Council, a.CouncilReference,
					a.Payment, string(a.PaymentFrequency), a.Contribution, string(a.ContributionFrequency), a.SupportMinutesPerWeek,
					a.StartDate.String(), string(a.ReturnPeriod), a.SurplusLimitWeeks, a.Contingency, a.ReviewDate.String()}
			}
			return writeJSON(stdout, out)
		}
		if len(accounts) == 0 {
			fmt.Fprintln(stdout, "No budgets yet. Add one with: patoolkit budget add (run with -h for the options)")
			return nil
		}
		for _, a := range accounts {
			fmt.Fprintf(stdout, "%s: %s. Paid by %s: %s, %s, from %s. Return %s.", a.Name, a.Description(), a.Council,
				a.Payment.Format(), strings.ToLower(a.PaymentFrequency.Label()), a.StartDate.UK(), strings.ToLower(a.ReturnPeriod.Label()))
			if a.Contribution > 0 {
				fmt.Fprintf(stdout, " Contribution %s, %s.", a.Contribution.Format(), strings.ToLower(a.ContributionFrequency.Label()))
			}
			if a.SupportMinutesPerWeek > 0 {
				fmt.Fprintf(stdout, " Support %s a week.", text.Hours(a.SupportMinutesPerWeek))
			}
			fmt.Fprintf(stdout, " Surplus limit %s of payment.\n", text.Count(a.SurplusLimitWeeks, "week", "weeks"))
		}
		return nil
	})
}

func cmdEmployer(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("employer", args, stdout, "set", "show")
	if err != nil {
		return err
	}
	if sub == "set" {
		return employerSet(rest, stdout)
	}
	return employerShow(rest, stdout)
}

// employerFlagNames are the flags of the employer's fields, by the field
// each fills (household.ValidateEmployer's field names).
var employerFlagNames = map[string]string{
	"name": "name", "address": "address", "paye_reference": "paye-reference", "accounts_office_reference": "accounts-office-reference",
	"pay_frequency": "pay-every", "payday": "payday", "pay_from": "pay-from",
}

func employerSet(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("employer set", stdout)
	name := fs.String("name", "", "the employer's `NAME`: the person who manages the money")
	address := fs.String("address", "", "the employer's `ADDRESS`")
	paye := fs.String("paye-reference", "", "the employer PAYE `REFERENCE`, like 123/AB45678")
	office := fs.String("accounts-office-reference", "", "the Accounts Office `REFERENCE`, like 123PA00045678")
	allowance := fs.Bool("employment-allowance", false, "the employer claims the Employment Allowance (--employment-allowance=false to stop)")
	every := fs.String("pay-every", "", "how often the PAs are paid: weekly, fortnightly, four-weekly or monthly")
	payday := fs.String("payday", "", "the usual payday: a weekday (friday) for weekly, fortnightly and four-weekly pay; for monthly a day 1 to 28, last-day, last-working-day or last-friday")
	from := fs.String("pay-from", "", "for weekly, fortnightly and four-weekly pay: the first `DATE` of any one pay period (default: the day the direct payment started)")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		set := given(fs)
		e, ok, err := svc.Employer(a.ID)
		if err != nil {
			return err
		}
		e.AccountID = a.ID
		if !ok && !set["name"] {
			return badInput("--name is needed: the employer is the person who manages the money")
		}
		for _, s := range []struct {
			flag string
			v    *string
			into *string
		}{{"name", name, &e.Name}, {"address", address, &e.Address}, {"paye-reference", paye, &e.PAYEReference}, {"accounts-office-reference", office, &e.AccountsOfficeReference}} {
			if set[s.flag] {
				*s.into = *s.v
			}
		}
		if set["employment-allowance"] {
			e.EmploymentAllowance = *allowance
		}
		if err := choiceFlag(set, "pay-every", *every, household.PayFrequencies, &e.PayFrequency); err != nil {
			return err
		}
		if set["payday"] {
			e.Payday = household.Payday(strings.ToLower(strings.TrimSpace(*payday)))
		}
		if err := dateFlag(set, "pay-from", *from, &e.PayFrom); err != nil {
			return err
		}
		if err := svc.CheckEmployer(e); err != nil {
			if p := service.FieldProblems(err); len(p) > 0 && p[0].Field == "payday" && e.PayFrequency != "" {
				return badInput("--payday: %s The choices are: %s.", p[0].Message, paydayChoices(e.PayFrequency))
			}
			return byFlag(err, employerFlagNames)
		}
		saved, err := svc.SaveEmployer(e)
		if err != nil {
			return byFlag(err, employerFlagNames)
		}
		fmt.Fprintf(stdout, "Saved the employer details of %s: %s, paid %s, payday %s.\n", a.Name, saved.Name,
			strings.ToLower(saved.PayFrequency.Label()), strings.ToLower(saved.Payday.Label()))
		return nil
	})
}

// paydayChoices lists the paydays of a pay frequency, for a refusal.
func paydayChoices(f household.Frequency) string {
	days := household.PaydayChoices(f)
	out := make([]string, len(days))
	for i, d := range days {
		out[i] = string(d)
	}
	return strings.Join(out, ", ")
}

// employerJSON is what "employer show --json" writes.
type employerJSON struct {
	Account                 string `json:"account"`
	Name                    string `json:"name"`
	Address                 string `json:"address"`
	PAYEReference           string `json:"paye_reference"`
	AccountsOfficeReference string `json:"accounts_office_reference"`
	EmploymentAllowance     bool   `json:"employment_allowance"`
	PayEvery                string `json:"pay_every"`
	Payday                  string `json:"payday"`
	PayFrom                 string `json:"pay_from"`
}

func employerShow(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("employer show", stdout)
	asJSON := fs.Bool("json", false, "write JSON")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		e, ok, err := svc.Employer(a.ID)
		if err != nil {
			return err
		}
		if !ok {
			return badInput("%s has no employer details yet: give them with patoolkit employer set", a.Name)
		}
		if *asJSON {
			return writeJSON(stdout, employerJSON{a.Name, e.Name, e.Address, e.PAYEReference, e.AccountsOfficeReference,
				e.EmploymentAllowance, string(e.PayFrequency), string(e.Payday), e.PayFrom.String()})
		}
		fmt.Fprintf(stdout, "Employer of %s: %s\n", a.Name, e.Name)
		if e.Address != "" {
			fmt.Fprintf(stdout, "Address: %s\n", oneLine(e.Address))
		}
		fmt.Fprintf(stdout, "PAYE reference: %s\n", orNotKnown(e.PAYEReference))
		fmt.Fprintf(stdout, "Accounts Office reference: %s\n", orNotKnown(e.AccountsOfficeReference))
		fmt.Fprintf(stdout, "Claims the Employment Allowance: %s\n", yesNo(e.EmploymentAllowance))
		fmt.Fprintf(stdout, "PAs are paid: %s, payday %s\n", strings.ToLower(e.PayFrequency.Label()), strings.ToLower(e.Payday.Label()))
		if !e.PayFrom.IsZero() {
			fmt.Fprintf(stdout, "Pay periods count from: %s\n", e.PayFrom.UK())
		}
		return nil
	})
}

// budgetCouncilRules sets the council rules a budget's returns follow
// (service.SetCouncilProfile), as the Returns page's choice does, or
// lists them when --key is left out.
func budgetCouncilRules(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("budget council-rules", stdout)
	key := fs.String("key", "", "the council rules' `KEY`, as the list gives it (left out: list them)")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		if !given(fs)["key"] {
			current := budget.ProfileFor(a.CouncilProfile).Key
			for _, p := range budget.CouncilProfiles {
				mark := ""
				if p.Key == current {
					mark = " (the rules this budget follows)"
				}
				fmt.Fprintf(stdout, "%q: %s%s\n", p.Key, p.Label(), mark)
			}
			return nil
		}
		saved, err := svc.SetCouncilProfile(a.ID, *key)
		if err != nil {
			return byFlag(err, map[string]string{"profile": "key"})
		}
		fmt.Fprintf(stdout, "%s's returns now follow the rules of %s.\n", saved.Name, budget.ProfileFor(saved.CouncilProfile).Label())
		return nil
	})
}
