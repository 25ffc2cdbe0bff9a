package storage

import "patoolkit/household"

// Employer returns the employer details of an account.
func (t *Tx) Employer(accountID int64) (household.Employer, error) {
	var e household.Employer
	var ea int
	err := t.tx.QueryRow(`SELECT account_id, name, address, paye_reference, accounts_office_reference,
		employment_allowance, pay_frequency, payday, pay_from FROM employers WHERE account_id = ?`, accountID).
		Scan(&e.AccountID, &e.Name, &e.Address, &e.PAYEReference, &e.AccountsOfficeReference, &ea, &e.PayFrequency, &e.Payday, dateScan{&e.PayFrom})
	e.EmploymentAllowance = ea == 1
	return e, notFound("employer details", err)
}

// SaveEmployer stores an account's employer details, replacing any before.
func (t *Tx) SaveEmployer(e household.Employer) error {
	_, err := t.exec(`INSERT INTO employers (account_id, name, address, paye_reference, accounts_office_reference,
		employment_allowance, pay_frequency, payday, pay_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (account_id) DO UPDATE SET name = excluded.name, address = excluded.address,
		paye_reference = excluded.paye_reference, accounts_office_reference = excluded.accounts_office_reference,
		employment_allowance = excluded.employment_allowance, pay_frequency = excluded.pay_frequency,
		payday = excluded.payday, pay_from = excluded.pay_from`,
		e.AccountID, e.Name, e.Address, e.PAYEReference, e.AccountsOfficeReference, boolInt(e.EmploymentAllowance),
		e.PayFrequency, e.Payday, e.PayFrom.String())
	return err
}
