package storage

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/payrun"
)

// PayRun is a finalised pay run: a payday's payslips, stored and locked.
type PayRun struct {
	ID        int64
	AccountID int64
	Period    household.PayPeriod
	TaxYear   payroll.TaxYear
	Frequency payroll.Frequency
	TaxPeriod int
	// Allowance is the Employment Allowance the run used.
	Allowance   money.Money
	FinalisedAt time.Time
	// ReversedAt is zero while the run is in force.
	ReversedAt     time.Time
	ReversalReason string
}

// Live reports whether the run is in force (not reversed).
func (r PayRun) Live() bool { return r.ReversedAt.IsZero() }

// Payslip is one stored payslip: the engine's input and result, and where
// its lines came from.
type Payslip struct {
	ID     int64
	RunID  int64
	PAID   int64
	PA     string
	Payday civil.Date
	// Live is false when the run was reversed.
	Live    bool
	Minutes int64
	Miles   int64 // tenths of a mile
	Input   payroll.PayslipInput
	Result  payroll.Payslip
	Detail  PayslipDetail
}

// PayslipDetail is what a payslip keeps beside the engine's figures.
type PayslipDetail struct {
	Lines    []payrun.Line       `json:"lines"`
	Warnings []payrun.Warning    `json:"warnings"`
	FPS      payrun.FPSDetails   `json:"fps"`
	Period   household.PayPeriod `json:"period"`
	Pension  string              `json:"pension,omitempty"`
	Holiday  money.Money         `json:"holiday"`
	// Timesheets and Adjustments are the records the payslip paid.
	Timesheets  []int64 `json:"timesheets,omitempty"`
	Adjustments []int64 `json:"adjustments,omitempty"`
	// Duties is the automatic enrolment decision for this pay, with the
	// period's assessment (nil: the employer had recorded no duties).
	Duties *payroll.Decision `json:"pension_duties,omitempty"`
}

const payRunCols = "id, account_id, payday, period_from, period_to, tax_year, frequency, tax_period, allowance_pence, finalised_at, reversed_at, reversal_reason"

func scanPayRun(r rowScanner) (PayRun, error) {
	var p PayRun
	var freq, fin, rev string
	err := r.Scan(&p.ID, &p.AccountID, dateScan{&p.Period.Payday}, dateScan{&p.Period.From}, dateScan{&p.Period.To},
		&p.TaxYear, &freq, &p.TaxPeriod, &p.Allowance, &fin, &rev, &p.ReversalReason)
	if err != nil {
		return p, err
	}
	if p.Frequency, err = payroll.ParseFrequency(freq); err != nil {
		return p, fmt.Errorf("pay run %d: %w", p.ID, err)
	}
	if p.FinalisedAt, err = time.Parse(time.RFC3339, fin); err != nil {
		return p, fmt.Errorf("pay run %d: %w", p.ID, err)
	}
	if rev != "" {
		if p.ReversedAt, err = time.Parse(time.RFC3339, rev); err != nil {
			return p, fmt.Errorf("pay run %d: %w", p.ID, err)
		}
	}
	return p, nil
}

// PayRuns returns an account's pay runs with paydays from..to, reversed
// ones too, by payday and then in the order they were made.
func (t *Tx) PayRuns(accountID int64, from, to civil.Date) ([]PayRun, error) {
	return queryAll(t, scanPayRun, "SELECT "+payRunCols+" FROM pay_runs WHERE account_id = ? AND payday >= ? AND payday <= ? ORDER BY payday, id",
		accountID, from.String(), to.String())
}

// PayRun returns one pay run.
func (t *Tx) PayRun(id int64) (PayRun, error) {
	p, err := scanPayRun(t.tx.QueryRow("SELECT "+payRunCols+" FROM pay_runs WHERE id = ?", id))
	return p, notFound("pay run", err)
}

// LivePayRun returns the run in force for a payday (ErrNotFound: none).
func (t *Tx) LivePayRun(accountID int64, payday civil.Date) (PayRun, error) {
	p, err := scanPayRun(t.tx.QueryRow("SELECT "+payRunCols+" FROM pay_runs WHERE account_id = ? AND payday = ? AND reversed_at = ''",
		accountID, payday.String()))
	return p, notFound("pay run", err)
}

// LatestLivePayday returns the last payday with a run in force (zero: none).
func (t *Tx) LatestLivePayday(accountID int64) (civil.Date, error) {
	var d civil.Date
	err := t.tx.QueryRow("SELECT coalesce(max(payday), '') FROM pay_runs WHERE account_id = ? AND reversed_at = ''", accountID).Scan(dateScan{&d})
	return d, err
}

// FirstLivePayday returns the first payday with a run in force (zero: none).
func (t *Tx) FirstLivePayday(accountID int64) (civil.Date, error) {
	var d civil.Date
	err := t.tx.QueryRow("SELECT coalesce(min(payday), '') FROM pay_runs WHERE account_id = ? AND reversed_at = ''", accountID).Scan(dateScan{&d})
	return d, err
}

// RunTotals returns the employer's NI of the payslips and the Employment
// Allowance of the runs in force with paydays from..to.
func (t *Tx) RunTotals(accountID int64, from, to civil.Date) (employerNI, allowance money.Money, err error) {
	err = t.tx.QueryRow(`SELECT coalesce((SELECT sum(s.employer_ni_pence) FROM payslips s JOIN pay_runs r ON r.id = s.run_id
		WHERE r.account_id = ?1 AND r.reversed_at = '' AND r.payday >= ?2 AND r.payday <= ?3), 0),
		coalesce((SELECT sum(allowance_pence) FROM pay_runs WHERE account_id = ?1 AND reversed_at = '' AND payday >= ?2 AND payday <= ?3), 0)`,
		accountID, from.String(), to.String()).Scan(&employerNI, &allowance)
	return employerNI, allowance, err
}

// InsertPayRun stores a finalised run and sets its ID.
func (t *Tx) InsertPayRun(r *PayRun) error {
	return t.insertID(&r.ID, `INSERT INTO pay_runs (account_id, payday, period_from, period_to, tax_year, frequency, tax_period,
		allowance_pence, finalised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.AccountID, r.Period.Payday.String(), r.Period.From.String(), r.Period.To.String(), int(r.TaxYear), r.Frequency.String(),
		r.TaxPeriod, r.Allowance, r.FinalisedAt.UTC().Format(time.RFC3339))
}

// ReversePayRun marks a run reversed, with the reason.
func (t *Tx) ReversePayRun(id int64, at time.Time, reason string) error {
	return t.updateOne("pay run", "UPDATE pay_runs SET reversed_at = ?, reversal_reason = ? WHERE id = ? AND reversed_at = ''",
		at.UTC().Format(time.RFC3339), reason, id)
}

// InsertPayslip stores a payslip of a run and sets its ID.
func (t *Tx) InsertPayslip(p *Payslip) error {
	in, err := json.Marshal(p.Input)
	if err != nil {
		return err
	}
	res, err := json.Marshal(p.Result)
	if err != nil {
		return err
	}
	det, err := json.Marshal(p.Detail)
	if err != nil {
		return err
	}
	r := &p.Result
	return t.insertID(&p.ID, `INSERT INTO payslips (run_id, pa_id, pa_name, minutes, miles_tenths, gross_pence, taxable_pence,
		ni_pay_pence, tax_pence, employee_ni_pence, employer_ni_pence, student_loan_pence, pg_loan_pence,
		pension_employee_pence, pension_employer_pence, expenses_pence, net_pence, input, result, sources)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.RunID, p.PAID, p.PA, p.Minutes, p.Miles, r.Gross, r.TaxablePay, r.NIablePay, r.Tax, r.EmployeeNI, r.EmployerNI,
		r.StudentLoan, r.PostgraduateLoan, r.Pension.Employee, r.Pension.Employer, r.Expenses, r.NetPay,
		string(in), string(res), string(det))
}

const payslipCols = `s.id, s.run_id, s.pa_id, s.pa_name, r.payday, r.reversed_at = '', s.minutes, s.miles_tenths, s.input, s.result, s.sources`

func scanPayslip(r rowScanner) (Payslip, error) {
	var p Payslip
	var in, res, det string
	if err := r.Scan(&p.ID, &p.RunID, &p.PAID, &p.PA, dateScan{&p.Payday}, &p.Live, &p.Minutes, &p.Miles, &in, &res, &det); err != nil {
		return p, err
	}
	if err := json.Unmarshal([]byte(in), &p.Input); err != nil {
		return p, fmt.Errorf("payslip %d: %w", p.ID, err)
	}
	if err := json.Unmarshal([]byte(res), &p.Result); err != nil {
		return p, fmt.Errorf("payslip %d: %w", p.ID, err)
	}
	if err := json.Unmarshal([]byte(det), &p.Detail); err != nil {
		return p, fmt.Errorf("payslip %d: %w", p.ID, err)
	}
	return p, nil
}

// Payslips returns the payslips of runs in force with paydays from..to,
// oldest first, then by PA name. paID 0 means every PA.
func (t *Tx) Payslips(accountID int64, from, to civil.Date, paID int64) ([]Payslip, error) {
	q := "SELECT " + payslipCols + " FROM payslips s JOIN pay_runs r ON r.id = s.run_id WHERE r.account_id = ? AND r.reversed_at = '' AND r.payday >= ? AND r.payday <= ?"
	args := []any{accountID, from.String(), to.String()}
	if paID != 0 {
		q += " AND s.pa_id = ?"
		args = append(args, paID)
	}
	return queryAll(t, scanPayslip, q+" ORDER BY r.payday, s.pa_name COLLATE NOCASE, s.id", args...)
}

// RunPayslips returns a run's payslips by PA name.
func (t *Tx) RunPayslips(runID int64) ([]Payslip, error) {
	return queryAll(t, scanPayslip, "SELECT "+payslipCols+" FROM payslips s JOIN pay_runs r ON r.id = s.run_id WHERE s.run_id = ? ORDER BY s.pa_name COLLATE NOCASE, s.id", runID)
}

// PayslipsBefore returns a PA's payslips in force paid before payday
// (every tax year), oldest first: their pay history.
func (t *Tx) PayslipsBefore(paID int64, payday civil.Date) ([]Payslip, error) {
	return queryAll(t, scanPayslip, "SELECT "+payslipCols+" FROM payslips s JOIN pay_runs r ON r.id = s.run_id WHERE s.pa_id = ? AND r.reversed_at = '' AND r.payday < ? ORDER BY r.payday, s.id",
		paID, payday.String())
}

// MarkTimesheetsPaid records the run that paid the timesheets (0: none).
func (t *Tx) MarkTimesheetsPaid(runID int64, ids []int64) error {
	var run any
	if runID != 0 {
		run = runID
	}
	for _, id := range ids {
		if err := t.updateOne("timesheet", "UPDATE timesheets SET pay_run_id = ? WHERE id = ?", run, id); err != nil {
			return err
		}
	}
	return nil
}

// TimesheetsPaidBy returns the IDs of the timesheets a run paid.
func (t *Tx) TimesheetsPaidBy(runID int64) ([]int64, error) {
	return queryAll(t, func(r rowScanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, "SELECT id FROM timesheets WHERE pay_run_id = ? ORDER BY id", runID)
}

// InsertRunOwed stores an owed item raised by a pay run.
func (t *Tx) InsertRunOwed(accountID, runID int64, o *budget.Owed) error {
	if err := t.InsertOwed(accountID, o); err != nil {
		return err
	}
	_, err := t.exec("UPDATE owed SET pay_run_id = ? WHERE id = ?", runID, o.ID)
	return err
}

// OwedPayments is an owed item and the ledger lines that pay it.
type OwedPayments struct {
	Owed budget.Owed
	// Payments is how many ledger lines pay it, Paid their total and
	// LastPaid the date of the latest.
	Payments int
	Paid     money.Money
	LastPaid civil.Date
}

// RunOwedPayments returns the owed items a run raised, with their payments.
func (t *Tx) RunOwedPayments(runID int64) ([]OwedPayments, error) {
	return queryAll(t, scanOwedPayments, "SELECT "+owedCols+owedPaymentCols+" FROM owed WHERE pay_run_id = ? ORDER BY id", runID)
}

const owedPaymentCols = `, (SELECT count(*) FROM ledger l WHERE l.settles_id = owed.id),
		(SELECT coalesce(sum(amount_pence), 0) FROM ledger l WHERE l.settles_id = owed.id),
		(SELECT coalesce(max(date), '') FROM ledger l WHERE l.settles_id = owed.id)`

func scanOwedPayments(r rowScanner) (OwedPayments, error) {
	var o OwedPayments
	var err error
	o.Owed, err = scanOwed(r, &o.Payments, &o.Paid, dateScan{&o.LastPaid})
	o.Paid = -o.Paid
	return o, err
}

// RunOwed returns the owed items a run raised, and for each how many
// ledger lines pay it.
func (t *Tx) RunOwed(runID int64) ([]budget.Owed, []int, error) {
	all, err := t.RunOwedPayments(runID)
	if err != nil {
		return nil, nil, err
	}
	out := make([]budget.Owed, len(all))
	paid := make([]int, len(all))
	for i, o := range all {
		out[i], paid[i] = o.Owed, o.Payments
	}
	return out, paid, nil
}

// HMRCOwed returns the item owed to HMRC for a tax month or quarter (by
// its key) with its payments; ok is false when there is none yet.
func (t *Tx) HMRCOwed(accountID int64, period string) (o OwedPayments, ok bool, err error) {
	all, err := queryAll(t, scanOwedPayments, "SELECT "+owedCols+owedPaymentCols+" FROM owed WHERE account_id = ? AND hmrc_period = ? ORDER BY id LIMIT 1", accountID, period)
	if err != nil || len(all) == 0 {
		return OwedPayments{}, false, err
	}
	return all[0], true, nil
}

// InsertHMRCOwed stores the item owed to HMRC for a tax month or quarter.
func (t *Tx) InsertHMRCOwed(accountID int64, period string, o *budget.Owed) error {
	if err := t.InsertOwed(accountID, o); err != nil {
		return err
	}
	_, err := t.exec("UPDATE owed SET hmrc_period = ? WHERE id = ?", period, o.ID)
	return err
}

// DeleteOwed removes an owed item that nothing pays.
func (t *Tx) DeleteOwed(id int64) error {
	return t.updateOne("money owed", "DELETE FROM owed WHERE id = ? AND NOT EXISTS (SELECT 1 FROM ledger WHERE settles_id = owed.id)", id)
}

// DeleteRunOwed removes the owed items a run raised.
func (t *Tx) DeleteRunOwed(runID int64) error {
	_, err := t.exec("DELETE FROM owed WHERE pay_run_id = ?", runID)
	return err
}

const adjustmentCols = "id, pa_id, payday, kind, description, amount_pence, coalesce(run_id, 0)"

func scanAdjustment(r rowScanner) (payrun.Adjustment, error) {
	var a payrun.Adjustment
	var kind string
	err := r.Scan(&a.ID, &a.PAID, dateScan{&a.Payday}, &kind, &a.Description, &a.Amount, &a.RunID)
	a.Kind = payrun.AdjustmentKind(kind)
	return a, err
}

// Adjustments returns the lines entered by hand for a payday, paid or not.
func (t *Tx) Adjustments(accountID int64, payday civil.Date) ([]payrun.Adjustment, error) {
	return queryAll(t, scanAdjustment, "SELECT "+adjustmentCols+" FROM pay_adjustments WHERE account_id = ? AND payday = ? ORDER BY id",
		accountID, payday.String())
}

// Adjustment returns one line entered by hand and its account.
func (t *Tx) Adjustment(id int64) (payrun.Adjustment, int64, error) {
	var accountID int64
	a, err := scanAdjustment(t.tx.QueryRow("SELECT "+adjustmentCols+", account_id FROM pay_adjustments WHERE id = ?", id))
	if err == nil {
		err = t.tx.QueryRow("SELECT account_id FROM pay_adjustments WHERE id = ?", id).Scan(&accountID)
	}
	return a, accountID, notFound("pay line", err)
}

// InsertAdjustment stores a line entered by hand and sets its ID.
func (t *Tx) InsertAdjustment(accountID int64, a *payrun.Adjustment) error {
	return t.insertID(&a.ID, "INSERT INTO pay_adjustments (account_id, pa_id, payday, kind, description, amount_pence) VALUES (?, ?, ?, ?, ?, ?)",
		accountID, a.PAID, a.Payday.String(), string(a.Kind), a.Description, a.Amount)
}

// DeleteAdjustment removes a line entered by hand that no run has paid.
func (t *Tx) DeleteAdjustment(id int64) error {
	return t.updateOne("pay line", "DELETE FROM pay_adjustments WHERE id = ? AND run_id IS NULL", id)
}

// MarkAdjustmentsPaid records the run that paid the lines (0: none).
func (t *Tx) MarkAdjustmentsPaid(runID int64, ids []int64) error {
	var run any
	if runID != 0 {
		run = runID
	}
	for _, id := range ids {
		if err := t.updateOne("pay line", "UPDATE pay_adjustments SET run_id = ? WHERE id = ?", run, id); err != nil {
			return err
		}
	}
	return nil
}

// UnmarkRun forgets that a run paid its timesheets and lines.
func (t *Tx) UnmarkRun(runID int64) error {
	if _, err := t.exec("UPDATE timesheets SET pay_run_id = NULL WHERE pay_run_id = ?", runID); err != nil {
		return err
	}
	_, err := t.exec("UPDATE pay_adjustments SET run_id = NULL WHERE run_id = ?", runID)
	return err
}

// HMRCPaid returns when each HMRC period was marked paid, by period key.
func (t *Tx) HMRCPaid(accountID int64) (map[string]civil.Date, error) {
	out := map[string]civil.Date{}
	err := scanAll(t, func(r *sql.Rows) error {
		var k string
		var d civil.Date
		if err := r.Scan(&k, dateScan{&d}); err != nil {
			return err
		}
		out[k] = d
		return nil
	}, "SELECT period, paid_on FROM hmrc_paid WHERE account_id = ?", accountID)
	return out, err
}

// SetHMRCPaid records when an HMRC period's bill was paid (zero: not paid).
func (t *Tx) SetHMRCPaid(accountID int64, period string, on civil.Date) error {
	if on.IsZero() {
		_, err := t.exec("DELETE FROM hmrc_paid WHERE account_id = ? AND period = ?", accountID, period)
		return err
	}
	_, err := t.exec("INSERT INTO hmrc_paid (account_id, period, paid_on) VALUES (?, ?, ?) ON CONFLICT (account_id, period) DO UPDATE SET paid_on = excluded.paid_on",
		accountID, period, on.String())
	return err
}

// Filed returns what has been marked sent to HMRC: kind + " " + ref to
// the day it was done.
func (t *Tx) Filed(accountID int64) (map[string]civil.Date, error) {
	out := map[string]civil.Date{}
	err := scanAll(t, func(r *sql.Rows) error {
		var k, ref string
		var d civil.Date
		if err := r.Scan(&k, &ref, dateScan{&d}); err != nil {
			return err
		}
		out[k+" "+ref] = d
		return nil
	}, "SELECT kind, ref, done_on FROM hmrc_filed WHERE account_id = ?", accountID)
	return out, err
}

// SetFiled records that something was sent to HMRC on a day (zero: not).
func (t *Tx) SetFiled(accountID int64, kind, ref string, on civil.Date) error {
	if on.IsZero() {
		_, err := t.exec("DELETE FROM hmrc_filed WHERE account_id = ? AND kind = ? AND ref = ?", accountID, kind, ref)
		return err
	}
	_, err := t.exec("INSERT INTO hmrc_filed (account_id, kind, ref, done_on) VALUES (?, ?, ?, ?) ON CONFLICT (account_id, kind, ref) DO UPDATE SET done_on = excluded.done_on",
		accountID, kind, ref, on.String())
	return err
}
