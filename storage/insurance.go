package storage

import (
	"database/sql"

	"patoolkit/household"
)

const insuranceCols = `id, account_id, insurer, policy_number, cover_pence, start_date, renewal_date, premium_pence, notes`

func scanInsurance(r rowScanner) (household.Insurance, error) {
	var i household.Insurance
	err := r.Scan(&i.ID, &i.AccountID, &i.Insurer, &i.PolicyNumber, &i.Cover, dateScan{&i.StartDate},
		dateScan{&i.RenewalDate}, &i.Premium, &i.Notes)
	return i, err
}

// Insurance returns an account's policies, newest first.
func (t *Tx) Insurance(accountID int64) ([]household.Insurance, error) {
	var out []household.Insurance
	err := scanAll(t, func(r *sql.Rows) error {
		i, err := scanInsurance(r)
		out = append(out, i)
		return err
	}, "SELECT "+insuranceCols+" FROM insurance WHERE account_id = ? ORDER BY start_date DESC, id DESC", accountID)
	return out, err
}

// InsertInsurance stores a new policy and sets its ID.
func (t *Tx) InsertInsurance(i *household.Insurance) error {
	id, err := t.insert(`INSERT INTO insurance (account_id, insurer, policy_number, cover_pence, start_date,
		renewal_date, premium_pence, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		i.AccountID, i.Insurer, i.PolicyNumber, i.Cover, i.StartDate.String(), i.RenewalDate.String(), i.Premium, i.Notes)
	if err != nil {
		return err
	}
	i.ID = id
	return nil
}

// UpdateInsurance stores changes to an existing policy.
func (t *Tx) UpdateInsurance(i household.Insurance) error {
	return t.updateOne("insurance policy", `UPDATE insurance SET account_id = ?, insurer = ?, policy_number = ?,
		cover_pence = ?, start_date = ?, renewal_date = ?, premium_pence = ?, notes = ? WHERE id = ?`,
		i.AccountID, i.Insurer, i.PolicyNumber, i.Cover, i.StartDate.String(), i.RenewalDate.String(), i.Premium, i.Notes, i.ID)
}
