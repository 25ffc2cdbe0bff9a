package service

import (
	"errors"
	"fmt"
	"sort"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/report"
	"patoolkit/storage"
	"patoolkit/text"
)

// Return is a return produced for a period: when, whether it was sent.
type Return = storage.Return

// returnParts is what a return and its evidence pack are made from, read
// in one transaction.
type returnParts struct {
	doc       report.ReturnDoc
	payslips  []report.PayslipDoc
	sheets    []report.TimesheetDoc
	hmrc      []report.HMRCRecordDoc
	receipts  []storage.Receipt
	insurance []household.Insurance
}

// ReturnDoc works out the council's return for a budget and period from
// what the toolkit holds.
func (s *Service) ReturnDoc(accountID int64, from, to civil.Date) (report.ReturnDoc, error) {
	if msg := budget.CheckPeriod(from, to); msg != "" {
		return report.ReturnDoc{}, Invalidf("%s", msg)
	}
	today := s.today()
	p, err := read(s, "working out the return", func(tx *storage.Tx) (returnParts, error) {
		return s.returnParts(tx, accountID, from, to, today)
	})
	return p.doc, err
}

func capacityWords(a household.Account) string {
	switch {
	case a.Capacity == household.SuitablePerson && a.ManagedBy != a.PersonSupported:
		return "the suitable person for " + a.PersonSupported
	case a.Capacity == household.NominatedPerson && a.ManagedBy != a.PersonSupported:
		return "the nominated person for " + a.PersonSupported
	case a.ManagedBy != "" && a.ManagedBy != a.PersonSupported:
		return "managing the direct payment for " + a.PersonSupported
	}
	return "who receives the direct payment"
}

func (s *Service) returnParts(tx *storage.Tx, accountID int64, from, to, today civil.Date) (returnParts, error) {
	var out returnParts
	mc, err := loadMoney(tx, accountID)
	if err != nil {
		return out, err
	}
	a := mc.account
	profile := budget.ProfileFor(a.CouncilProfile)
	manager := a.ManagedBy
	if manager == "" {
		manager = a.PersonSupported
	}
	r := report.ReturnDoc{
		Who: a.Description(), Person: a.PersonSupported, ManagedBy: manager, Capacity: capacityWords(a),
		Council: a.Council, Reference: a.CouncilReference, Profile: profile.Label(), Basis: profile.Basis,
		From: from, To: to, Made: today, LineEvidence: map[int64][]int{},
	}
	owed, txs, err := owedAndPaid(tx, accountID)
	if err != nil {
		return out, err
	}
	r.Figures, err = budget.Figures(budget.ReturnInput{From: from, To: to, OpeningBalance: mc.settings.OpeningBalance,
		OpeningDate: mc.settings.OpeningDate, Transactions: txs, Categories: mc.all(), Profile: profile})
	if err != nil {
		return out, refusedInput(err)
	}
	statusOn := to
	if statusOn.Before(mc.settings.OpeningDate) {
		statusOn = mc.settings.OpeningDate
	}
	if r.Status, err = moneyStatus(tx, accountID, statusOn); err != nil {
		return out, err
	}
	sas, err := tx.SetAsides(accountID)
	if err != nil {
		return out, err
	}
	for _, sa := range sas {
		r.SetAside = append(r.SetAside, budget.SetAside{Purpose: sa.Purpose, Amount: sa.Amount})
	}
	for _, o := range budget.OutstandingOn(owed, txs, to) {
		if o.Amount > 0 {
			r.Owed = append(r.Owed, report.OwedRow{What: o.Kind.Label(), Payee: o.Payee, Due: o.Due, Amount: o.Amount})
		}
	}
	r.Funding = funding(mc, r.Figures, from, to)

	// The evidence, in the pack's order: payslips, timesheets, the HMRC
	// record, receipts, insurance.
	add := func(kind report.EvidenceKind, title string) int {
		r.Evidence = append(r.Evidence, report.EvidenceItem{Ref: fmt.Sprintf("E%d", len(r.Evidence)+1), Kind: kind, Title: title})
		return len(r.Evidence) - 1
	}
	pc, err := loadPay(tx, accountID)
	payKnown := err == nil
	var slips []storage.Payslip
	if payKnown {
		if slips, err = tx.Payslips(accountID, from, to, 0); err != nil {
			return out, err
		}
	}
	pas := map[int64]household.PA{}
	if payKnown {
		for _, p := range pc.pas {
			pas[p.ID] = p
		}
	}
	type runPA struct {
		run   int64
		payee string
	}
	slipEvidence := map[runPA]int{}
	for _, p := range slips {
		doc, err := payslipDoc(tx, pc, pas[p.PAID], p)
		if err != nil {
			return out, err
		}
		out.payslips = append(out.payslips, doc)
		slipEvidence[runPA{p.RunID, p.PA}] = add(report.EvidencePayslip, p.PA+", paid "+p.Payday.UK())
	}
	// owedRun says which pay run raised an owed item.
	owedRun := map[int64]runPA{}
	runs := map[int64]bool{}
	for _, p := range slips {
		if runs[p.RunID] {
			continue
		}
		runs[p.RunID] = true
		items, _, err := tx.RunOwed(p.RunID)
		if err != nil {
			return out, err
		}
		for _, o := range items {
			owedRun[o.ID] = runPA{p.RunID, o.Payee}
		}
	}
	owedByID := map[int64]budget.Owed{}
	for _, o := range owed {
		owedByID[o.ID] = o
	}

	if payKnown {
		sheets, _, err := timesheetDocs(tx, accountID, from, to, 0, true)
		if err != nil {
			return out, err
		}
		out.sheets = sheets
		held := map[string]int{}
		for _, sd := range sheets {
			held[fmt.Sprint(sd.Timesheet.PAID, sd.Timesheet.From)] = add(report.EvidenceTimesheet, sd.PAName+", "+sd.Timesheet.From.UK()+" to "+sd.Timesheet.To.UK())
		}
		periods, err := payPeriods(tx, accountID, from, to)
		if err != nil {
			return out, err
		}
		for _, period := range periods {
			for _, p := range sortedPAs(pas) {
				if !p.EmployedIn(period) {
					continue
				}
				th := report.TimesheetHeld{PA: p.Name, From: period.From, To: period.To, Evidence: -1}
				if i, ok := held[fmt.Sprint(p.ID, period.From)]; ok {
					th.Held, th.Evidence = true, i
					for _, sd := range sheets {
						if sd.Timesheet.PAID == p.ID && sd.Timesheet.From == period.From {
							th.Status = sd.Timesheet.StatusText()
						}
					}
				}
				r.Timesheets = append(r.Timesheets, th)
			}
		}
	}

	// The HMRC record of each tax year the period touches, where there was
	// pay.
	hmrcEvidence := map[payroll.TaxYear]int{}
	if payKnown {
		for y := payroll.TaxYearOf(from); y <= payroll.TaxYearOf(to); y++ {
			if _, err := payroll.RatesFor(y); err != nil {
				continue
			}
			rec, err := hmrcRecord(tx, accountID, y, today)
			if err != nil {
				return out, err
			}
			doc := hmrcDoc(rec, from, to)
			any := false
			for _, p := range rec.Periods {
				if p.Period.End().Before(from) || p.Period.Start().After(to) || (p.Paydays == 0 && p.Due == 0) {
					continue
				}
				any = true
				r.HMRC = append(r.HMRC, hmrcRow(p, today))
			}
			if any {
				out.hmrc = append(out.hmrc, doc)
				hmrcEvidence[y] = add(report.EvidenceHMRC, "Tax year "+y.String())
			}
		}
	}

	// Receipts of the period's lines.
	for _, l := range r.Figures.Lines {
		rs, err := tx.Receipts(l.ID)
		if err != nil {
			return out, err
		}
		for _, rc := range rs {
			i := add(report.EvidenceReceipt, fmt.Sprintf("%s, %s, %s (%s)", l.Payee, l.Date.UK(), l.Amount.Abs().Format(), rc.FileName))
			r.Evidence[i].Receipt = rc.ID
			r.LineEvidence[l.ID] = append(r.LineEvidence[l.ID], i)
			out.receipts = append(out.receipts, rc)
		}
	}

	// Insurance in force in the period.
	policies, err := tx.Insurance(accountID)
	if err != nil {
		return out, err
	}
	insEvidence := -1
	for _, p := range policies {
		if p.StartDate.After(to) || (!p.RenewalDate.IsZero() && p.RenewalDate.Before(from)) {
			continue
		}
		out.insurance = append(out.insurance, p)
		r.Insurance = append(r.Insurance, report.InsuranceRow{Insurer: p.Insurer, Policy: p.PolicyNumber, Cover: p.Cover, Premium: p.Premium,
			Start: p.StartDate, Renewal: p.RenewalDate, PremiumPaid: premiumPaid(p, txs)})
	}
	if len(out.insurance) > 0 {
		insEvidence = add(report.EvidenceInsurance, "Employer's liability insurance")
	}

	// What backs each line: a payslip for a wage it settles, the HMRC
	// record for a payment to HMRC, the policy for its premium.
	for _, l := range r.Figures.Lines {
		if l.SettlesID != 0 {
			if rp, ok := owedRun[l.SettlesID]; ok {
				if i, ok := slipEvidence[rp]; ok {
					r.LineEvidence[l.ID] = append(r.LineEvidence[l.ID], i)
				} else if o := owedByID[l.SettlesID]; o.Kind == budget.OwedPension {
					// A pension payment: the run's payslips show each
					// contribution.
					for k, i := range slipEvidence {
						if k.run == rp.run {
							r.LineEvidence[l.ID] = append(r.LineEvidence[l.ID], i)
						}
					}
				}
			}
		}
		isHMRC := l.Category == budget.CatHMRC
		year := payroll.TaxYearOf(l.Date.AddMonths(-1))
		if o, ok := owedByID[l.SettlesID]; ok && o.Kind == budget.OwedHMRC {
			isHMRC = true
			if !o.Raised.IsZero() {
				year = payroll.TaxYearOf(o.Raised)
			}
		}
		if isHMRC {
			if i, ok := hmrcEvidence[year]; ok {
				r.LineEvidence[l.ID] = append(r.LineEvidence[l.ID], i)
			} else if i, ok := hmrcEvidence[payroll.TaxYearOf(l.Date)]; ok {
				r.LineEvidence[l.ID] = append(r.LineEvidence[l.ID], i)
			}
		}
		if l.Category == budget.CatInsurance && insEvidence >= 0 {
			r.LineEvidence[l.ID] = append(r.LineEvidence[l.ID], insEvidence)
		}
		sort.Ints(r.LineEvidence[l.ID])
	}

	r.Payroll = payrollRows(slips)
	r.NetPaid = netPaid(slips, r.Figures.Lines, owedByID, budget.OutstandingOn(owed, txs, to))

	// Staff: the employer's duties, with no personal details.
	for _, p := range sortedPAs(pas) {
		if !p.EmployedBetween(from, to) {
			continue
		}
		row, err := staffRow(tx, p, to, profile)
		if err != nil {
			return out, err
		}
		r.Staff = append(r.Staff, row)
	}

	for _, l := range r.Figures.Lines {
		if l.CorrectsReturn == 0 {
			continue
		}
		c := report.CorrectionRow{Line: l.Transaction, Corrects: "a return sent earlier"}
		if x, err := tx.ReturnByID(l.CorrectsReturn); err == nil {
			c.Corrects = fmt.Sprintf("the return for %s to %s, sent %s", x.From.UK(), x.To.UK(), x.Sent.UK())
		}
		r.Corrections = append(r.Corrections, c)
	}
	if x, err := tx.ReturnFor(accountID, from, to); err == nil {
		r.Sent = x.Sent
	} else if !errors.Is(err, storage.ErrNotFound) {
		return out, err
	}
	r.Warnings = returnWarnings(r, today)
	out.doc = r
	return out, nil
}

// funding is the budget's streams of money: what each comes to a week and
// a year, what was due in the period and what came in.
func funding(mc moneyContext, f budget.ReturnFigures, from, to civil.Date) []report.FundingRow {
	a := mc.account
	due := func(s budget.Schedule) money.Money {
		return money.Money(len(s.Dates(from, to))) * s.Amount
	}
	var out []report.FundingRow
	scheds := mc.incomeSchedules()
	council := report.FundingRow{Source: "Council direct payment", Weekly: budget.WeeksOf(1, a.Payment, a.PaymentFrequency),
		Yearly: budget.WeeksOf(52, a.Payment, a.PaymentFrequency), Paid: f.Council}
	if len(scheds) > 0 && budget.CheckSchedule("", scheds[0]) == "" {
		council.Expected, council.ExpectedKnown = due(scheds[0]), true
	}
	council.Note = shortfall(council)
	out = append(out, council)
	if a.Contribution > 0 {
		c := report.FundingRow{Source: "Your contribution", Weekly: budget.WeeksOf(1, a.Contribution, a.ContributionFrequency),
			Yearly: budget.WeeksOf(52, a.Contribution, a.ContributionFrequency), Paid: f.Contribution}
		if len(scheds) > 1 && budget.CheckSchedule("", scheds[1]) == "" {
			c.Expected, c.ExpectedKnown = due(scheds[1]), true
		}
		c.Note = shortfall(c)
		out = append(out, c)
	} else if f.Contribution != 0 {
		out = append(out, report.FundingRow{Source: "Your contribution", Paid: f.Contribution, Note: "no contribution is agreed on the budget"})
	}
	if f.OtherIncome != 0 {
		out = append(out, report.FundingRow{Source: "Other income (Independent Living Fund, health)", Paid: f.OtherIncome, Note: "as received"})
	}
	return out
}

func shortfall(r report.FundingRow) string {
	switch {
	case !r.ExpectedKnown:
		return ""
	case r.Paid == r.Expected:
		return "as expected"
	case r.Paid < r.Expected:
		return (r.Expected - r.Paid).Format() + " less than due"
	}
	return (r.Paid - r.Expected).Format() + " more than due"
}

func hmrcRow(p HMRCPeriodRow, today civil.Date) report.HMRCPaymentRow {
	h := report.HMRCPaymentRow{Period: p.Period.Label(), Due: p.Due, DueDate: p.DueDate, PaidDate: p.PaidDate, Late: p.Late}
	switch {
	case p.Due <= 0:
		h.Words = "nothing to pay"
	case !p.PaidDate.IsZero() && p.Late:
		h.Words = "paid " + p.PaidDate.UK() + ": LATE"
	case !p.PaidDate.IsZero():
		h.Words = "paid " + p.PaidDate.UK() + ", on time"
	case p.DueDate.Before(today):
		h.Words = "NOT PAID, and overdue"
		h.Late = true
	default:
		h.Words = "not paid yet (not due until " + p.DueDate.UK() + ")"
	}
	return h
}

// premiumPaid finds the ledger's payment of a policy's premium: a line
// under insurance within 60 days of the policy's start.
func premiumPaid(p household.Insurance, txs []budget.Transaction) string {
	for _, t := range txs {
		if t.Category != budget.CatInsurance || t.Amount >= 0 {
			continue
		}
		if d := t.Date.DaysSince(p.StartDate); d >= -60 && d <= 60 {
			return fmt.Sprintf("paid %s (%s)", t.Date.UK(), t.Amount.Abs().Format())
		}
	}
	return "no payment found in the ledger"
}

func payrollRows(slips []storage.Payslip) []report.PayrollRow {
	type key struct{ pa, month string }
	idx := map[key]int{}
	var out []report.PayrollRow
	for _, p := range slips {
		k := key{p.PA, p.Payday.Month.String() + fmt.Sprint(" ", p.Payday.Year)}
		i, ok := idx[k]
		if !ok {
			out = append(out, report.PayrollRow{PA: p.PA, Month: k.month})
			i = len(out) - 1
			idx[k] = i
		}
		row := &out[i]
		res := p.Result
		row.Payslips++
		row.Minutes += p.Minutes
		row.Gross += res.Gross
		row.Net += res.NetPay
		row.Tax += res.Tax
		row.EmployeeNI += res.EmployeeNI
		row.EmployerNI += res.EmployerNI
		row.EmployeePension += res.Pension.Employee
		row.EmployerPension += res.Pension.Employer
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].PA < out[j].PA })
	return out
}

// netPaid holds each PA's net pay on the period's payslips against the
// ledger's payments to them in the period: lines that settle their wages,
// and wage lines to them settling nothing.
func netPaid(slips []storage.Payslip, lines []budget.ReturnLine, owed map[int64]budget.Owed, outstanding []budget.Owed) []report.NetPaidRow {
	var names []string
	net := map[string]money.Money{}
	for _, p := range slips {
		if _, ok := net[p.PA]; !ok {
			names = append(names, p.PA)
		}
		net[p.PA] += p.Result.NetPay
	}
	sort.Strings(names)
	var out []report.NetPaidRow
	for _, name := range names {
		row := report.NetPaidRow{PA: name, NetPay: net[name]}
		for _, l := range lines {
			if l.Amount >= 0 {
				continue
			}
			if o, ok := owed[l.SettlesID]; ok {
				if o.Kind == budget.OwedNetPay && o.Payee == name {
					row.Paid -= l.Amount
				}
				continue
			}
			if l.Category == budget.CatWages && budget.PayeeMatches(name, l.Payee) {
				row.Paid -= l.Amount
			}
		}
		for _, o := range outstanding {
			if o.Kind == budget.OwedNetPay && o.Payee == name {
				row.Unpaid += o.Amount
			}
		}
		diff := row.Paid - row.NetPay
		switch {
		case diff == 0:
			row.Agrees, row.Words = true, "agrees: paid in full"
		case diff < 0 && -diff == row.Unpaid:
			row.Agrees, row.Words = true, fmt.Sprintf("%s still owed at the end of the period (paid after it)", row.Unpaid.Format())
		case diff < 0:
			row.Words = fmt.Sprintf("%s less paid than the payslips: check the payments", (-diff).Format())
		default:
			row.Words = fmt.Sprintf("%s more paid than the payslips: pay from before the period, or a payment to check", diff.Format())
		}
		out = append(out, row)
	}
	return out
}

func staffRow(tx *storage.Tx, p household.PA, to civil.Date, profile budget.CouncilProfile) (report.StaffRow, error) {
	row := report.StaffRow{PA: p.Name, Employed: "from " + p.StartDate.UK()}
	if !p.LeavingDate.IsZero() {
		row.Employed = p.StartDate.UK() + " to " + p.LeavingDate.UK()
	}
	cs, err := tx.Contracts(p.ID)
	if err != nil {
		return row, err
	}
	on := to
	if !p.LeavingDate.IsZero() && p.LeavingDate.Before(on) {
		on = p.LeavingDate
	}
	row.Contract = "no contract recorded"
	for _, c := range cs {
		if !c.EffectiveFrom.After(on) {
			row.Contract = "written terms from " + c.EffectiveFrom.UK()
		}
	}
	switch {
	case p.DBSIssueDate.IsZero():
		row.DBS, row.DBSFlag = "no DBS check recorded", profile.DBSYears > 0
	case profile.DBSYears > 0 && p.DBSIssueDate.AddMonths(12*profile.DBSYears).Before(on):
		row.DBS, row.DBSFlag = fmt.Sprintf("issued %s: over %d years old", p.DBSIssueDate.UK(), profile.DBSYears), true
	default:
		row.DBS = "issued " + p.DBSIssueDate.UK()
	}
	if p.RightToWorkDate.IsZero() {
		row.RightToWork, row.RTWFlag = "no check recorded", true
	} else {
		row.RightToWork = "checked " + p.RightToWorkDate.UK()
	}
	return row, nil
}

// returnWarnings are the gaps in a return, said plainly.
func returnWarnings(r report.ReturnDoc, today civil.Date) []string {
	var w []string
	if !r.Sent.IsZero() {
		w = append(w, fmt.Sprintf("This return was sent to the council on %s. Its period is closed: corrections go on the next return.", r.Sent.UK()))
	}
	if r.To.After(today.AddDays(-1)) {
		w = append(w, fmt.Sprintf("The period runs to %s, which is not over yet: its figures may still change.", r.To.UK()))
	}
	if r.Status.HasStatement && r.Status.Difference != 0 {
		w = append(w, r.Status.BankSays)
	} else if !r.Status.HasStatement {
		w = append(w, "The closing balance has not been checked against a bank statement: import one with balances.")
	}
	w = append(w, r.Figures.Notes...)
	if n := r.Figures.Unsorted; n > 0 {
		w = append(w, fmt.Sprintf("%d %s not sorted into a category yet.", n, text.Plural(n, "line is", "lines are")))
	}
	if n := len(r.Unevidenced()); n > 0 {
		w = append(w, fmt.Sprintf("%d %s no evidence held: they are listed together after the ledger.", n, text.Plural(n, "line has", "lines have")))
	}
	missing := 0
	for _, t := range r.Timesheets {
		if !t.Held {
			missing++
		}
	}
	if missing > 0 {
		w = append(w, fmt.Sprintf("%d %s no timesheet held.", missing, text.Plural(missing, "pay period has", "pay periods have")))
	}
	for _, h := range r.HMRC {
		if h.Late {
			w = append(w, fmt.Sprintf("HMRC, %s: %s.", h.Period, h.Words))
		}
	}
	for _, n := range r.NetPaid {
		if !n.Agrees {
			w = append(w, fmt.Sprintf("%s: %s.", n.PA, n.Words))
		}
	}
	if len(r.Insurance) == 0 && len(r.Staff) > 0 {
		w = append(w, "No employer's liability insurance is recorded for the period.")
	}
	for _, s := range r.Staff {
		if s.DBSFlag {
			w = append(w, fmt.Sprintf("%s: DBS check %s.", s.PA, s.DBS))
		}
		if s.RTWFlag {
			w = append(w, fmt.Sprintf("%s: right to work %s.", s.PA, s.RightToWork))
		}
	}
	return w
}

// sentReturnError refuses a change to a ledger line dated day in a period
// whose return was sent; nil when the day is open.
func sentReturnError(tx *storage.Tx, accountID int64, day civil.Date) error {
	x, ok, err := tx.SentReturnCovering(accountID, day)
	if err != nil || !ok {
		return err
	}
	return fieldError("date", "The return for %s to %s was sent to the council on %s, so its lines (this one is dated %s) can't change. Enter a correction dated today instead: it will show on the next return.",
		x.From.UK(), x.To.UK(), x.Sent.UK(), day.UK())
}

// lockedLine refuses a line that would change a sent return: a new line
// dated in its period, or a change to a line already in one. A line that
// says it corrects a return must name a return of this budget that was
// sent.
func lockedLine(tx *storage.Tx, accountID int64, t, stored budget.Transaction) error {
	if t.ID != 0 {
		if err := sentReturnError(tx, accountID, stored.Date); err != nil {
			return err
		}
	}
	if err := sentReturnError(tx, accountID, t.Date); err != nil {
		return err
	}
	if t.CorrectsReturn != 0 {
		x, err := tx.ReturnByID(t.CorrectsReturn)
		if errors.Is(err, storage.ErrNotFound) || (err == nil && (x.AccountID != accountID || x.Sent.IsZero())) {
			return fieldError("corrects", "A correction is to a return that was sent to the council: choose one of this budget's sent returns.")
		} else if err != nil {
			return err
		}
	}
	return nil
}
