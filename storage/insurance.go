package storage

import (
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
	return queryAll(t, scanInsurance, "SELECT "+insuranceCols+" FROM insurance WHERE account_id = ? ORDER BY start_date DESC, id DESC", accountID)
}

// InsertInsurance stores a new policy and sets its ID.
func (t *Tx) InsertInsurance(i *household.Insurance) error {
	return t.insertID(&i.ID, `INSERT INTO insurance (account_id, insurer, policy_number, cover_pence, start_date,
		renewal_date, premium_pence, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		i.AccountID, i.Insurer, i.PolicyNumber, i.Cover, i.StartDate.String(), i.RenewalDate.String(), i.Premium, i.Notes)
}

// UpdateInsurance stores changes to an existing policy.
func (t *Tx) UpdateInsurance(i household.Insurance) error {
	return t.updateOne("insurance policy", `UPDATE insurance SET account_id = ?, insurer = ?, policy_number = ?,
		cover_pence = ?, start_date = ?, renewal_date = ?, premium_pence = ?, notes = ? WHERE id = ?`,
		i.AccountID, i.Insurer, i.PolicyNumber, i.Cover, i.StartDate.String(), i.RenewalDate.String(), i.Premium, i.Notes, i.ID)
}
