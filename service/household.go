package service

import (
	"errors"
	"fmt"
	"strings"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/storage"
)

// invalid turns a record's problems into an Invalid error that keeps them,
// so a form can show each message beside its field.
func invalid(err error) error {
	var p household.Problems
	if errors.As(err, &p) {
		return &Error{Code: Invalid, Message: p.Error(), Err: p}
	}
	return err
}

// FieldProblems returns the field errors behind err when at least one
// names a field of a form (so the form can show it beside the field), or
// nil.
func FieldProblems(err error) household.Problems {
	p := field.Of(err)
	for _, e := range p {
		if e.Field != "" {
			return p
		}
	}
	return nil
}

func fieldError(field, format string, a ...any) error {
	return invalid(household.Problems{{Field: field, Message: fmt.Sprintf(format, a...)}})
}

// Accounts returns every direct payment account in the file, by name.
func (s *Service) Accounts() ([]household.Account, error) {
	return read(s, "reading the budgets", func(tx *storage.Tx) ([]household.Account, error) {
		return tx.Accounts()
	})
}

// Account returns one account.
func (s *Service) Account(id int64) (household.Account, error) {
	return read(s, "reading the budget", func(tx *storage.Tx) (household.Account, error) {
		return findBudget(tx, id)
	})
}

// FindAccount returns the account called name (ignoring case). An empty
// name is allowed when the file holds exactly one account.
func (s *Service) FindAccount(name string) (household.Account, error) {
	accounts, err := s.Accounts()
	if err != nil {
		return household.Account{}, err
	}
	names := make([]string, len(accounts))
	for i, a := range accounts {
		names[i] = fmt.Sprintf("%q", a.Name)
	}
	if strings.TrimSpace(name) == "" {
		switch len(accounts) {
		case 0:
			return household.Account{}, NotFoundf("This file has no budgets yet. Set one up in the window, or try \"patoolkit demo\" for example data.")
		case 1:
			return accounts[0], nil
		}
		return household.Account{}, Invalidf("This file holds %d budgets: choose one with --account (%s).", len(accounts), strings.Join(names, ", "))
	}
	for _, a := range accounts {
		if strings.EqualFold(strings.TrimSpace(name), a.Name) {
			return a, nil
		}
	}
	if len(accounts) == 0 {
		return household.Account{}, NotFoundf("There is no budget called %q: this file has no budgets yet.", name)
	}
	return household.Account{}, NotFoundf("There is no budget called %q. The budgets are: %s.", name, strings.Join(names, ", "))
}

// trimSpaces trims the spaces around each of a form's text fields.
func trimSpaces(fields ...*string) {
	for _, f := range fields {
		*f = strings.TrimSpace(*f)
	}
}

func tidyAccount(a *household.Account) {
	trimSpaces(&a.Name, &a.PersonSupported, &a.ManagedBy, &a.Council, &a.CouncilReference)
	if a.Capacity == household.Self {
		a.ManagedBy = a.PersonSupported
	}
	if a.Contribution == 0 {
		a.ContributionFrequency = ""
	}
}

// SaveAccount stores a new account (ID 0) or changes to one, after checking
// it. It returns the account as stored.
func (s *Service) SaveAccount(a household.Account) (household.Account, error) {
	tidyAccount(&a)
	if err := household.ValidateAccount(a); err != nil {
		return a, invalid(err)
	}
	err := s.update("saving the budget", func(tx *storage.Tx) error {
		return s.saveAccount(tx, &a)
	})
	return a, err
}

func (s *Service) saveAccount(tx *storage.Tx, a *household.Account) error {
	taken, err := tx.AccountNameTaken(a.Name, a.ID)
	if err != nil {
		return err
	}
	if taken {
		return fieldError("name", "There is already a budget called %q: choose another name.", a.Name)
	}
	if a.ID == 0 {
		if err := tx.InsertAccount(a); err != nil {
			return err
		}
		return tx.Audit(s.now(), a.ID, "budget added", a.Name+": "+a.Description())
	}
	if err := tx.UpdateAccount(*a); err != nil {
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That budget no longer exists.")
		}
		return err
	}
	return tx.Audit(s.now(), a.ID, "budget changed", a.Name)
}

// Employer returns an account's employer details; ok is false when none
// have been given yet.
func (s *Service) Employer(accountID int64) (e household.Employer, ok bool, err error) {
	err = s.view("reading the employer details", func(tx *storage.Tx) error {
		e, err = tx.Employer(accountID)
		if errors.Is(err, storage.ErrNotFound) {
			return nil
		}
		ok = err == nil
		return err
	})
	return e, ok, err
}

func tidyEmployer(e *household.Employer) {
	trimSpaces(&e.Name, &e.Address)
	e.PAYEReference = household.NormaliseReference(e.PAYEReference)
	e.AccountsOfficeReference = household.NormaliseReference(e.AccountsOfficeReference)
}

// SaveEmployer stores an account's employer details after checking them.
func (s *Service) SaveEmployer(e household.Employer) (household.Employer, error) {
	tidyEmployer(&e)
	if err := household.ValidateEmployer(e); err != nil {
		return e, invalid(err)
	}
	err := s.update("saving the employer details", func(tx *storage.Tx) error {
		return s.saveEmployer(tx, e)
	})
	return e, err
}

func (s *Service) saveEmployer(tx *storage.Tx, e household.Employer) error {
	if err := budgetExists(tx, e.AccountID); err != nil {
		return err
	}
	if err := tx.SaveEmployer(e); err != nil {
		return err
	}
	return tx.Audit(s.now(), e.AccountID, "employer details saved", e.Name)
}

// Setup stores a new account and its employer details together: the first
// run's set-up. Nothing is stored unless both are valid.
func (s *Service) Setup(a household.Account, e household.Employer) (household.Account, error) {
	return s.setup(a, &e, nil)
}

// SetupWithBalance is Setup with the balance of the budget's bank account
// at the start of the day the payment started: the ledger's opening
// balance, so that it agrees with the bank from the first statement.
func (s *Service) SetupWithBalance(a household.Account, e household.Employer, balance money.Money) (household.Account, error) {
	return s.setup(a, &e, &balance)
}

// setup stores a new budget, with its employer details when e is not nil
// and its opening balance when balance is not nil, in one go: nothing is
// stored unless all of it is right.
func (s *Service) setup(a household.Account, e *household.Employer, balance *money.Money) (household.Account, error) {
	tidyAccount(&a)
	if a.CouncilProfile == "" {
		a.CouncilProfile = budget.SuggestProfile(a.Council)
	}
	var problems household.Problems
	if e != nil {
		tidyEmployer(e)
		problems = setupProblems(a, *e)
	} else {
		problems = FieldProblems(household.ValidateAccount(a))
	}
	m := defaultMoneyAccount(a)
	if balance != nil {
		m.OpeningBalance = *balance
		problems = append(problems, openingBalanceProblems(m, a)...)
	}
	if len(problems) > 0 {
		return a, invalid(problems)
	}
	err := s.update("saving the new budget", func(tx *storage.Tx) error {
		if err := s.saveAccount(tx, &a); err != nil {
			return err
		}
		if e != nil {
			e.AccountID = a.ID
			if err := s.saveEmployer(tx, *e); err != nil {
				return err
			}
		}
		if balance == nil {
			return nil
		}
		m.AccountID = a.ID
		if err := tx.SaveMoneyAccount(m); err != nil {
			return err
		}
		return tx.Audit(s.now(), a.ID, "account details changed", fmt.Sprintf("opening balance %s on %s", m.OpeningBalance.Format(), m.OpeningDate.UK()))
	})
	if err != nil {
		a.ID = 0
	}
	return a, err
}

// CheckSetup checks the first run's set-up as Setup does, every problem
// at once, and stores nothing: a form that could not read some of its
// boxes still shows every other problem in the same round.
func (s *Service) CheckSetup(a household.Account, e household.Employer) error {
	tidyAccount(&a)
	tidyEmployer(&e)
	return checkSetup(a, e)
}

// checkSetup is every problem with a tidied set-up, as an error.
func checkSetup(a household.Account, e household.Employer) error {
	if problems := setupProblems(a, e); len(problems) > 0 {
		return invalid(problems)
	}
	return nil
}

// setupProblems is every problem with a tidied set-up, with the
// employer's fields named employer_….
func setupProblems(a household.Account, e household.Employer) household.Problems {
	var problems household.Problems
	if err := household.ValidateAccount(a); err != nil {
		problems = append(problems, FieldProblems(err)...)
	}
	if err := household.ValidateEmployer(e); err != nil {
		for _, p := range FieldProblems(err) {
			p.Field = "employer_" + p.Field
			problems = append(problems, p)
		}
	}
	return problems
}

// PAs returns an account's PAs (every account's when accountID is 0).
func (s *Service) PAs(accountID int64) ([]household.PA, error) {
	return read(s, "reading the PAs", func(tx *storage.Tx) ([]household.PA, error) {
		return tx.PAs(accountID)
	})
}

// PA returns one PA.
func (s *Service) PA(id int64) (household.PA, error) {
	return readRecord(s, "reading the PA", "That PA no longer exists.", func(tx *storage.Tx) (household.PA, error) {
		return tx.PA(id)
	})
}

// FindPA returns the account's PA called name (ignoring case).
func (s *Service) FindPA(accountID int64, name string) (household.PA, error) {
	pas, err := s.PAs(accountID)
	if err != nil {
		return household.PA{}, err
	}
	var names []string
	for _, p := range pas {
		if strings.EqualFold(strings.TrimSpace(name), p.Name) {
			return p, nil
		}
		names = append(names, fmt.Sprintf("%q", p.Name))
	}
	if len(names) == 0 {
		return household.PA{}, NotFoundf("There is no PA called %q: this budget has no PAs yet.", name)
	}
	return household.PA{}, NotFoundf("There is no PA called %q. The PAs are: %s.", name, strings.Join(names, ", "))
}

// NewAccount returns a new budget as the forms start it: the surplus limit
// most councils set (budget.TypicalSurplusLimitWeeks).
func NewAccount() household.Account {
	return household.Account{SurplusLimitWeeks: budget.TypicalSurplusLimitWeeks}
}

// NewPA returns a new PA of the account as the add form starts it: today's
// starter tax code (payroll.StarterTaxCode, the emergency code of the tax
// year) and the standard NI category, until HMRC says otherwise.
func (s *Service) NewPA(accountID int64) household.PA {
	return household.PA{AccountID: accountID, TaxCode: payroll.StarterTaxCode(civil.Of(s.now())),
		NICategory: payroll.StandardNICategory.String()}
}

// NewContract returns new terms for a PA as the form starts them: a copy of
// the latest terms (so only what changes needs typing), or for a first
// contract accrued holiday and NEST at the automatic enrolment minimum
// contributions on qualifying earnings.
//
// A PA's first terms start on the PA's first day of work.
func NewContract(p household.PA, contracts []household.Contract) household.Contract {
	c := household.Contract{
		HolidayMethod:     household.HolidayAccrued,
		PensionScheme:     "NEST",
		PensionBasis:      household.PensionQualifying,
		PensionEmployeeBP: int(payroll.MinimumEmployeePension),
		PensionEmployerBP: int(payroll.MinimumEmployerPension),
	}
	found := false
	for _, x := range contracts {
		if !found || !x.EffectiveFrom.Before(c.EffectiveFrom) {
			c, found = x, true
		}
	}
	c.ID, c.EffectiveFrom, c.PAID = 0, civil.Date{}, p.ID
	if !found {
		c.EffectiveFrom = p.StartDate
	}
	return c
}

// ContractWarnings says which of a contract's hourly rates are below the
// minimum wage for the PA's age on the day the terms start (the rate for
// 21 and over when their date of birth is not entered): allowed for an
// apprentice, so asked about rather than refused.
func (s *Service) ContractWarnings(c household.Contract) (household.Problems, error) {
	p, err := s.PA(c.PAID)
	if err != nil {
		return nil, err
	}
	return household.ContractWarnings(c, p.DateOfBirth), nil
}

func tidyPA(p *household.PA) {
	trimSpaces(&p.Name, &p.Email, &p.Phone)
	p.NINumber = household.NormaliseNINumber(p.NINumber)
	p.TaxCode = household.NormaliseReference(p.TaxCode)
	p.NICategory = strings.ToUpper(strings.TrimSpace(p.NICategory))
	if p.NICategory == "" {
		p.NICategory = payroll.StandardNICategory.String()
	}
	p.DBSNumber = strings.ReplaceAll(strings.TrimSpace(p.DBSNumber), " ", "")
	p.StarterStatement = strings.ToUpper(strings.TrimSpace(p.StarterStatement))
}

// SavePA stores a new PA (ID 0) or changes to one, after checking it.
func (s *Service) SavePA(p household.PA) (household.PA, error) {
	tidyPA(&p)
	if err := checkPA(p); err != nil {
		return p, err
	}
	err := s.update("saving the PA", func(tx *storage.Tx) error {
		if err := budgetExists(tx, p.AccountID); err != nil {
			return err
		}
		taken, err := tx.PANameTaken(p.AccountID, p.Name, p.ID)
		if err != nil {
			return err
		}
		if taken {
			return fieldError("name", "There is already a PA called %q. Add a middle initial or a note to tell them apart.", p.Name)
		}
		return s.store(tx, p.AccountID, p.ID == 0, recordAudit{"That PA no longer exists.", "PA added", "PA changed"}, p.Name,
			func() error { return tx.InsertPA(&p) }, func() error { return tx.UpdatePA(p) })
	})
	return p, err
}

// RecordLeaving records that a PA left (or will leave) on date, and why.
func (s *Service) RecordLeaving(paID int64, date civil.Date, reason string) (household.PA, error) {
	p, err := s.PA(paID)
	if err != nil {
		return p, err
	}
	if date.IsZero() {
		return p, fieldError("leaving_date", "Give the PA's last day of work (DD/MM/YYYY).")
	}
	p.LeavingDate = date
	p.LeavingReason = strings.TrimSpace(reason)
	return s.SavePA(p)
}

// Contracts returns a PA's contracts, oldest first.
func (s *Service) Contracts(paID int64) ([]household.Contract, error) {
	return read(s, "reading the contracts", func(tx *storage.Tx) ([]household.Contract, error) {
		return tx.Contracts(paID)
	})
}

// ContractOn returns the PA's contract in force on d; ok is false when
// there is none.
func (s *Service) ContractOn(paID int64, d civil.Date) (c household.Contract, ok bool, err error) {
	err = s.view("reading the contract", func(tx *storage.Tx) error {
		cs, err := tx.Contracts(paID)
		if err != nil {
			return err
		}
		c, ok = household.ContractOn(cs, d)
		return nil
	})
	return c, ok, err
}

// SaveContract stores a new contract (ID 0) or changes to one, after
// checking it.
func (s *Service) SaveContract(c household.Contract) (household.Contract, error) {
	tidyContract(&c)
	if err := household.ValidateContract(c); err != nil {
		return c, invalid(err)
	}
	err := s.update("saving the contract", func(tx *storage.Tx) error {
		p, err := tx.PA(c.PAID)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That PA no longer exists.")
		}
		if err != nil {
			return err
		}
		taken, err := tx.ContractDateTaken(c.PAID, c.EffectiveFrom, c.ID)
		if err != nil {
			return err
		}
		if taken {
			return fieldError("effective_from", "%s already has terms starting %s: change those, or choose another date.", p.Name, c.EffectiveFrom.UK())
		}
		detail := fmt.Sprintf("%s from %s: %s an hour", p.Name, c.EffectiveFrom.UK(), c.DayRate.Format())
		return s.store(tx, p.AccountID, c.ID == 0, recordAudit{"That contract no longer exists.", "contract added", "contract changed"}, detail,
			func() error { return tx.InsertContract(&c) }, func() error { return tx.UpdateContract(c) })
	})
	return c, err
}

func tidyContract(c *household.Contract) {
	c.PensionScheme = strings.TrimSpace(c.PensionScheme)
	if c.PensionMethod == household.PensionNone {
		c.PensionScheme, c.PensionEmployeeBP, c.PensionEmployerBP = "", 0, 0
	}
}

// Insurance returns an account's employer's liability policies, newest first.
func (s *Service) Insurance(accountID int64) ([]household.Insurance, error) {
	return read(s, "reading the insurance", func(tx *storage.Tx) ([]household.Insurance, error) {
		return tx.Insurance(accountID)
	})
}

// InsuranceCover returns what an account's policies say about day d: the
// policy in force, when cover ends (following renewals already bought),
// and whether to warn that it needs renewing.
func (s *Service) InsuranceCover(accountID int64, d civil.Date) (household.Cover, error) {
	policies, err := s.Insurance(accountID)
	if err != nil {
		return household.Cover{}, err
	}
	return household.CoverOn(policies, d), nil
}

// SaveInsurance stores a new policy (ID 0) or changes to one, after checking it.
func (s *Service) SaveInsurance(i household.Insurance) (household.Insurance, error) {
	trimSpaces(&i.Insurer, &i.PolicyNumber)
	if err := household.ValidateInsurance(i); err != nil {
		return i, invalid(err)
	}
	err := s.update("saving the insurance", func(tx *storage.Tx) error {
		if err := budgetExists(tx, i.AccountID); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s %s, renews %s", i.Insurer, i.PolicyNumber, i.RenewalDate.UK())
		return s.store(tx, i.AccountID, i.ID == 0, recordAudit{"That policy no longer exists.", "insurance added", "insurance changed"}, detail,
			func() error { return tx.InsertInsurance(&i) }, func() error { return tx.UpdateInsurance(i) })
	})
	return i, err
}

// checkPA is every problem with a tidied PA's record.
func checkPA(p household.PA) error {
	problems := FieldProblems(household.ValidatePA(p))
	if p.TaxCode != "" {
		if msg := checkTaxCode(p.TaxCode); msg != "" {
			problems = append(problems, household.FieldError{Field: "tax_code", Message: msg})
		}
	}
	if len(problems) > 0 {
		return invalid(problems)
	}
	return nil
}

// The Check functions check a record as its Save does, every problem at
// once, and store nothing: a form that could not read some of its boxes
// (a date typed wrongly) shows every other problem in the same round.

// CheckPA checks a PA's record as SavePA does, storing nothing.
func (s *Service) CheckPA(p household.PA) error {
	tidyPA(&p)
	return checkPA(p)
}

// CheckAccount checks a budget as SaveAccount does, storing nothing.
func (s *Service) CheckAccount(a household.Account) error {
	tidyAccount(&a)
	return invalid(household.ValidateAccount(a))
}

// CheckEmployer checks employer details as SaveEmployer does, storing nothing.
func (s *Service) CheckEmployer(e household.Employer) error {
	tidyEmployer(&e)
	return invalid(household.ValidateEmployer(e))
}

// CheckContract checks terms as SaveContract does, storing nothing.
func (s *Service) CheckContract(c household.Contract) error {
	tidyContract(&c)
	return invalid(household.ValidateContract(c))
}

// CheckInsurance checks a policy as SaveInsurance does, storing nothing.
func (s *Service) CheckInsurance(i household.Insurance) error {
	trimSpaces(&i.Insurer, &i.PolicyNumber)
	return invalid(household.ValidateInsurance(i))
}

// StarterCode is the tax code HMRC's starter checklist statement gives a
// new PA who starts on day start (payroll.StarterCode), and why, for the
// PA form.
func (s *Service) StarterCode(start civil.Date, statement string) (code string, week1 bool, why string, ok bool) {
	if start.IsZero() {
		start = civil.Of(s.now())
	}
	return payroll.StarterCode(start, statement)
}
