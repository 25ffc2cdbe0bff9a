package storage

import (
	"database/sql"

	"patoolkit/household"
)

const paCols = `id, account_id, name, address, phone, email, date_of_birth, ni_number, start_date,
	leaving_date, leaving_reason, rtw_check_date, rtw_document, dbs_number, dbs_issue_date,
	emergency_contact, notes, tax_code, week1_month1, ni_category, student_loan, postgrad_loan,
	starter_statement, p45_pay_pence, p45_tax_pence, opted_out_48h, leave_year_from`

func scanPA(r rowScanner) (household.PA, error) {
	var p household.PA
	var w1, pg, opt int
	err := r.Scan(&p.ID, &p.AccountID, &p.Name, &p.Address, &p.Phone, &p.Email, dateScan{&p.DateOfBirth},
		&p.NINumber, dateScan{&p.StartDate}, dateScan{&p.LeavingDate}, &p.LeavingReason,
		dateScan{&p.RightToWorkDate}, &p.RightToWorkDoc, &p.DBSNumber, dateScan{&p.DBSIssueDate},
		&p.EmergencyContact, &p.Notes, &p.TaxCode, &w1, &p.NICategory, &p.StudentLoan, &pg,
		&p.StarterStatement, &p.P45PayToDate, &p.P45TaxToDate, &opt, dateScan{&p.LeaveYearFrom})
	p.Week1Month1, p.PostgradLoan, p.OptedOut48h = w1 == 1, pg == 1, opt == 1
	return p, err
}

// PAs returns an account's PAs (0 for every account), by name.
func (t *Tx) PAs(accountID int64) ([]household.PA, error) {
	var out []household.PA
	scan := func(r *sql.Rows) error {
		p, err := scanPA(r)
		out = append(out, p)
		return err
	}
	if accountID == 0 {
		return out, scanAll(t, scan, "SELECT "+paCols+" FROM pas ORDER BY account_id, name COLLATE NOCASE")
	}
	return out, scanAll(t, scan, "SELECT "+paCols+" FROM pas WHERE account_id = ? ORDER BY name COLLATE NOCASE", accountID)
}

// PA returns the PA with id.
func (t *Tx) PA(id int64) (household.PA, error) {
	p, err := scanPA(t.tx.QueryRow("SELECT "+paCols+" FROM pas WHERE id = ?", id))
	return p, notFound("PA", err)
}

// PANameTaken reports whether another PA (not id) of the account has name,
// ignoring case in any alphabet.
func (t *Tx) PANameTaken(accountID int64, name string, id int64) (bool, error) {
	return t.nameTaken(name, "SELECT name FROM pas WHERE account_id = ? AND id != ?", accountID, id)
}

func paArgs(p household.PA) []any {
	return []any{p.AccountID, p.Name, p.Address, p.Phone, p.Email, p.DateOfBirth.String(), p.NINumber,
		p.StartDate.String(), p.LeavingDate.String(), p.LeavingReason, p.RightToWorkDate.String(),
		p.RightToWorkDoc, p.DBSNumber, p.DBSIssueDate.String(), p.EmergencyContact, p.Notes, p.TaxCode,
		boolInt(p.Week1Month1), p.NICategory, p.StudentLoan, boolInt(p.PostgradLoan), p.StarterStatement,
		p.P45PayToDate, p.P45TaxToDate, boolInt(p.OptedOut48h), p.LeaveYearFrom.String()}
}

// InsertPA stores a new PA and sets its ID.
func (t *Tx) InsertPA(p *household.PA) error {
	return t.insertID(&p.ID, `INSERT INTO pas (account_id, name, address, phone, email, date_of_birth, ni_number,
		start_date, leaving_date, leaving_reason, rtw_check_date, rtw_document, dbs_number, dbs_issue_date,
		emergency_contact, notes, tax_code, week1_month1, ni_category, student_loan, postgrad_loan,
		starter_statement, p45_pay_pence, p45_tax_pence, opted_out_48h, leave_year_from)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, paArgs(*p)...)
}

// UpdatePA stores changes to an existing PA.
func (t *Tx) UpdatePA(p household.PA) error {
	return t.updateOne("PA", `UPDATE pas SET account_id = ?, name = ?, address = ?, phone = ?, email = ?,
		date_of_birth = ?, ni_number = ?, start_date = ?, leaving_date = ?, leaving_reason = ?,
		rtw_check_date = ?, rtw_document = ?, dbs_number = ?, dbs_issue_date = ?, emergency_contact = ?,
		notes = ?, tax_code = ?, week1_month1 = ?, ni_category = ?, student_loan = ?, postgrad_loan = ?,
		starter_statement = ?, p45_pay_pence = ?, p45_tax_pence = ?, opted_out_48h = ?, leave_year_from = ? WHERE id = ?`, append(paArgs(p), p.ID)...)
}
