package service

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/storage"
	"patoolkit/text"
)

// The money records, as storage keeps them.
type (
	// MoneyAccount is the money side of a budget: opening balance and the
	// dates its payment schedules run from.
	MoneyAccount = storage.MoneyAccount
	// Category is one of a budget's categories, perhaps hidden.
	Category = storage.Category
	// SetAside is money held for a named purpose.
	SetAside = storage.SetAside
	// Bill is a known payment out in the future.
	Bill = storage.Bill
	// LedgerEntry is a ledger line and how many receipts it has.
	LedgerEntry = storage.LedgerEntry
	// Receipt is a receipt or invoice kept for a ledger line.
	Receipt = storage.Receipt
)

// maxMoney is the largest amount accepted anywhere in the money jobs.
const maxMoney = money.Money(10_000_000_00)

// moneyContext is what the money jobs need to know of a budget.
type moneyContext struct {
	account  household.Account
	settings MoneyAccount
	cats     []Category // every category, hidden ones too
}

func loadMoney(tx *storage.Tx, accountID int64) (moneyContext, error) {
	a, err := tx.Account(accountID)
	if errors.Is(err, storage.ErrNotFound) {
		return moneyContext{}, NotFoundf("That budget no longer exists.")
	}
	if err != nil {
		return moneyContext{}, err
	}
	mc := moneyContext{account: a}
	mc.settings, err = tx.MoneyAccount(accountID)
	if errors.Is(err, storage.ErrNotFound) {
		mc.settings = defaultMoneyAccount(a)
	} else if err != nil {
		return moneyContext{}, err
	}
	if mc.cats, err = tx.Categories(accountID); err != nil {
		return moneyContext{}, err
	}
	if len(mc.cats) == 0 {
		for _, c := range budget.DefaultCategories() {
			mc.cats = append(mc.cats, Category{CategoryInfo: c})
		}
	}
	return mc, nil
}

// defaultMoneyAccount is the money side of a budget never set up: £0.00 on
// the day the direct payment started, both schedules from that day.
func defaultMoneyAccount(a household.Account) MoneyAccount {
	return MoneyAccount{AccountID: a.ID, OpeningDate: a.StartDate, PaymentFirst: a.StartDate, ContributionFirst: a.StartDate}
}

// all is every category, hidden ones too: any may be on a stored line.
func (mc moneyContext) all() budget.Categories {
	out := make(budget.Categories, len(mc.cats))
	for i, c := range mc.cats {
		out[i] = c.CategoryInfo
	}
	return out
}

// offered is the categories offered for new lines.
func (mc moneyContext) offered() budget.Categories {
	var out budget.Categories
	for _, c := range mc.cats {
		if !c.Hidden {
			out = append(out, c.CategoryInfo)
		}
	}
	return out
}

// incomeSchedules are the council's payment and the person's contribution.
func (mc moneyContext) incomeSchedules() []budget.Schedule {
	a := mc.account
	out := []budget.Schedule{{Label: "Council payment", Amount: a.Payment, Frequency: a.PaymentFrequency, First: mc.settings.PaymentFirst}}
	if a.Contribution > 0 {
		out = append(out, budget.Schedule{Label: "Your contribution", Amount: a.Contribution, Frequency: a.ContributionFrequency, First: mc.settings.ContributionFirst})
	}
	return out
}

// MoneyAccount returns the money side of a budget (the defaults when it
// has never been set).
func (s *Service) MoneyAccount(accountID int64) (MoneyAccount, error) {
	var m MoneyAccount
	err := s.view("reading the account", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		m = mc.settings
		return err
	})
	return m, err
}

// SaveMoneyAccount stores the opening balance and date and the dates the
// payments start from, after checking them.
func (s *Service) SaveMoneyAccount(m MoneyAccount) (MoneyAccount, error) {
	var problems household.Problems
	if m.OpeningDate.IsZero() {
		problems = append(problems, household.FieldError{Field: "opening_date", Message: "Give the date of the opening balance (DD/MM/YYYY): usually the day the account started or the date of your first bank statement."})
	}
	if m.OpeningBalance.Abs() > maxMoney {
		problems = append(problems, household.FieldError{Field: "opening_balance", Message: "The opening balance is too large to be right: check it."})
	}
	err := s.update("saving the account", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, m.AccountID)
		if err != nil {
			return err
		}
		if mc.account.Payment > 0 && m.PaymentFirst.IsZero() {
			problems = append(problems, household.FieldError{Field: "payment_first", Message: "Give the date of the council's first payment (DD/MM/YYYY), so the expected payments can be worked out."})
		}
		if mc.account.Contribution > 0 && m.ContributionFirst.IsZero() {
			problems = append(problems, household.FieldError{Field: "contribution_first", Message: "Give the date your first contribution was paid in (DD/MM/YYYY)."})
		}
		if len(problems) > 0 {
			return invalid(problems)
		}
		if err := tx.SaveMoneyAccount(m); err != nil {
			return err
		}
		return tx.Audit(s.now(), m.AccountID, "account details changed",
			fmt.Sprintf("opening balance %s on %s", m.OpeningBalance.Format(), m.OpeningDate.UK()))
	})
	return m, err
}

// Categories returns a budget's categories in order, hidden ones too.
func (s *Service) Categories(accountID int64) ([]Category, error) {
	var out []Category
	err := s.view("reading the categories", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		out = mc.cats
		return err
	})
	return out, err
}

// OfferedCategories returns the categories a new ledger line may have: the
// budget's categories less the hidden ones.
func (s *Service) OfferedCategories(accountID int64) (budget.Categories, error) {
	var out budget.Categories
	err := s.view("reading the categories", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		out = mc.offered()
		return err
	})
	return out, err
}

// AddCategory adds a category to a budget's list: income (money in) or
// spending.
func (s *Service) AddCategory(accountID int64, name string, income bool) error {
	name = strings.Join(strings.Fields(name), " ")
	return s.update("adding the category", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		if msg := mc.all().CheckNewCategory(name); msg != "" {
			return fieldError("name", "%s", msg)
		}
		cats := append(mc.cats, Category{CategoryInfo: budget.CategoryInfo{Name: budget.Category(name), Income: income}})
		if err := tx.SaveCategories(accountID, cats); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "category added", name)
	})
}

// SetCategoryHidden hides a category (it is no longer offered for new
// lines; lines that have it keep it) or shows it again.
func (s *Service) SetCategoryHidden(accountID int64, name string, hidden bool) error {
	return s.update("changing the category", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		found := false
		for i, c := range mc.cats {
			if strings.EqualFold(string(c.Name), strings.TrimSpace(name)) {
				mc.cats[i].Hidden, found = hidden, true
				name = string(c.Name)
			}
		}
		if !found {
			return NotFoundf("There is no category called %q.", name)
		}
		if err := tx.SaveCategories(accountID, mc.cats); err != nil {
			return err
		}
		action := "category hidden"
		if !hidden {
			action = "category shown again"
		}
		return tx.Audit(s.now(), accountID, action, name)
	})
}

// RenameCategory renames a category, on every ledger line and payee rule
// that has it too.
func (s *Service) RenameCategory(accountID int64, old, new string) error {
	new = strings.Join(strings.Fields(new), " ")
	return s.update("renaming the category", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		at := -1
		var others budget.Categories
		for i, c := range mc.cats {
			if strings.EqualFold(string(c.Name), strings.TrimSpace(old)) {
				at = i
			} else {
				others = append(others, c.CategoryInfo)
			}
		}
		if at < 0 {
			return NotFoundf("There is no category called %q.", old)
		}
		if msg := others.CheckNewCategory(new); msg != "" {
			return fieldError("name", "%s", msg)
		}
		was := mc.cats[at].Name
		mc.cats[at].Name = budget.Category(new)
		if err := tx.SaveCategories(accountID, mc.cats); err != nil {
			return err
		}
		if err := tx.RenameCategory(accountID, was, budget.Category(new)); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "category renamed", fmt.Sprintf("%s to %s", was, new))
	})
}

// LedgerSort is the order of the ledger on screen.
type LedgerSort string

// The orders.
const (
	NewestFirst     LedgerSort = "newest"
	OldestFirst     LedgerSort = "oldest"
	LargestOutFirst LedgerSort = "largest-out"
	LargestInFirst  LedgerSort = "largest-in"
)

// LedgerSorts lists the orders as a screen offers them.
var LedgerSorts = []LedgerSort{NewestFirst, OldestFirst, LargestOutFirst, LargestInFirst}

// Label is the plain-English name of an order.
func (o LedgerSort) Label() string {
	switch o {
	case OldestFirst:
		return "Oldest first"
	case LargestOutFirst:
		return "Largest money out first"
	case LargestInFirst:
		return "Largest money in first"
	}
	return "Newest first"
}

// LedgerFilter chooses which ledger lines to show, and in what order.
type LedgerFilter struct {
	From, To civil.Date // inclusive; zero leaves that end open
	// Category shows only lines with this category ("" for all).
	Category budget.Category
	// Unsorted shows only lines with no category yet.
	Unsorted bool
	Sort     LedgerSort
}

// Ledger is the lines a filter chose and their totals.
type Ledger struct {
	Entries       []LedgerEntry
	MoneyIn       money.Money
	MoneyOut      money.Money // positive
	NotReconciled int
}

// Ledger returns a budget's ledger lines as f chooses.
func (s *Service) Ledger(accountID int64, f LedgerFilter) (Ledger, error) {
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return Ledger{}, Invalidf("The end date %s is before the start date %s.", f.To.UK(), f.From.UK())
	}
	var out Ledger
	err := s.view("reading the ledger", func(tx *storage.Tx) error {
		if _, err := loadMoney(tx, accountID); err != nil {
			return err
		}
		all, err := tx.LedgerEntries(accountID, f.From, f.To)
		if err != nil {
			return err
		}
		for _, e := range all {
			switch {
			case f.Unsorted && e.Category != "":
				continue
			case f.Category != "" && !strings.EqualFold(string(e.Category), string(f.Category)):
				continue
			}
			out.Entries = append(out.Entries, e)
			if e.Amount > 0 {
				out.MoneyIn += e.Amount
			} else {
				out.MoneyOut -= e.Amount
			}
			if !e.Reconciled {
				out.NotReconciled++
			}
		}
		return nil
	})
	sortLedger(out.Entries, f.Sort)
	return out, err
}

func sortLedger(es []LedgerEntry, o LedgerSort) {
	less := func(a, b LedgerEntry) bool { // oldest first, as stored
		if c := a.Date.Compare(b.Date); c != 0 {
			return c < 0
		}
		return a.ID < b.ID
	}
	switch o {
	case OldestFirst:
		return // already so
	case LargestOutFirst:
		sort.SliceStable(es, func(i, j int) bool {
			if es[i].Amount != es[j].Amount {
				return es[i].Amount < es[j].Amount
			}
			return less(es[j], es[i])
		})
	case LargestInFirst:
		sort.SliceStable(es, func(i, j int) bool {
			if es[i].Amount != es[j].Amount {
				return es[i].Amount > es[j].Amount
			}
			return less(es[j], es[i])
		})
	default:
		for i, j := 0, len(es)-1; i < j; i, j = i+1, j-1 {
			es[i], es[j] = es[j], es[i]
		}
	}
}

// Transaction returns one ledger line of a budget.
func (s *Service) Transaction(id int64) (budget.Transaction, error) {
	var t budget.Transaction
	err := s.view("reading the transaction", func(tx *storage.Tx) (err error) {
		t, _, err = tx.Transaction(id)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That transaction no longer exists.")
		}
		return err
	})
	return t, err
}

// transactionProblems checks a line as the person typed it: each problem
// is a field error on the field it is about.
func transactionProblems(t budget.Transaction, cats budget.Categories) household.Problems {
	return budget.CheckTransaction(t, cats)
}

// canonicalCategory returns the category as the list writes it (the
// person may type it in any case).
func canonicalCategory(c budget.Category, cats budget.Categories) budget.Category {
	if info, ok := cats.Find(c); ok {
		return info.Name
	}
	return budget.Category(strings.TrimSpace(string(c)))
}

func describeTx(t budget.Transaction) string {
	s := fmt.Sprintf("%s %s %s", t.Date.UK(), t.Payee, t.Amount.Format())
	if t.Category != "" {
		s += " (" + string(t.Category) + ")"
	}
	return s
}

// SaveTransaction stores a new ledger line entered by hand (ID 0) or a
// change to one, after checking it. A line from a bank statement keeps the
// bank's date and amount: only its payee, category, reference and note
// may change. A new line that pays something owed is matched to it when
// amount, payee and date agree.
func (s *Service) SaveTransaction(accountID int64, t budget.Transaction) (budget.Transaction, error) {
	t.Payee = strings.TrimSpace(t.Payee)
	t.Reference = strings.TrimSpace(t.Reference)
	t.Note = strings.TrimSpace(t.Note)
	err := s.update("saving the transaction", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		t.Category = canonicalCategory(t.Category, mc.all())
		var stored budget.Transaction
		if t.ID != 0 {
			var acc int64
			stored, acc, err = tx.Transaction(t.ID)
			if errors.Is(err, storage.ErrNotFound) || (err == nil && acc != accountID) {
				return NotFoundf("That transaction no longer exists.")
			}
			if err != nil {
				return err
			}
		}
		problems := transactionProblems(t, mc.all())
		if t.Category != "" && t.Category != stored.Category && !mc.offered().Has(t.Category) && len(problems) == 0 {
			problems = append(problems, household.FieldError{Field: "category", Message: fmt.Sprintf("%q is hidden: choose another category, or show it again under Money settings.", t.Category)})
		}
		if !mc.settings.OpeningDate.IsZero() && !t.Date.IsZero() && t.Date.Before(mc.settings.OpeningDate) {
			problems = append(problems, household.FieldError{Field: "date", Message: fmt.Sprintf(
				"%s is before the account's opening balance on %s, so the line would not count. Check the date, or change the opening balance under Money settings.", t.Date.UK(), mc.settings.OpeningDate.UK())})
		}
		if stored.ImportKey != "" && (t.Date != stored.Date || t.Amount != stored.Amount) {
			problems = append(problems, household.FieldError{Field: "amount", Message: fmt.Sprintf(
				"This line came from your bank statement, so its date (%s) and amount (%s) stay as the bank has them. You can change the payee, category, reference and note.", stored.Date.UK(), stored.Amount.Format())})
		}
		if len(problems) > 0 {
			return invalid(problems)
		}
		if t.ID == 0 {
			t.Reconciled, t.ImportKey, t.SettlesID = false, "", 0
			if err := tx.InsertTransaction(accountID, &t); err != nil {
				return err
			}
			if err := tx.Audit(s.now(), accountID, "transaction added", describeTx(t)); err != nil {
				return err
			}
			if _, err := s.autoMatch(tx, accountID); err != nil {
				return err
			}
			t, _, err = tx.Transaction(t.ID)
			return err
		}
		t.Reconciled, t.ImportKey, t.SettlesID = stored.Reconciled, stored.ImportKey, stored.SettlesID
		if err := tx.UpdateTransaction(accountID, t); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "transaction changed", describeTx(t))
	})
	return t, err
}

// DeleteTransaction removes a line entered by hand, with its receipts. A
// line from a bank statement cannot be removed: the bank has it.
func (s *Service) DeleteTransaction(id int64) error {
	return s.update("removing the transaction", func(tx *storage.Tx) error {
		t, accountID, err := tx.Transaction(id)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That transaction no longer exists.")
		}
		if err != nil {
			return err
		}
		if t.Reconciled || t.ImportKey != "" {
			return Conflictf("This line is on your bank statement, so it can't be removed: the council will see it there. Correct its category or note instead.")
		}
		if err := tx.DeleteTransaction(id); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "transaction removed", describeTx(t))
	})
}

// farFuture is a date after any real one, for "everything so far".
var farFuture = civil.New(2200, 12, 31)

// autoMatch records the payments that certainly settle owed items (same
// amount, payee and nearby date; see budget.MatchPayments), giving each
// payment with no category the category of what it settles. It returns how
// many it recorded.
func (s *Service) autoMatch(tx *storage.Tx, accountID int64) (int, error) {
	owed, err := tx.OwedItems(accountID)
	if err != nil || len(owed) == 0 {
		return 0, err
	}
	txs, err := tx.Transactions(accountID)
	if err != nil {
		return 0, err
	}
	outstanding := budget.OutstandingOn(owed, txs, farFuture)
	if len(outstanding) == 0 {
		return 0, nil
	}
	byID := make(map[int64]budget.Transaction, len(txs))
	for _, t := range txs {
		byID[t.ID] = t
	}
	kinds := make(map[int64]budget.OwedKind, len(owed))
	for _, o := range owed {
		kinds[o.ID] = o.Kind
	}
	n := 0
	for _, m := range budget.MatchPayments(outstanding, txs, 0) {
		if !m.Auto {
			continue
		}
		t := byID[m.TxID]
		t.SettlesID = m.OwedID
		if t.Category == "" {
			t.Category = budget.CategoryForOwed(kinds[m.OwedID])
		}
		if err := tx.UpdateTransaction(accountID, t); err != nil {
			return n, err
		}
		if err := tx.Audit(s.now(), accountID, "payment matched", m.Reason); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// OwedItem is an owed item and what is left to pay on a day.
type OwedItem struct {
	budget.Owed
	// Left is what is still to pay (0 when settled).
	Left money.Money `json:"left"`
	// PaidBy are the ledger lines that settle it.
	PaidBy []budget.Transaction `json:"paid_by,omitempty"`
}

// OwedItems returns a budget's owed items, by due date: all of them, or
// only those still owed at the end of on (when on is not zero).
func (s *Service) OwedItems(accountID int64, on civil.Date) ([]OwedItem, error) {
	var out []OwedItem
	err := s.view("reading what is owed", func(tx *storage.Tx) error {
		if _, err := loadMoney(tx, accountID); err != nil {
			return err
		}
		owed, err := tx.OwedItems(accountID)
		if err != nil {
			return err
		}
		txs, err := tx.Transactions(accountID)
		if err != nil {
			return err
		}
		day := on
		if day.IsZero() {
			day = farFuture
		}
		left := map[int64]money.Money{}
		for _, o := range budget.OutstandingOn(owed, txs, day) {
			left[o.ID] = o.Amount
		}
		paid := map[int64][]budget.Transaction{}
		for _, t := range txs {
			if t.SettlesID != 0 {
				paid[t.SettlesID] = append(paid[t.SettlesID], t)
			}
		}
		for _, o := range owed {
			if !on.IsZero() && left[o.ID] == 0 {
				continue
			}
			out = append(out, OwedItem{Owed: o, Left: left[o.ID], PaidBy: paid[o.ID]})
		}
		return nil
	})
	return out, err
}

// OwedKinds lists the kinds of owed item as a form offers them.
var OwedKinds = []budget.OwedKind{budget.OwedInvoice, budget.OwedNetPay, budget.OwedHMRC, budget.OwedPension}

// OwedKindLabel is a kind's name on a form: "An invoice", "A PA's wages".
func OwedKindLabel(k budget.OwedKind) string {
	switch k {
	case budget.OwedInvoice:
		return "An invoice or bill"
	case budget.OwedNetPay:
		return "A PA's wages (net pay)"
	case budget.OwedHMRC:
		return "Tax and NI due to HMRC"
	case budget.OwedPension:
		return "Pension contributions"
	}
	return string(k)
}

// AddOwed records money the budget owes: an unpaid invoice, wages, HMRC or
// pension. A payment already in the ledger that certainly settles it is
// matched at once.
func (s *Service) AddOwed(accountID int64, o budget.Owed) (budget.Owed, error) {
	o.Payee = strings.TrimSpace(o.Payee)
	o.Settled = false
	var p household.Problems
	known := false
	for _, k := range OwedKinds {
		known = known || k == o.Kind
	}
	if !known {
		p = append(p, household.FieldError{Field: "kind", Message: "Say what the money is owed for: an invoice, wages, HMRC or pension."})
	}
	if o.Payee == "" {
		p = append(p, household.FieldError{Field: "payee", Message: "Say who is owed the money."})
	} else if msg := text.Check("The payee", o.Payee, text.Line); msg != "" {
		p = append(p, household.FieldError{Field: "payee", Message: msg})
	}
	if o.Amount <= 0 {
		p = append(p, household.FieldError{Field: "amount", Message: "Give the amount owed, more than £0.00."})
	} else if o.Amount > maxMoney {
		p = append(p, household.FieldError{Field: "amount", Message: "The amount is too large to be right: check it."})
	}
	if o.Due.IsZero() {
		p = append(p, household.FieldError{Field: "due", Message: "Give the date it must be paid by (DD/MM/YYYY)."})
	}
	if !o.Raised.IsZero() && !o.Due.IsZero() && o.Due.Before(o.Raised) {
		p = append(p, household.FieldError{Field: "due", Message: fmt.Sprintf("The due date %s is before the date it was raised (%s).", o.Due.UK(), o.Raised.UK())})
	}
	if len(p) > 0 {
		return o, invalid(p)
	}
	err := s.update("recording money owed", func(tx *storage.Tx) error {
		if _, err := loadMoney(tx, accountID); err != nil {
			return err
		}
		if err := tx.InsertOwed(accountID, &o); err != nil {
			return err
		}
		if err := tx.Audit(s.now(), accountID, "money owed added", fmt.Sprintf("%s %s to %s, due %s", o.Amount.Format(), o.Kind.Label(), o.Payee, o.Due.UK())); err != nil {
			return err
		}
		_, err := s.autoMatch(tx, accountID)
		return err
	})
	return o, err
}

// SettleOwed records by hand that the ledger line txID pays (all or part
// of) the owed item owedID. The line must be money out of the same budget
// that settles nothing else yet.
func (s *Service) SettleOwed(owedID, txID int64) error {
	return s.update("recording the payment", func(tx *storage.Tx) error {
		o, accountID, err := tx.OwedItem(owedID)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That money owed no longer exists.")
		}
		if err != nil {
			return err
		}
		t, txAccount, err := tx.Transaction(txID)
		if errors.Is(err, storage.ErrNotFound) || (err == nil && txAccount != accountID) {
			return NotFoundf("That payment is not in this budget's ledger.")
		}
		if err != nil {
			return err
		}
		switch {
		case t.Amount >= 0:
			return Invalidf("%s from %s on %s is money in, so it can't pay what is owed. Choose a payment out.", t.Amount.Format(), t.Payee, t.Date.UK())
		case t.SettlesID == owedID:
			return nil
		case t.SettlesID != 0:
			return Conflictf("The payment of %s to %s on %s already settles something else. Choose another payment.", (-t.Amount).Format(), t.Payee, t.Date.UK())
		case o.Settled:
			return Conflictf("The %s to %s is already marked as paid.", o.Kind.Label(), o.Payee)
		}
		txs, err := tx.Transactions(accountID)
		if err != nil {
			return err
		}
		if len(budget.OutstandingOn([]budget.Owed{o}, txs, farFuture)) == 0 {
			return Conflictf("The %s to %s is already paid in full.", o.Kind.Label(), o.Payee)
		}
		t.SettlesID = owedID
		if t.Category == "" {
			t.Category = budget.CategoryForOwed(o.Kind)
		}
		if err := tx.UpdateTransaction(accountID, t); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "payment matched by hand",
			fmt.Sprintf("%s to %s on %s settles %s owed to %s", (-t.Amount).Format(), t.Payee, t.Date.UK(), o.Amount.Format(), o.Payee))
	})
}

// MarkOwedSettled records that an owed item was paid without a line in
// this ledger (from another account) or that the person wrote it off.
func (s *Service) MarkOwedSettled(owedID int64) error {
	return s.update("marking the money owed as paid", func(tx *storage.Tx) error {
		o, accountID, err := tx.OwedItem(owedID)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That money owed no longer exists.")
		}
		if err != nil {
			return err
		}
		o.Settled = true
		if err := tx.UpdateOwed(accountID, o); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "money owed marked paid", fmt.Sprintf("%s %s to %s", o.Amount.Format(), o.Kind.Label(), o.Payee))
	})
}

// SettleCandidates returns the payments out that could pay an owed item,
// best first: not settling anything yet, within 60 days of the due date,
// the exact amount before the rest, then the nearest in date.
func (s *Service) SettleCandidates(owedID int64) ([]budget.Transaction, error) {
	var out []budget.Transaction
	err := s.view("finding payments", func(tx *storage.Tx) error {
		o, accountID, err := tx.OwedItem(owedID)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That money owed no longer exists.")
		}
		if err != nil {
			return err
		}
		txs, err := tx.Transactions(accountID)
		if err != nil {
			return err
		}
		for _, t := range txs {
			if t.Amount < 0 && t.SettlesID == 0 && abs(t.Date.DaysSince(o.Due)) <= 60 {
				out = append(out, t)
			}
		}
		sort.SliceStable(out, func(i, j int) bool {
			ei, ej := -out[i].Amount == o.Amount, -out[j].Amount == o.Amount
			if ei != ej {
				return ei
			}
			return abs(out[i].Date.DaysSince(o.Due)) < abs(out[j].Date.DaysSince(o.Due))
		})
		if len(out) > 30 {
			out = out[:30]
		}
		return nil
	})
	return out, err
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// SetAsides returns a budget's money set aside.
func (s *Service) SetAsides(accountID int64) ([]SetAside, error) {
	var out []SetAside
	err := s.view("reading the money set aside", func(tx *storage.Tx) (err error) {
		if _, err := loadMoney(tx, accountID); err != nil {
			return err
		}
		out, err = tx.SetAsides(accountID)
		return err
	})
	return out, err
}

// setAsidePurpose is what the purpose of money set aside may hold: one
// line, short, as it is a row of Where I stand.
var setAsidePurpose = text.Line.Shorter(100)

// SaveSetAside stores money set aside for a purpose (ID 0: new), or a
// change to it.
func (s *Service) SaveSetAside(sa SetAside) (SetAside, error) {
	sa.Purpose = strings.TrimSpace(sa.Purpose)
	var p household.Problems
	if sa.Purpose == "" {
		p = append(p, household.FieldError{Field: "purpose", Message: "Say what the money is for, like \"HMRC quarter\" or \"holiday cover\"."})
	} else if msg := text.Check("The purpose", sa.Purpose, setAsidePurpose); msg != "" {
		p = append(p, household.FieldError{Field: "purpose", Message: msg})
	}
	if sa.Amount <= 0 {
		p = append(p, household.FieldError{Field: "amount", Message: "Give the amount set aside, more than £0.00."})
	} else if sa.Amount > maxMoney {
		p = append(p, household.FieldError{Field: "amount", Message: "The amount is too large to be right: check it."})
	}
	if len(p) > 0 {
		return sa, invalid(p)
	}
	err := s.update("saving the money set aside", func(tx *storage.Tx) error {
		if _, err := loadMoney(tx, sa.AccountID); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s for %s", sa.Amount.Format(), sa.Purpose)
		if sa.ID == 0 {
			if err := tx.InsertSetAside(&sa); err != nil {
				return err
			}
			return tx.Audit(s.now(), sa.AccountID, "money set aside", detail)
		}
		if err := tx.UpdateSetAside(sa); errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That money set aside no longer exists.")
		} else if err != nil {
			return err
		}
		return tx.Audit(s.now(), sa.AccountID, "money set aside changed", detail)
	})
	return sa, err
}

// RemoveSetAside stops holding money for a purpose.
func (s *Service) RemoveSetAside(id int64) error {
	return s.update("removing the money set aside", func(tx *storage.Tx) error {
		sa, err := tx.SetAsideByID(id)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That money set aside no longer exists.")
		}
		if err != nil {
			return err
		}
		if err := tx.DeleteSetAside(id); err != nil {
			return err
		}
		return tx.Audit(s.now(), sa.AccountID, "money no longer set aside", fmt.Sprintf("%s for %s", sa.Amount.Format(), sa.Purpose))
	})
}

// Bills returns a budget's known bills.
func (s *Service) Bills(accountID int64) ([]Bill, error) {
	var out []Bill
	err := s.view("reading the bills", func(tx *storage.Tx) (err error) {
		if _, err := loadMoney(tx, accountID); err != nil {
			return err
		}
		out, err = tx.Bills(accountID)
		return err
	})
	return out, err
}

// BillRepeats lists how often a bill may repeat, "" for once.
var BillRepeats = []household.Frequency{"", household.Weekly, household.Fortnightly, household.FourWeekly, household.Monthly, "yearly"}

// SaveBill stores a known bill (ID 0: new) or a change to it. A yearly
// bill is stored as one bill a year for ten years.
func (s *Service) SaveBill(b Bill) (Bill, error) {
	b.Payee = strings.TrimSpace(b.Payee)
	var p household.Problems
	if b.Payee == "" {
		p = append(p, household.FieldError{Field: "payee", Message: "Say who the bill is from."})
	} else if msg := text.Check("The payee", b.Payee, text.Line); msg != "" {
		p = append(p, household.FieldError{Field: "payee", Message: msg})
	}
	if b.Amount <= 0 {
		p = append(p, household.FieldError{Field: "amount", Message: "Give the amount of the bill, more than £0.00."})
	} else if b.Amount > maxMoney {
		p = append(p, household.FieldError{Field: "amount", Message: "The amount is too large to be right: check it."})
	}
	if b.Date.IsZero() {
		p = append(p, household.FieldError{Field: "date", Message: "Give the date the bill is paid (DD/MM/YYYY)."})
	}
	switch b.Repeat {
	case "", household.Weekly, household.Fortnightly, household.FourWeekly, household.Monthly, "yearly":
	default:
		p = append(p, household.FieldError{Field: "repeat", Message: "Choose how often the bill repeats: once, weekly, fortnightly, every 4 weeks, monthly or yearly."})
	}
	if !b.Until.IsZero() && !b.Date.IsZero() && b.Until.Before(b.Date) {
		p = append(p, household.FieldError{Field: "until", Message: "The last date is before the first."})
	}
	if len(p) > 0 {
		return b, invalid(p)
	}
	err := s.update("saving the bill", func(tx *storage.Tx) error {
		if _, err := loadMoney(tx, b.AccountID); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s to %s from %s", b.Amount.Format(), b.Payee, b.Date.UK())
		if b.ID == 0 {
			if err := tx.InsertBill(&b); err != nil {
				return err
			}
			return tx.Audit(s.now(), b.AccountID, "bill added", detail)
		}
		if err := tx.UpdateBill(b); errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That bill no longer exists.")
		} else if err != nil {
			return err
		}
		return tx.Audit(s.now(), b.AccountID, "bill changed", detail)
	})
	return b, err
}

// RemoveBill removes a known bill.
func (s *Service) RemoveBill(id int64) error {
	return s.update("removing the bill", func(tx *storage.Tx) error {
		b, err := tx.BillByID(id)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That bill no longer exists.")
		}
		if err != nil {
			return err
		}
		if err := tx.DeleteBill(id); err != nil {
			return err
		}
		return tx.Audit(s.now(), b.AccountID, "bill removed", fmt.Sprintf("%s to %s", b.Amount.Format(), b.Payee))
	})
}

// forecastBills turns stored bills into the forecast's, a yearly bill
// into one bill a year for ten years.
func forecastBills(bills []Bill) []budget.Bill {
	var out []budget.Bill
	for _, b := range bills {
		if b.Repeat != "yearly" {
			out = append(out, b.Bill)
			continue
		}
		for y := 0; y < 10; y++ {
			d := b.Date.AddMonths(12 * y)
			if !b.Until.IsZero() && d.After(b.Until) {
				break
			}
			out = append(out, budget.Bill{Payee: b.Payee, Amount: b.Amount, Date: d})
		}
	}
	return out
}

// MoneyStatus says where a budget stands at the end of on: balance, money
// owed, set aside and contingency, the surplus and the council's limit,
// with a plain-English headline.
func (s *Service) MoneyStatus(accountID int64, on civil.Date) (budget.Status, error) {
	if on.IsZero() {
		return budget.Status{}, Invalidf("Choose the date to report on.")
	}
	var st budget.Status
	err := s.view("working out where you stand", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		txs, err := tx.Transactions(accountID)
		if err != nil {
			return err
		}
		owed, err := tx.OwedItems(accountID)
		if err != nil {
			return err
		}
		sas, err := tx.SetAsides(accountID)
		if err != nil {
			return err
		}
		in := budget.StatusInput{
			OpeningBalance: mc.settings.OpeningBalance, OpeningDate: mc.settings.OpeningDate,
			Transactions: txs, On: on, Owed: budget.OutstandingOn(owed, txs, on),
			Contingency: mc.account.Contingency, Payment: mc.account.Payment, PaymentFrequency: mc.account.PaymentFrequency,
			SurplusLimitWeeks: mc.account.SurplusLimitWeeks, Council: mc.account.Council,
		}
		for _, sa := range sas {
			in.SetAside = append(in.SetAside, budget.SetAside{Purpose: sa.Purpose, Amount: sa.Amount})
		}
		st, err = budget.WhereIStand(in)
		if err != nil {
			return refusedInput(err)
		}
		return nil
	})
	return st, err
}
