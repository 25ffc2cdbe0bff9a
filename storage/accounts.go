package storage

import (
	"database/sql"
	"strings"

	"patoolkit/household"
)

const accountCols = `id, name, person_supported, managed_by, capacity, council, council_reference,
	payment_pence, payment_frequency, contribution_pence, contribution_frequency,
	support_minutes_week, start_date, return_period, surplus_limit_weeks, contingency_pence,
	review_date, notes, allow_two_to_one, council_profile`

type rowScanner interface{ Scan(dest ...any) error }

func scanAccount(r rowScanner) (household.Account, error) {
	var a household.Account
	var twoToOne int
	err := r.Scan(&a.ID, &a.Name, &a.PersonSupported, &a.ManagedBy, &a.Capacity, &a.Council, &a.CouncilReference,
		&a.Payment, &a.PaymentFrequency, &a.Contribution, &a.ContributionFrequency,
		&a.SupportMinutesPerWeek, dateScan{&a.StartDate}, &a.ReturnPeriod, &a.SurplusLimitWeeks, &a.Contingency,
		dateScan{&a.ReviewDate}, &a.Notes, &twoToOne, &a.CouncilProfile)
	a.AllowTwoToOne = twoToOne == 1
	return a, err
}

// Accounts returns every account, by name.
func (t *Tx) Accounts() ([]household.Account, error) {
	return queryAll(t, scanAccount, "SELECT "+accountCols+" FROM accounts ORDER BY name COLLATE NOCASE")
}

// Account returns the account with id.
func (t *Tx) Account(id int64) (household.Account, error) {
	a, err := scanAccount(t.tx.QueryRow("SELECT "+accountCols+" FROM accounts WHERE id = ?", id))
	return a, notFound("account", err)
}

// InsertAccount stores a new account and sets its ID.
func (t *Tx) InsertAccount(a *household.Account) error {
	return t.insertID(&a.ID, `INSERT INTO accounts (name, person_supported, managed_by, capacity, council, council_reference,
		payment_pence, payment_frequency, contribution_pence, contribution_frequency,
		support_minutes_week, start_date, return_period, surplus_limit_weeks, contingency_pence, review_date, notes,
		allow_two_to_one, council_profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.Name, a.PersonSupported, a.ManagedBy, a.Capacity, a.Council, a.CouncilReference,
		a.Payment, a.PaymentFrequency, a.Contribution, a.ContributionFrequency,
		a.SupportMinutesPerWeek, a.StartDate.String(), a.ReturnPeriod, a.SurplusLimitWeeks, a.Contingency,
		a.ReviewDate.String(), a.Notes, boolInt(a.AllowTwoToOne), a.CouncilProfile)
}

// UpdateAccount stores changes to an existing account.
func (t *Tx) UpdateAccount(a household.Account) error {
	return t.updateOne("account", `UPDATE accounts SET name = ?, person_supported = ?, managed_by = ?, capacity = ?,
		council = ?, council_reference = ?, payment_pence = ?, payment_frequency = ?, contribution_pence = ?,
		contribution_frequency = ?, support_minutes_week = ?, start_date = ?, return_period = ?,
		surplus_limit_weeks = ?, contingency_pence = ?, review_date = ?, notes = ?, allow_two_to_one = ?, council_profile = ? WHERE id = ?`,
		a.Name, a.PersonSupported, a.ManagedBy, a.Capacity, a.Council, a.CouncilReference,
		a.Payment, a.PaymentFrequency, a.Contribution, a.ContributionFrequency,
		a.SupportMinutesPerWeek, a.StartDate.String(), a.ReturnPeriod, a.SurplusLimitWeeks, a.Contingency,
		a.ReviewDate.String(), a.Notes, boolInt(a.AllowTwoToOne), a.CouncilProfile, a.ID)
}

// AccountNameTaken reports whether another account (not id) has name,
// ignoring case in any alphabet.
func (t *Tx) AccountNameTaken(name string, id int64) (bool, error) {
	return t.nameTaken(name, "SELECT name FROM accounts WHERE id != ?", id)
}

// nameTaken reports whether any name the query returns is name, ignoring
// case in any alphabet (SQLite's NOCASE folds only A to Z).
func (t *Tx) nameTaken(name, query string, args ...any) (bool, error) {
	var taken bool
	err := scanAll(t, func(r *sql.Rows) error {
		var other string
		if err := r.Scan(&other); err != nil {
			return err
		}
		taken = taken || strings.EqualFold(strings.TrimSpace(other), strings.TrimSpace(name))
		return nil
	}, query, args...)
	return taken, err
}
