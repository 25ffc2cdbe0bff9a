package service

import (
	"fmt"
	"io"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/payrun"
	"patoolkit/report"
	"patoolkit/storage"
	"patoolkit/text"
)

// maxExportDays is the longest span a payslip export may cover.
const maxExportDays = 400

func checkPayRange(from, to civil.Date) error {
	if from.IsZero() || to.IsZero() {
		return Invalidf("Enter the first and last days.")
	}
	if to.Before(from) {
		return Invalidf("The last day (%s) is before the first (%s): check the dates.", to.UK(), from.UK())
	}
	if to.DaysSince(from) > maxExportDays {
		return Invalidf("Choose at most %d days at a time.", maxExportDays)
	}
	return nil
}

// PayslipDocs returns the finalised payslips with paydays from..to (paID
// 0: every PA) as the payslip PDF prints them.
func (s *Service) PayslipDocs(accountID int64, from, to civil.Date, paID int64) ([]report.PayslipDoc, error) {
	if err := checkPayRange(from, to); err != nil {
		return nil, err
	}
	return read(s, "making the payslips", func(tx *storage.Tx) ([]report.PayslipDoc, error) {
		pc, err := loadPay(tx, accountID)
		if err != nil {
			return nil, err
		}
		slips, err := tx.Payslips(accountID, from, to, paID)
		if err != nil {
			return nil, err
		}
		pas := map[int64]household.PA{}
		for _, p := range pc.pas {
			pas[p.ID] = p
		}
		var out []report.PayslipDoc
		for _, p := range slips {
			doc, err := payslipDoc(tx, pc, pas[p.PAID], p)
			if err != nil {
				return nil, err
			}
			out = append(out, doc)
		}
		return out, nil
	})
}

// ExportPayslipsPDF writes the finalised payslips with paydays from..to,
// one page each.
func (s *Service) ExportPayslipsPDF(w io.Writer, accountID int64, from, to civil.Date, paID int64) error {
	docs, err := s.PayslipDocs(accountID, from, to, paID)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return Invalidf("There are no finalised payslips with paydays from %s to %s. Finalise the pay runs under Pay first.", from.UK(), to.UK())
	}
	a, err := s.Account(accountID)
	if err != nil {
		return err
	}
	return internal("writing the payslips PDF", report.PayslipsPDF(w, a.Description(), s.now(), docs))
}

// payslipDoc is a stored payslip as the PDF prints it.
func payslipDoc(tx *storage.Tx, pc payContext, pa household.PA, p Payslip) (report.PayslipDoc, error) {
	ps := p.Result
	code := ps.TaxCode.Base()
	if !ps.PAYE.Cumulative {
		code += " (week 1 / month 1 basis)"
	}
	cat := p.Input.NICategory
	if cat == 0 {
		cat = 'A'
	}
	period := fmt.Sprintf("Week %d", ps.Period)
	if ps.Frequency == payroll.Monthly {
		period = fmt.Sprintf("Month %d", ps.Period)
	}
	doc := report.PayslipDoc{
		Employer: pc.employer.Name, EmployerAddress: pc.employer.Address, PAYEReference: pc.employer.PAYEReference,
		PA: p.PA, PAAddress: pa.Address, NINumber: pa.NINumber, TaxCode: code, NICategory: cat.String(),
		Frequency: text.Capitalise(ps.Frequency.String()), TaxPeriod: period,
		PeriodFrom: p.Detail.Period.From, PeriodTo: p.Detail.Period.To, Payday: p.Payday,
		Gross: ps.Gross, NetPay: ps.NetPay,
	}
	for _, l := range ps.Lines {
		line := report.PayslipLine{Description: l.Description, Amount: l.Amount}
		if l.Minutes > 0 {
			line.Hours = text.Hours(int(l.Minutes))
			line.Rate = l.Rate
		}
		if l.Kind == payroll.Expenses || l.Kind == payroll.PensionRefund {
			doc.Additions = append(doc.Additions, line)
		} else {
			doc.Pay = append(doc.Pay, line)
		}
	}
	doc.Deductions = append(doc.Deductions,
		report.PayslipAmount{Label: "Income Tax", Note: "Income Tax under PAYE, on tax code " + ps.TaxCode.Base(), Amount: ps.Tax},
		report.PayslipAmount{Label: "National Insurance", Note: "Your National Insurance, category " + cat.String(), Amount: ps.EmployeeNI})
	if ps.StudentLoan != 0 {
		doc.Deductions = append(doc.Deductions, report.PayslipAmount{Label: "Student loan", Note: "Repayment of your student loan (" + ps.StudentLoanPlan.String() + "), collected for the Student Loans Company", Amount: ps.StudentLoan})
	}
	if ps.PostgraduateLoan != 0 {
		doc.Deductions = append(doc.Deductions, report.PayslipAmount{Label: "Postgraduate loan", Note: "Repayment of your postgraduate loan", Amount: ps.PostgraduateLoan})
	}
	scheme := p.Detail.Pension
	if scheme == "" {
		scheme = "the workplace pension"
	}
	if ps.Pension.Employee != 0 {
		how := "taken after tax; the scheme claims basic-rate tax relief for you"
		if p.Input.Pension.Method == payroll.NetPay {
			how = "taken before tax, so you pay less tax"
		}
		doc.Deductions = append(doc.Deductions, report.PayslipAmount{Label: "Pension", Note: "Your contribution to " + scheme + " (" + how + ")", Amount: ps.Pension.Employee})
	}
	y := ps.YearToDate
	doc.YearToDate = []report.PayslipAmount{
		{Label: "Gross pay", Amount: y.Gross}, {Label: "Taxable pay", Amount: y.TaxablePay}, {Label: "Income Tax", Amount: y.Tax},
		{Label: "National Insurance", Amount: y.EmployeeNI},
	}
	if y.StudentLoan != 0 || y.PostgraduateLoan != 0 {
		doc.YearToDate = append(doc.YearToDate, report.PayslipAmount{Label: "Student loans", Amount: y.StudentLoan + y.PostgraduateLoan})
	}
	if y.PensionEmployee != 0 {
		doc.YearToDate = append(doc.YearToDate, report.PayslipAmount{Label: "Your pension", Amount: y.PensionEmployee})
	}
	doc.YearToDate = append(doc.YearToDate, report.PayslipAmount{Label: "Net pay", Amount: y.NetPay})
	doc.EmployerPays = []report.PayslipAmount{{Label: "Employer's National Insurance", Amount: ps.EmployerNI}}
	if ps.Pension.Employer != 0 {
		doc.EmployerPays = append(doc.EmployerPays, report.PayslipAmount{Label: "Employer's pension contribution", Note: "to " + scheme, Amount: ps.Pension.Employer})
	}
	if h, err := holidayRecord(tx, pc.account.ID, pa, p.Payday); err == nil {
		var inLieu money.Money
		for _, l := range ps.Lines {
			if l.Kind == payroll.Holiday && strings.HasPrefix(l.Description, payrun.LeavingHoliday) {
				inLieu += l.Amount
			}
		}
		over := h.TakenMinutes - h.EntitlementMinutes - h.CarriedMinutes
		switch {
		case h.RolledUp:
			doc.Holiday = "Holiday pay is rolled up: it is paid in each payslip, on its own line."
		case inLieu > 0:
			doc.Holiday = "Your last pay: the holiday you had not taken by your leaving date (" + pa.LeavingDate.UK() + ") is paid on this payslip, " + inLieu.Format() + " on its own line."
		case pa.LastPaidIn(p.Detail.Period) && over > 0:
			doc.Holiday = "Your last pay: by your leaving date (" + pa.LeavingDate.UK() + ") you had taken " + text.Hours(int(over)) + " more holiday than you had earned."
		case pa.LastPaidIn(p.Detail.Period):
			doc.Holiday = "Your last pay: you had taken all the holiday you had earned by your leaving date (" + pa.LeavingDate.UK() + ")."
		default:
			so := "is"
			if h.Accrues {
				so = "so far is"
			}
			doc.Holiday = "Holiday left in your leave year (to " + h.Year.To.UK() + "): " + text.Hours(int(h.RemainingMinutes)) + ". Your entitlement " + so + " " +
				text.Hours(int(h.EntitlementMinutes)) + " (" + h.Method() + "); " + text.Hours(int(h.TakenMinutes)) + " taken, " + text.Hours(int(h.BookedMinutes)) + " booked."
		}
	}
	doc.PaidBy = "By bank transfer on " + p.Payday.UK()
	paid, err := paidOn(tx, p)
	if err != nil {
		return doc, err
	}
	if !paid.IsZero() && paid != p.Payday {
		doc.PaidBy = "By bank transfer on " + paid.UK()
	}
	for _, w := range p.Detail.Warnings {
		if strings.Contains(w.Message, "minimum wage") || strings.Contains(w.Message, "emergency") || strings.Contains(w.Message, "0T") {
			doc.Notes = append(doc.Notes, w.Message)
		}
	}
	return doc, nil
}

// paidOn is the date of the ledger payment of the payslip's net pay (zero
// when not paid in the ledger yet).
func paidOn(tx *storage.Tx, p Payslip) (civil.Date, error) {
	owed, err := tx.RunOwedPayments(p.RunID)
	if err != nil {
		return civil.Date{}, err
	}
	for _, o := range owed {
		if o.Owed.Payee == p.PA && o.Owed.Amount == p.Result.NetPay && o.Payments > 0 {
			return o.LastPaid, nil
		}
	}
	return civil.Date{}, nil
}

// ExportHMRCPDF writes the HMRC record of the tax year holding from..to,
// with the months or quarters that overlap it.
func (s *Service) ExportHMRCPDF(w io.Writer, accountID int64, from, to civil.Date) error {
	year := payroll.TaxYearOf(from)
	if !from.IsZero() && !to.IsZero() && !to.Before(from) && payroll.TaxYearOf(to) != year {
		return Invalidf("The HMRC record is kept per tax year (6 April to 5 April): choose days within one tax year, such as %s to %s.", year.Start().UK(), year.End().UK())
	}
	if err := checkPayRange(from, to); err != nil {
		return err
	}
	rec, err := s.HMRCRecord(accountID, year)
	if err != nil {
		return err
	}
	a, err := s.Account(accountID)
	if err != nil {
		return err
	}
	doc := hmrcDoc(rec, from, to)
	return internal("writing the HMRC record PDF", report.HMRCRecordPDF(w, a.Description(), s.now(), doc))
}

// hmrcDoc is the HMRC record's periods and filings from..to, for a PDF.
func hmrcDoc(rec HMRCRecord, from, to civil.Date) report.HMRCRecordDoc {
	doc := report.HMRCRecordDoc{Employer: rec.Employer.Name, PAYEReference: rec.Employer.PAYEReference,
		AccountsOfficeReference: rec.Employer.AccountsOfficeReference, TaxYear: rec.Year.String(), Quarterly: rec.Quarterly, Penalties: rec.Penalties}
	for _, p := range rec.Periods {
		if p.Period.End().Before(from) || p.Period.Start().After(to) {
			continue
		}
		doc.Periods = append(doc.Periods, report.HMRCRow{Period: p.Period.Label(), Tax: p.Tax, EmployeeNI: p.EmployeeNI, EmployerNI: p.EmployerNI,
			StudentLoan: p.StudentLoan, EmploymentAllowance: p.EmploymentAllowance, Recovered: p.Recovered, Due: p.Due,
			DueDate: p.DueDate, PaidDate: p.PaidDate, Late: p.Late})
	}
	for _, f := range rec.Filings {
		if f.Due.Before(from) || f.Due.After(to.AddDays(45)) {
			continue
		}
		doc.Filings = append(doc.Filings, report.FilingRow{What: f.What, Due: f.Due, Done: f.Done})
	}
	return doc
}
