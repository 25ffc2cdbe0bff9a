package service

import (
	"fmt"
	"sort"
	"strings"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/storage"
)

// The demo's money: for each household a ledger from DemoStart to
// DemoEnd, built in code from the households' own details so that it is
// the same everywhere:
//
//   - the council's payments and the person's contribution on their
//     schedules;
//   - a finalised pay run for every payday, from the approved timesheets
//     (demoPayRuns), and each PA's net pay paid on the payday;
//   - HMRC (Priya pays quarterly, Jane monthly for Tom; the Employment
//     Allowance covers both employers' NI, so what is due is the PAs' tax
//     and NI), NEST pension contributions, insurance premiums
//     matching the stored policies, a payroll service (Priya), training,
//     equipment and an agency invoice for respite cover (Tom);
//   - the wages, HMRC and pension the pay runs raised, as owed items each
//     settled by its payment (one HMRC payment late); an agency invoice
//     owed then paid;
//     one payroll invoice still owed at the end;
//   - money set aside, known bills, categories, and the payee rules a
//     person would have confirmed by importing statements;
//   - every line up to ten days before DemoEnd reconciled with the key of
//     its bank statement line (and what the bank said of it, as an import
//     records it); the last ten days entered by hand, waiting for the
//     next statement (testdata/bank-sample.csv, whose account, ****4821,
//     Priya's statements are recorded as coming from).
//
// The opening balance is worked out so that at DemoEnd Priya's surplus is
// £412.60 over Wigan Council's 8-week limit (the warning shows) and Tom's
// £1,204.35 within St Helens Council's, and stays within it through
// the next 12 weeks' forecast.

// demoReconciledTo is the last day of the demo ledger matched to a bank
// statement.
var demoReconciledTo = DemoEnd.AddDays(-10)

// demoLine is a demo ledger line and how the bank describes it.
type demoLine struct {
	t    budget.Transaction
	bank string
	// owed is the index+1 of the owed item the line settles (0: none).
	owed int
}

type demoMoneyPlan struct {
	settings  MoneyAccount
	lines     []demoLine
	owed      []budget.Owed
	setAsides []SetAside
	bills     []Bill
	cats      []Category // nil: the defaults
	overLimit money.Money
	// bankAccount is the account the household's statements say they are
	// for (testdata/bank-sample.csv is Priya's).
	bankAccount budget.BankAccount
	// owedIDs holds, for each owed item already stored (raised by a pay
	// run), its ID; 0 for an item saveDemoMoney stores.
	owedIDs []int64
	// How the bank names the payments to each PA, the pension scheme and
	// HMRC; lateHMRC is the due date of the one HMRC payment made late.
	wageBanks             map[string]string
	pensionBank, hmrcBank string
	lateHMRC              civil.Date
}

func (p *demoMoneyPlan) add(date civil.Date, payee, bank string, amount money.Money, cat budget.Category) *demoLine {
	p.lines = append(p.lines, demoLine{t: budget.Transaction{Date: date, Payee: payee, Amount: amount, Category: cat}, bank: bank})
	return &p.lines[len(p.lines)-1]
}

// owe adds an owed item and returns its index+1.
func (p *demoMoneyPlan) owe(o budget.Owed) int {
	p.owed = append(p.owed, o)
	p.owedIDs = append(p.owedIDs, 0)
	return len(p.owed)
}

// oweStored adds an owed item already stored and returns its index+1.
func (p *demoMoneyPlan) oweStored(o budget.Owed) int {
	p.owed = append(p.owed, o)
	p.owedIDs = append(p.owedIDs, o.ID)
	return len(p.owed)
}

// demoPayRuns finalises the household's pay run for every payday from
// DemoStart to DemoEnd, from its approved timesheets, as a person would
// (Service.finalise), and pays what the runs raised: each PA's net pay on
// the payday; the pension by direct debit on the 19th of the next month;
// HMRC two working days before each period's due date, except once, when
// the payment went late (demoLateHMRC), so the HMRC record shows it.
func (s *Service) demoPayRuns(tx *storage.Tx, a household.Account, p *demoMoneyPlan) error {
	m := p.settings
	m.AccountID = a.ID
	if err := tx.SaveMoneyAccount(m); err != nil {
		return err
	}
	periods, err := payPeriods(tx, a.ID, DemoStart, DemoEnd)
	if err != nil {
		return err
	}
	steps, err := demoPayrollStory(tx, a)
	if err != nil {
		return err
	}
	for _, per := range periods {
		if per.Payday.After(DemoEnd) || per.Payday.Before(DemoStart) {
			continue
		}
		// What the employer recorded by this payday.
		for len(steps) > 0 && !steps[0].on.After(per.Payday) {
			if err := steps[0].do(); err != nil {
				return err
			}
			steps = steps[1:]
		}
		v, err := s.payRunView(tx, a.ID, per.Payday)
		if err != nil {
			return err
		}
		if v.Run.Blocked() && len(v.Run.PAs) == 0 {
			continue // nobody to pay
		}
		if _, err := s.finalise(tx, a.ID, per.Payday); err != nil {
			return fmt.Errorf("the example pay run for %s: %w", per.Payday.UK(), err)
		}
	}
	// Each FPS was sent on the payday, and each EPS a few days early.
	pc, err := loadPay(tx, a.ID)
	if err != nil {
		return err
	}
	for y := payroll.TaxYearOf(DemoStart); y <= payroll.TaxYearOf(DemoEnd); y++ {
		var paydays []civil.Date
		runs, err := tx.PayRuns(a.ID, y.Start(), y.End())
		if err != nil {
			return err
		}
		for _, r := range runs {
			paydays = append(paydays, r.Period.Payday)
		}
		fs, err := filings(tx, pc, y, paydays, DemoEnd)
		if err != nil {
			return err
		}
		for _, f := range fs {
			on := f.Due
			if f.Kind != payroll.FilingFPS {
				on = f.Due.AddDays(-3)
			}
			if !on.After(DemoEnd) {
				if err := tx.SetFiled(a.ID, string(f.Kind), f.Ref(), on); err != nil {
					return err
				}
			}
		}
	}
	owed, err := tx.OwedItems(a.ID)
	if err != nil {
		return err
	}
	for _, o := range owed {
		i := p.oweStored(o)
		switch o.Kind {
		case budget.OwedNetPay:
			l := p.add(o.Due, o.Payee, p.wageBanks[o.Payee], -o.Amount, budget.CatWages)
			l.t.Reference = "Pay for " + o.Due.UK()
			l.owed = i
		case budget.OwedPension:
			next := civil.New(o.Raised.Year, o.Raised.Month, 1).AddMonths(1)
			paid := workingDayBefore(civil.New(next.Year, next.Month, 19))
			if paid.After(DemoEnd) {
				continue
			}
			l := p.add(paid, o.Payee, p.pensionBank, -o.Amount, budget.CatPension)
			l.t.Reference = "Contributions from the pay of " + o.Raised.UK()
			l.owed = i
		case budget.OwedHMRC:
			if o.Due.After(DemoEnd) {
				continue
			}
			paid := workingDayBefore(o.Due.AddDays(-2))
			if o.Due == p.lateHMRC {
				paid = o.Due.AddDays(6)
			}
			l := p.add(paid, "HMRC", p.hmrcBank, -o.Amount, budget.CatHMRC)
			l.t.Reference = "PAYE due " + o.Due.UK()
			l.owed = i
		}
	}
	return nil
}

// demoSchedules adds the council's payments and the contribution.
func demoSchedules(p *demoMoneyPlan, a household.Account, councilBank, contributionBank string) {
	pay := budget.Schedule{Amount: a.Payment, Frequency: a.PaymentFrequency, First: p.settings.PaymentFirst}
	for _, d := range pay.Dates(DemoStart, DemoEnd) {
		p.add(d, a.Council, councilBank, a.Payment, budget.CatCouncil)
	}
	if a.Contribution > 0 {
		con := budget.Schedule{Amount: a.Contribution, Frequency: a.ContributionFrequency, First: p.settings.ContributionFirst}
		for _, d := range con.Dates(DemoStart, DemoEnd) {
			p.add(d, a.PersonSupported+" (contribution)", contributionBank, a.Contribution, budget.CatContribution)
		}
	}
}

// demoInsurance pays each stored policy's premium on its start date.
func demoInsurance(p *demoMoneyPlan, h demoHousehold, bank string) {
	for _, i := range h.insurance {
		if i.StartDate.Before(DemoStart) || i.StartDate.After(DemoEnd) {
			continue
		}
		l := p.add(i.StartDate, i.Insurer, bank, -i.Premium, budget.CatInsurance)
		l.t.Reference = "Policy " + i.PolicyNumber
	}
}

func demoMoneyFor(h demoHousehold) (demoMoneyPlan, error) {
	switch h.account.Name {
	case "Priya's support":
		return demoPriyaMoney(h)
	case "Tom's care":
		return demoTomMoney(h)
	}
	return demoMoneyPlan{}, fmt.Errorf("no example money for %q", h.account.Name)
}

func demoPriyaMoney(h demoHousehold) (demoMoneyPlan, error) {
	p := demoMoneyPlan{
		settings:    MoneyAccount{OpeningDate: DemoStart, PaymentFirst: d("2025-04-07"), ContributionFirst: d("2025-04-07"), HMRCQuarterly: true},
		overLimit:   gbp("412.60"),
		bankAccount: budget.NewBankAccount("", "****4821"),
	}
	demoSchedules(&p, h.account, "WIGAN COUNCIL DIRECT PAYMENT", "P SHAH CONTRIBUTION")
	demoInsurance(&p, h, "EXAMPLE MUTUAL INSURANCE")
	p.wageBanks = map[string]string{"Zoë Ní Bhriain": "Z NI BHRIAIN WAGES", "Sam Okafor": "S OKAFOR WAGES", "Chris Walker": "C WALKER WAGES", "Dana Whitfield": "D WHITFIELD WAGES"}
	p.pensionBank, p.hmrcBank = "NEST PENSIONS", "HMRC CUMBERNAULD 120PX00000001"
	// The quarter to 5 January 2026 was paid a week late.
	p.lateHMRC = d("2026-01-22")

	// A payroll service invoices on the 15th and is paid on the 3rd; the
	// November invoice is still owed.
	for m := d("2025-04-15"); !m.After(DemoEnd); m = m.AddMonths(1) {
		due := m.AddMonths(1).AddDays(-12)
		o := p.owe(budget.Owed{Kind: budget.OwedInvoice, Payee: "Sample Payroll Services", Amount: gbp("18.00"), Raised: m, Due: due})
		if due.After(DemoEnd) {
			continue
		}
		l := p.add(due, "Sample Payroll Services", "SAMPLE PAYROLL SERVICES", -gbp("18.00"), budget.CatPayrollFees)
		l.t.Reference = "Invoice " + m.UK()
		l.owed = o
	}
	p.add(d("2025-05-02"), "Sample Jobs Board", "CARD PAYMENT TO SAMPLE JOBS BOARD", -gbp("45.00"), budget.CatRecruitment).t.Note = "Advert for a weekend PA"
	p.add(d("2026-08-14"), "Sample Jobs Board", "CARD PAYMENT TO SAMPLE JOBS BOARD", -gbp("45.00"), budget.CatRecruitment).t.Note = "Advert to replace Chris"
	p.add(d("2026-09-08"), "Sample DBS Checks", "SAMPLE DBS CHECKS", -gbp("26.40"), budget.CatRecruitment).t.Note = "DBS check for the new PA"
	mileage := budget.Category("PA mileage and expenses")
	for _, x := range []struct{ date, amount string }{{"2025-06-30", "21.60"}, {"2025-09-30", "18.45"}, {"2025-12-31", "24.30"}, {"2026-03-31", "19.80"}, {"2026-06-30", "22.95"}, {"2026-09-30", "17.10"}} {
		l := p.add(d(x.date), "Zoë Ní Bhriain (mileage)", "Z NI BHRIAIN MILEAGE", -gbp(x.amount), mileage)
		l.t.Note = "Mileage for shopping trips, 45p a mile"
	}
	p.add(d("2026-02-11"), "Sample Training Ltd", "SAMPLE TRAINING LTD", -gbp("60.00"), budget.CatTraining).t.Note = "Moving and handling refresher for Zoë and Sam"

	p.cats = demoCategories([]Category{{CategoryInfo: budget.CategoryInfo{Name: mileage}}}, budget.CatRespite)
	p.setAsides = []SetAside{{Purpose: "Holiday cover", Amount: gbp("480.00")}, {Purpose: "Recruiting a new PA", Amount: gbp("150.00")}}
	p.bills = []Bill{
		{Bill: budget.Bill{Payee: "Example Mutual Insurance (renewal)", Amount: gbp("124.90"), Date: d("2027-04-06"), Repeat: budget.RepeatYearly}},
	}
	return p, nil
}

func demoTomMoney(h demoHousehold) (demoMoneyPlan, error) {
	p := demoMoneyPlan{
		settings:  MoneyAccount{OpeningDate: DemoStart, PaymentFirst: d("2025-04-10"), ContributionFirst: DemoStart},
		overLimit: -gbp("1204.35"),
	}
	demoSchedules(&p, h.account, "ST HELENS COUNCIL IP", "")
	demoInsurance(&p, h, "SAMPLE CARE INSURERS")
	p.wageBanks = map[string]string{"Łukasz Nowak": "L NOWAK WAGES"}
	p.pensionBank, p.hmrcBank = "NEST PENSIONS", "HMRC CUMBERNAULD 120PT00000002"

	p.add(d("2025-06-20"), "Sample First Aid Training", "SAMPLE FIRST AID TRAINING", -gbp("95.00"), budget.CatTraining).t.Note = "Emergency first aid course for Łukasz"
	p.add(d("2025-09-12"), "Sample Mobility Shop", "CARD PAYMENT TO SAMPLE MOBILITY SHOP", -gbp("385.00"), budget.CatEquipment).t.Note = "Shower chair, agreed with the council on 01/09/2025"
	p.add(d("2025-08-15"), "Sample Respite House", "SAMPLE RESPITE HOUSE", -gbp("540.00"), budget.CatRespite).t.Note = "Two nights' respite, summer"
	p.add(d("2026-02-20"), "Sample Respite House", "SAMPLE RESPITE HOUSE", -gbp("540.00"), budget.CatRespite).t.Note = "Two nights' respite, half term"
	// Respite cover while Łukasz was on holiday: an agency invoice, owed
	// and then paid.
	o := p.owe(budget.Owed{Kind: budget.OwedInvoice, Payee: "Sample Care Agency Ltd", Amount: gbp("624.00"), Raised: d("2026-08-10"), Due: d("2026-09-09")})
	l := p.add(d("2026-09-04"), "Sample Care Agency Ltd", "SAMPLE CARE AGENCY LTD", -gbp("624.00"), budget.CatAgency)
	l.t.Reference, l.t.Note, l.owed = "Invoice SCA-2026-0815", "48 hours of cover, 27/07/2026 to 07/08/2026", o

	p.cats = nil
	p.setAsides = []SetAside{{Purpose: "Holiday cover", Amount: gbp("350.00")}}
	p.bills = []Bill{
		{Bill: budget.Bill{Payee: "Sample Care Insurers (renewal)", Amount: gbp("99.50"), Date: d("2027-04-06"), Repeat: budget.RepeatYearly}},
	}
	return p, nil
}

// demoCategories is the default list with extra spending categories
// added before the income ones, and hide hidden.
func demoCategories(extra []Category, hide ...budget.Category) []Category {
	var out []Category
	for _, c := range budget.DefaultCategories() {
		if c.Income && extra != nil {
			out = append(out, extra...)
			extra = nil
		}
		cat := Category{CategoryInfo: c}
		for _, h := range hide {
			cat.Hidden = cat.Hidden || c.Name == h
		}
		out = append(out, cat)
	}
	return out
}

// finish orders the lines, keys the reconciled ones as their bank lines
// would be, and works out the opening balance that puts the surplus at
// DemoEnd the planned distance from the council's limit.
func (p *demoMoneyPlan) finish(a household.Account) {
	sort.SliceStable(p.lines, func(i, j int) bool { return p.lines[i].t.Date.Before(p.lines[j].t.Date) })
	seen := map[string]int{}
	for i := range p.lines {
		l := &p.lines[i]
		if l.t.Date.After(demoReconciledTo) {
			continue
		}
		sl := budget.StatementLine{Date: l.t.Date, Description: l.bank, Amount: l.t.Amount}
		id := fmt.Sprintf("%s|%d|%s", sl.Date, sl.Amount, strings.ToUpper(strings.Join(strings.Fields(sl.Description), " ")))
		seen[id]++
		sl.Occurrence = seen[id]
		l.t.Reconciled, l.t.ImportKey = true, budget.ImportKey(sl)
	}
	var txs []budget.Transaction
	for i, l := range p.lines {
		t := l.t
		t.ID = int64(i + 1)
		t.SettlesID = int64(l.owed)
		txs = append(txs, t)
	}
	owed := make([]budget.Owed, len(p.owed))
	for i, o := range p.owed {
		o.ID = int64(i + 1)
		owed[i] = o
	}
	var sum, stillOwed, setAside money.Money
	for _, t := range txs {
		if !t.Date.After(DemoEnd) {
			sum += t.Amount
		}
	}
	for _, o := range budget.OutstandingOn(owed, txs, DemoEnd) {
		stillOwed += o.Amount
	}
	for _, s := range p.setAsides {
		setAside += s.Amount
	}
	limit := budget.WeeksOf(a.SurplusLimitWeeks, a.Payment, a.PaymentFrequency)
	// surplus = opening + sum − owed − set aside − contingency = limit + overLimit
	p.settings.OpeningBalance = limit + p.overLimit + stillOwed + setAside + a.Contingency - sum
}

// demoMoney writes each demo household's money: called by Demo inside its
// transaction, after the households are stored.
// demoStep is something the employer recorded on a day.
type demoStep struct {
	on civil.Date
	do func() error
}

// demoPayrollStory is what Priya records as the months go by, in date
// order: her pension duties from the start (the declaration of compliance
// made on 1 August 2025); Zoë enrolled in NEST, given her letter, and
// opting out within the month, so her first contribution is given back on
// her next payslip; Chris, who earns too little to be enrolled, asking to
// join; Dana enrolled when she starts, and her letter; and Zoë's maternity leave from 5
// October 2026 (her baby due on 28 October, born on 26th), paid as SMP.
func demoPayrollStory(tx *storage.Tx, a household.Account) ([]demoStep, error) {
	if a.Name != "Priya's support" {
		return nil, nil
	}
	pas, err := tx.PAs(a.ID)
	if err != nil {
		return nil, err
	}
	id := map[string]int64{}
	for _, p := range pas {
		id[p.Name] = p.ID
	}
	states := map[int64]payroll.PensionState{}
	state := func(name string, change func(*payroll.PensionState)) func() error {
		return func() error {
			st := states[id[name]]
			if saved, err := tx.PensionStates(a.ID); err != nil {
				return err
			} else if s, ok := saved[id[name]]; ok {
				st = s
			}
			change(&st)
			states[id[name]] = st
			return tx.SavePensionState(id[name], st)
		}
	}
	return []demoStep{
		{DemoStart, func() error {
			return tx.SavePensionDuties(storage.PensionDuties{AccountID: a.ID, Duties: payroll.Duties{Start: DemoStart},
				SchemeRef: "EMP000000001", PaymentSource: "Direct debit"})
		}},
		// The April run enrols Zoë from 6 April; her letter follows, and she
		// opts out within the month, so May's payslip gives back April's
		// contribution. (Sam, under 22, is not enrolled automatically.)
		{d("2025-05-05"), state("Zoë Ní Bhriain", func(s *payroll.PensionState) { s.InfoGiven = d("2025-05-05") })},
		{d("2025-05-19"), state("Zoë Ní Bhriain", func(s *payroll.PensionState) { s.OptedOut = d("2025-05-19") })},
		// Chris asks to join (he may: he earns over the lower limit); his
		// membership starts with the next pay period, with Priya's share.
		{d("2025-06-02"), state("Chris Walker", func(s *payroll.PensionState) {
			s.Joined, s.Enrolled, s.InfoGiven = d("2025-06-02"), d("2025-07-01"), d("2025-06-03")
		})},
		{d("2025-08-01"), func() error {
			dd, _, err := tx.PensionDuties(a.ID)
			if err != nil {
				return err
			}
			dd.Declared = d("2025-08-01")
			return tx.SavePensionDuties(dd)
		}},
		{d("2026-10-05"), func() error {
			f := storage.FamilyLeave{AccountID: a.ID, PAID: id["Zoë Ní Bhriain"], Note: "MATB1 seen on 10/07/2026.",
				Leave: payroll.FamilyLeave{Kind: payroll.Maternity, Expected: d("2026-10-28"), Birth: d("2026-10-26"), From: d("2026-10-05"), Weeks: 39}}
			return tx.InsertFamilyLeave(&f)
		}},
		{d("2026-11-02"), state("Dana Whitfield", func(s *payroll.PensionState) { s.InfoGiven = d("2026-11-02") })},
	}, nil
}

func (s *Service) demoMoney(tx *storage.Tx, keep func(household.Account, demoMoneyPlan)) error {
	accounts, err := tx.Accounts()
	if err != nil {
		return err
	}
	for _, h := range demoHouseholds() {
		var a household.Account
		for _, x := range accounts {
			if x.Name == h.account.Name {
				a = x
			}
		}
		if a.ID == 0 {
			continue
		}
		p, err := demoMoneyFor(h)
		if err != nil {
			return internal("making the example ledger", err)
		}
		if err := s.demoPayRuns(tx, a, &p); err != nil {
			return err
		}
		p.finish(a)
		if keep != nil {
			keep(a, p)
		}
		if err := s.saveDemoMoney(tx, a, p); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) saveDemoMoney(tx *storage.Tx, a household.Account, p demoMoneyPlan) error {
	m := p.settings
	m.AccountID = a.ID
	if m.OpeningBalance < 0 {
		return internal("making the example ledger", fmt.Errorf("the opening balance of %s came out at %s", a.Name, m.OpeningBalance.Format()))
	}
	if err := tx.SaveMoneyAccount(m); err != nil {
		return err
	}
	if p.cats != nil {
		if err := tx.SaveCategories(a.ID, p.cats); err != nil {
			return err
		}
	}
	mc, err := loadMoney(tx, a.ID)
	if err != nil {
		return err
	}
	owedIDs := make([]int64, len(p.owed))
	for i := range p.owed {
		if p.owedIDs[i] != 0 {
			owedIDs[i] = p.owedIDs[i]
			continue
		}
		o := p.owed[i]
		if err := tx.InsertOwed(a.ID, &o); err != nil {
			return err
		}
		owedIDs[i] = o.ID
	}
	rules := map[string]bool{}
	txs := make([]budget.Transaction, len(p.lines))
	for i, l := range p.lines {
		t := l.t
		if l.owed != 0 {
			t.SettlesID = owedIDs[l.owed-1]
		}
		if problems := budget.CheckTransaction(t, mc.all()); len(problems) > 0 {
			return internal("checking the example ledger", fmt.Errorf("%s: %s", describeTx(t), problems.Error()))
		}
		txs[i] = t
		// The person confirmed these payees' categories on earlier imports.
		if t.Reconciled && t.Category != "" {
			if r := budget.LearnRule(l.bank, t.Category); r.Match != "" && !rules[r.Match] {
				rules[r.Match] = true
				if err := tx.AddPayeeRule(a.ID, r); err != nil {
					return err
				}
			}
		}
	}
	if err := tx.InsertTransactions(a.ID, txs); err != nil {
		return err
	}
	// What the bank said of each line reconciled, as an import records it.
	var recs []budget.BankRecord
	for i, l := range p.lines {
		if t := txs[i]; t.ImportKey != "" {
			recs = append(recs, budget.BankRecord{LedgerID: t.ID, Key: t.ImportKey, Date: t.Date, Amount: t.Amount, Description: l.bank})
		}
	}
	if err := tx.AddBankLines(a.ID, recs); err != nil {
		return err
	}
	if err := tx.AddStatementAccount(a.ID, p.bankAccount); err != nil {
		return err
	}
	for _, sa := range p.setAsides {
		sa.AccountID = a.ID
		if err := tx.InsertSetAside(&sa); err != nil {
			return err
		}
	}
	for _, b := range p.bills {
		b.AccountID = a.ID
		if err := tx.InsertBill(&b); err != nil {
			return err
		}
	}
	return tx.Audit(s.now(), a.ID, "example ledger added", fmt.Sprintf("%d transactions from %s to %s", len(txs), DemoStart.UK(), DemoEnd.UK()))
}
