package service

// Year end: the figures of each PA's P60 (for everyone employed on 5
// April) and of a leaver's P45, taken from the finalised payslips alone.
// Nothing is typed in that the toolkit already knows. HMRC prescribes the
// forms themselves: Basic PAYE Tools makes them; these are the figures to
// check them against.

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/report"
	"patoolkit/storage"
)

// P60NI is one NI category letter's line of a P60 or P45: the earnings in
// each band and the employee's NI, for the payslips on that letter.
type P60NI struct {
	Letter                  payroll.NICategory
	AtLEL, LELToPT, PTToUEL money.Money
	EmployeeNI              money.Money
}

// StatutoryPay is the statutory payments of the year, as a P60 lists
// them, from the payslips' lines of each kind.
type StatutoryPay struct {
	SSP, SMP, SPP, SAP, ShPP, SPBP, SNCP money.Money
}

// Add counts a payslip line that is a statutory payment under its kind
// (other lines add nothing).
func (s *StatutoryPay) Add(l payroll.Line) {
	for _, k := range []struct {
		kind payroll.LineKind
		to   *money.Money
	}{{payroll.SickPay, &s.SSP}, {payroll.MaternityPay, &s.SMP}, {payroll.PaternityPay, &s.SPP}, {payroll.AdoptionPay, &s.SAP},
		{payroll.SharedParentalPay, &s.ShPP}, {payroll.BereavementPay, &s.SPBP}, {payroll.NeonatalPay, &s.SNCP}} {
		if l.Kind == k.kind {
			*k.to += l.Amount
		}
	}
}

// Total is every statutory payment together: the year to date's
// StatutoryPay.
func (s StatutoryPay) Total() money.Money {
	return s.SSP + s.SMP + s.SPP + s.SAP + s.ShPP + s.SPBP + s.SNCP
}

// P60 is the figures of one PA's P60 for a tax year.
type P60 struct {
	Year                                     payroll.TaxYear
	Employer, EmployerAddress, PAYEReference string
	PA                                       household.PA
	// TaxCode is the final tax code (without its suffix); Week1Month1 is
	// true when it was operated on a week 1 / month 1 basis.
	TaxCode     string
	Week1Month1 bool
	// Previous is the pay and tax in previous employment in the year (the
	// P45 figures); Pay and Tax are those in this employment: the sums of
	// the payslips' taxable pay and tax.
	Previous payroll.PreviousEmployment
	Pay, Tax money.Money
	// ByLetter is the NI by category letter, in letter order;
	// EmployeeNI their total.
	ByLetter                      []P60NI
	EmployeeNI                    money.Money
	StudentLoan, PostgraduateLoan money.Money
	Statutory                     StatutoryPay
	// Payslips is how many payslips the figures come from; LastPayday
	// the payday of the last.
	Payslips   int
	LastPayday civil.Date
	// Due is when the PA must have their P60: 31 May after the year.
	Due civil.Date
	// YearOver is false when the tax year has not ended yet, so the
	// figures are to date only.
	YearOver bool
}

// TotalPay is pay in the year including previous employment.
func (p P60) TotalPay() money.Money { return p.Previous.TaxablePay + p.Pay }

// TotalTax is tax in the year including previous employment.
func (p P60) TotalTax() money.Money { return p.Previous.Tax + p.Tax }

// P60Due is the day a tax year's P60s must be given: 31 May after it.
func P60Due(year payroll.TaxYear) civil.Date { return civil.New(int(year)+1, time.May, 31) }

// P60s returns the P60 figures of a tax year for each PA who had
// finalised payslips in it and had not left before its last day (paID 0:
// every PA), by name.
func (s *Service) P60s(accountID int64, year payroll.TaxYear, paID int64) ([]P60, error) {
	today := s.today()
	return read(s, "working out the P60s", func(tx *storage.Tx) ([]P60, error) {
		return p60s(tx, accountID, year, paID, today)
	})
}

func p60s(tx *storage.Tx, accountID int64, year payroll.TaxYear, paID int64, today civil.Date) ([]P60, error) {
	pc, err := loadPay(tx, accountID)
	if err != nil {
		return nil, err
	}
	slips, err := tx.Payslips(accountID, year.Start(), year.End(), paID)
	if err != nil {
		return nil, err
	}
	pas := map[int64]household.PA{}
	for _, p := range pc.pas {
		pas[p.ID] = p
	}
	if paID != 0 {
		pa, ok := pas[paID]
		if !ok {
			return nil, NotFoundf("That PA is not in this budget.")
		}
		if len(slips) == 0 {
			return nil, Invalidf("%s has no finalised payslips in %s, so there is no P60 for them: a P60 is for someone paid in the tax year.", pa.Name, year)
		}
		if pa.HasLeft(year.End()) {
			return nil, Invalidf("%s left on %s, before the end of %s: a leaver gets a P45 (patoolkit p45), not a P60.", pa.Name, pa.LeavingDate.UK(), year)
		}
	}
	if len(slips) == 0 {
		return nil, Invalidf("There are no finalised payslips in %s, so there are no P60s. Finalise the year's pay runs under Pay first.", year)
	}
	byPA := map[int64][]Payslip{}
	for _, p := range slips {
		byPA[p.PAID] = append(byPA[p.PAID], p)
	}
	var out []P60
	for id, ps := range byPA {
		pa, ok := pas[id]
		if !ok {
			return nil, fmt.Errorf("payslip %d is for PA %d, who is not in budget %d", ps[0].ID, id, accountID)
		}
		if pa.HasLeft(year.End()) {
			continue
		}
		p, err := p60Of(pc, pa, year, ps)
		if err != nil {
			return nil, err
		}
		p.YearOver = today.After(year.End())
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, Invalidf("Everyone paid in %s left before its last day, so there are no P60s: each leaver gets a P45 instead.", year)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PA.Name < out[j].PA.Name })
	return out, nil
}

// p60Of adds up one PA's payslips of the year (oldest first), and checks
// the sums against the last payslip's year to date.
func p60Of(pc payContext, pa household.PA, year payroll.TaxYear, slips []Payslip) (P60, error) {
	last := slips[len(slips)-1]
	p := P60{Year: year, Employer: pc.employer.Name, EmployerAddress: pc.employer.Address, PAYEReference: pc.employer.PAYEReference,
		PA: pa, TaxCode: last.Result.TaxCode.Base(), Week1Month1: !last.Result.PAYE.Cumulative,
		Previous: last.Input.Previous, Payslips: len(slips), LastPayday: last.Payday, Due: P60Due(year)}
	letters := map[payroll.NICategory]*P60NI{}
	for _, s := range slips {
		r := s.Result
		p.Pay += r.TaxablePay
		p.Tax += r.Tax
		p.EmployeeNI += r.EmployeeNI
		p.StudentLoan += r.StudentLoan
		p.PostgraduateLoan += r.PostgraduateLoan
		for _, l := range r.Lines {
			p.Statutory.Add(l)
		}
		cat := s.Input.NICategory
		if cat == 0 {
			cat = 'A'
		}
		n := letters[cat]
		if n == nil {
			n = &P60NI{Letter: cat}
			letters[cat] = n
		}
		n.AtLEL += r.NI.AtLEL
		n.LELToPT += r.NI.LELToPT
		n.PTToUEL += r.NI.PTToUEL
		n.EmployeeNI += r.EmployeeNI
	}
	for _, n := range letters {
		p.ByLetter = append(p.ByLetter, *n)
	}
	sort.Slice(p.ByLetter, func(i, j int) bool { return p.ByLetter[i].Letter < p.ByLetter[j].Letter })
	y := last.Result.YearToDate
	if p.Pay != y.TaxablePay || p.Tax != y.Tax || p.EmployeeNI != y.EmployeeNI || p.StudentLoan != y.StudentLoan || p.PostgraduateLoan != y.PostgraduateLoan {
		return p, fmt.Errorf("%s %s: the payslips add up to taxable pay %s, tax %s, NI %s, loans %s/%s but the last payslip's year to date is %s, %s, %s, %s/%s",
			pa.Name, year, p.Pay.Format(), p.Tax.Format(), p.EmployeeNI.Format(), p.StudentLoan.Format(), p.PostgraduateLoan.Format(),
			y.TaxablePay.Format(), y.Tax.Format(), y.EmployeeNI.Format(), y.StudentLoan.Format(), y.PostgraduateLoan.Format())
	}
	return p, nil
}

// P45 is the figures of a leaver's P45, from their last payslip.
type P45 struct {
	Employer, EmployerAddress, PAYEReference string
	PA                                       household.PA
	LeavingDate                              civil.Date
	// TaxCode at leaving (without its suffix); Week1Month1 when it was
	// operated on a week 1 / month 1 basis.
	TaxCode     string
	Week1Month1 bool
	// Year, Frequency and Period are the tax year and the last tax week
	// or month paid (from the last payslip, paid on LastPayday).
	Year       payroll.TaxYear
	Frequency  payroll.Frequency
	Period     int
	LastPayday civil.Date
	// Previous is the pay and tax in previous employment in the year;
	// Pay and Tax those in this employment, to date.
	Previous payroll.PreviousEmployment
	Pay, Tax money.Money
	// StudentLoan and PostgraduateLoan: whether deductions continue.
	StudentLoan, PostgraduateLoan bool
	// Week53 is set when the last pay was the year's extra payday (tax
	// week 53, 54 or 56), which is worked out on a week 1 basis whatever
	// the code's own basis.
	Week53 bool
}

// Monthly reports whether Period is a tax month (else a tax week).
func (p P45) Monthly() bool { return p.Frequency == payroll.Monthly }

// TotalPay is pay to date in the year including previous employment.
func (p P45) TotalPay() money.Money { return p.Previous.TaxablePay + p.Pay }

// TotalTax is tax to date in the year including previous employment.
func (p P45) TotalTax() money.Money { return p.Previous.Tax + p.Tax }

// P45 returns the figures of a leaver's P45, refusing a PA who has not
// left or whose last pay is not finalised yet.
func (s *Service) P45(accountID, paID int64) (P45, error) {
	return read(s, "working out the P45", func(tx *storage.Tx) (P45, error) {
		return p45(tx, accountID, paID)
	})
}

func p45(tx *storage.Tx, accountID, paID int64) (P45, error) {
	pc, err := loadPay(tx, accountID)
	if err != nil {
		return P45{}, err
	}
	pa, err := tx.PA(paID)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && pa.AccountID != accountID) {
		return P45{}, NotFoundf("That PA is not in this budget.")
	} else if err != nil {
		return P45{}, err
	}
	if pa.LeavingDate.IsZero() {
		return P45{}, Invalidf("%s has not left: set their leaving date under People first.", pa.Name)
	}
	slips, err := tx.PayslipsBefore(pa.ID, civil.New(9999, time.December, 31))
	if err != nil {
		return P45{}, err
	}
	if len(slips) == 0 {
		return P45{}, Invalidf("%s has no finalised payslips, so there is nothing for a P45 yet: finalise their last pay under Pay first.", pa.Name)
	}
	last := slips[len(slips)-1]
	if last.Detail.Period.To.Before(pa.LeavingDate) {
		return P45{}, Invalidf("%s's last pay is not finalised yet: their last payslip is for %s to %s, but they left on %s. Finalise the pay run that pays up to their leaving date under Pay, then make the P45.",
			pa.Name, last.Detail.Period.From.UK(), last.Detail.Period.To.UK(), pa.LeavingDate.UK())
	}
	r := last.Result
	p := P45{Employer: pc.employer.Name, EmployerAddress: pc.employer.Address, PAYEReference: pc.employer.PAYEReference,
		PA: pa, LeavingDate: pa.LeavingDate, TaxCode: r.TaxCode.Base(),
		Week1Month1: last.Input.Week1Month1 || r.TaxCode.NonCumulative(), Week53: r.FPS.Week53 != 0,
		Year: r.TaxYear, Frequency: r.Frequency, Period: r.Period, LastPayday: last.Payday,
		Previous: last.Input.Previous, Pay: r.YearToDate.TaxablePay, Tax: r.YearToDate.Tax,
		StudentLoan: last.Input.StudentLoan != payroll.NoStudentLoan, PostgraduateLoan: last.Input.PostgraduateLoan}
	return p, nil
}

// P60Docs returns the P60 figures as the PDF prints them.
func (s *Service) P60Docs(accountID int64, year payroll.TaxYear, paID int64) ([]report.P60Doc, error) {
	ps, err := s.P60s(accountID, year, paID)
	if err != nil {
		return nil, err
	}
	out := make([]report.P60Doc, len(ps))
	for i, p := range ps {
		d := report.P60Doc{TaxYear: p.Year.String(), Employer: p.Employer, EmployerAddress: p.EmployerAddress, PAYEReference: p.PAYEReference,
			PA: p.PA.Name, PAAddress: p.PA.Address, NINumber: p.PA.NINumber, TaxCode: codeText(p.TaxCode, p.Week1Month1),
			PreviousPay: p.Previous.TaxablePay, PreviousTax: p.Previous.Tax, Pay: p.Pay, Tax: p.Tax,
			EmployeeNI: p.EmployeeNI, StudentLoan: p.StudentLoan, PostgraduateLoan: p.PostgraduateLoan, Due: p.Due,
			Statutory: []report.PayslipAmount{{Label: "Statutory Sick Pay", Amount: p.Statutory.SSP},
				{Label: "Statutory Maternity Pay", Amount: p.Statutory.SMP}, {Label: "Statutory Paternity Pay", Amount: p.Statutory.SPP},
				{Label: "Statutory Adoption Pay", Amount: p.Statutory.SAP}, {Label: "Statutory Shared Parental Pay", Amount: p.Statutory.ShPP},
				{Label: "Statutory Parental Bereavement Pay", Amount: p.Statutory.SPBP}, {Label: "Statutory Neonatal Care Pay", Amount: p.Statutory.SNCP}},
		}
		for _, n := range p.ByLetter {
			d.NI = append(d.NI, report.NILetterRow{Letter: n.Letter.String(), AtLEL: n.AtLEL, LELToPT: n.LELToPT, PTToUEL: n.PTToUEL, EmployeeNI: n.EmployeeNI})
		}
		if !p.YearOver {
			d.Notes = append(d.Notes, fmt.Sprintf("The tax year %s has not ended yet: these are the figures to date, from %d payslips up to %s. Give the P60 after the last payday of the year.", p.Year, p.Payslips, p.LastPayday.UK()))
		}
		out[i] = d
	}
	return out, nil
}

// ExportP60PDF writes the P60 figures of a tax year, one page per PA.
func (s *Service) ExportP60PDF(w io.Writer, accountID int64, year payroll.TaxYear, paID int64) error {
	docs, err := s.P60Docs(accountID, year, paID)
	if err != nil {
		return err
	}
	a, err := s.Account(accountID)
	if err != nil {
		return err
	}
	return internal("writing the P60 PDF", report.P60PDF(w, a.Description(), s.now(), docs))
}

// P45Doc returns a leaver's P45 figures as the PDF prints them.
func (s *Service) P45Doc(accountID, paID int64) (report.P45Doc, error) {
	p, err := s.P45(accountID, paID)
	if err != nil {
		return report.P45Doc{}, err
	}
	period := fmt.Sprintf("Week %d", p.Period)
	if p.Monthly() {
		period = fmt.Sprintf("Month %d", p.Period)
	}
	return report.P45Doc{Employer: p.Employer, EmployerAddress: p.EmployerAddress, PAYEReference: p.PAYEReference,
		PA: p.PA.Name, PAAddress: p.PA.Address, NINumber: p.PA.NINumber, LeavingDate: p.LeavingDate, TaxYear: p.Year.String(),
		TaxCode: p.TaxCode, Week1Month1: p.Week1Month1, LastPeriod: period, LastPayday: p.LastPayday,
		TotalPay: p.TotalPay(), TotalTax: p.TotalTax(), Pay: p.Pay, Tax: p.Tax,
		StudentLoan: p.StudentLoan, PostgraduateLoan: p.PostgraduateLoan, Week53: p.Week53}, nil
}

// ExportP45PDF writes a leaver's P45 figures.
func (s *Service) ExportP45PDF(w io.Writer, accountID, paID int64) error {
	doc, err := s.P45Doc(accountID, paID)
	if err != nil {
		return err
	}
	a, err := s.Account(accountID)
	if err != nil {
		return err
	}
	return internal("writing the P45 PDF", report.P45PDF(w, a.Description(), s.now(), doc))
}

// codeText is a tax code as printed, with its basis when week 1 / month 1.
func codeText(code string, w1m1 bool) string {
	if w1m1 {
		return code + " (week 1 / month 1 basis)"
	}
	return code
}
