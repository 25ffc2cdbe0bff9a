package storage

import (
	"strings"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/money"
)

// MoneyAccount is the money side of a budget: the bank account or prepaid
// card that holds the direct payment. The council's payment and the
// person's contribution (amounts and frequencies) stay on the
// household.Account; this holds what the ledger and forecast add.
type MoneyAccount struct {
	AccountID int64 `json:"account_id"`
	// OpeningBalance is the balance at the start of OpeningDate.
	OpeningBalance money.Money `json:"opening_balance"`
	OpeningDate    civil.Date  `json:"opening_date"`
	// PaymentFirst and ContributionFirst are the dates the council's
	// payment and the person's contribution were (or will be) first paid:
	// their schedules run from them.
	PaymentFirst      civil.Date `json:"payment_first"`
	ContributionFirst civil.Date `json:"contribution_first"`
	// HMRCQuarterly is set when the employer pays HMRC every quarter
	// (allowed when the average monthly bill is under £1,500).
	HMRCQuarterly bool `json:"hmrc_quarterly"`
}

// MoneyAccount returns the money side of an account, or ErrNotFound when
// it has never been saved (the service then uses defaults).
func (t *Tx) MoneyAccount(accountID int64) (MoneyAccount, error) {
	m := MoneyAccount{AccountID: accountID}
	var quarterly int
	err := t.tx.QueryRow(`SELECT opening_pence, opening_date, payment_first, contribution_first, hmrc_quarterly
		FROM money_accounts WHERE account_id = ?`, accountID).Scan(&m.OpeningBalance, dateScan{&m.OpeningDate},
		dateScan{&m.PaymentFirst}, dateScan{&m.ContributionFirst}, &quarterly)
	m.HMRCQuarterly = quarterly == 1
	return m, notFound("money account", err)
}

// SaveMoneyAccount stores the money side of an account, new or changed.
func (t *Tx) SaveMoneyAccount(m MoneyAccount) error {
	_, err := t.exec(`INSERT INTO money_accounts (account_id, opening_pence, opening_date, payment_first,
		contribution_first, hmrc_quarterly) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (account_id) DO UPDATE SET opening_pence = excluded.opening_pence,
		opening_date = excluded.opening_date, payment_first = excluded.payment_first,
		contribution_first = excluded.contribution_first, hmrc_quarterly = excluded.hmrc_quarterly`,
		m.AccountID, m.OpeningBalance, m.OpeningDate.String(), m.PaymentFirst.String(),
		m.ContributionFirst.String(), boolInt(m.HMRCQuarterly))
	return err
}

// Category is one of an account's categories as stored: hidden ones are
// kept (lines still use them) but not offered for new lines.
type Category struct {
	budget.CategoryInfo
	Hidden bool `json:"hidden"`
}

// Categories returns an account's categories in order; none when the
// account still has the defaults.
func (t *Tx) Categories(accountID int64) ([]Category, error) {
	return queryAll(t, func(r rowScanner) (Category, error) {
		var c Category
		var income, hidden int
		if err := r.Scan(&c.Name, &income, &hidden); err != nil {
			return c, err
		}
		c.Income, c.Hidden = income == 1, hidden == 1
		return c, nil
	}, "SELECT name, income, hidden FROM money_categories WHERE account_id = ? ORDER BY position", accountID)
}

// SaveCategories replaces an account's categories with cats, in order.
func (t *Tx) SaveCategories(accountID int64, cats []Category) error {
	if _, err := t.exec("DELETE FROM money_categories WHERE account_id = ?", accountID); err != nil {
		return err
	}
	for i, c := range cats {
		if _, err := t.exec("INSERT INTO money_categories (account_id, position, name, income, hidden) VALUES (?, ?, ?, ?, ?)",
			accountID, i, strings.TrimSpace(string(c.Name)), boolInt(c.Income), boolInt(c.Hidden)); err != nil {
			return err
		}
	}
	return nil
}

// RenameCategory changes the category of every ledger line and payee rule
// of an account from old to new (compared ignoring case).
func (t *Tx) RenameCategory(accountID int64, old, new budget.Category) error {
	if _, err := t.exec("UPDATE ledger SET category = ? WHERE account_id = ? AND category = ? COLLATE NOCASE", string(new), accountID, string(old)); err != nil {
		return err
	}
	_, err := t.exec("UPDATE payee_rules SET category = ? WHERE account_id = ? AND category = ? COLLATE NOCASE", string(new), accountID, string(old))
	return err
}
