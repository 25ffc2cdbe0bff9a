package service

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/storage"
	"patoolkit/text"
)

// ImportPreview is what importing a bank statement would do: the file as
// read (its layout, period and balances) and the plan (the new lines with
// suggested categories, and the lines imported before). Nothing is stored
// until ImportStatement.
type ImportPreview struct {
	Statement budget.Statement  `json:"statement"`
	Plan      budget.ImportPlan `json:"plan"`
	// OtherBudget names another budget whose earlier statements came
	// from the bank account this statement says it is for, when this
	// budget's never did: the person is asked before it is imported here
	// (see AccountQuestion), and ImportStatement refuses it unless
	// Plan.ImportAnyway is set.
	OtherBudget string `json:"other_budget,omitempty"`
	// Bank is the ledger, as it would be after the import, held against
	// the statement's balances; BankSays puts it in words, with the fix
	// that explains a difference (empty when the statement carries no
	// balances). When the fix is the opening balance, OpeningFix is what
	// it should be (SetOpeningBalance puts it right).
	Bank       budget.BankCheck `json:"-"`
	BankSays   []string         `json:"bank_says,omitempty"`
	OpeningFix *money.Money     `json:"opening_fix,omitempty"`
}

// AccountQuestion asks whether to import a statement that looks like
// another budget's, or is "" when it does not.
func (p ImportPreview) AccountQuestion(here string) string {
	if p.OtherBudget == "" {
		return ""
	}
	return fmt.Sprintf("This statement looks like it is for %s's account (%s): statements imported into %s came from it. Import it into %s anyway?",
		p.OtherBudget, p.Plan.Account.Describe(), p.OtherBudget, here)
}

// ImportResult says what an import did.
type ImportResult struct {
	// Imported is how many statement lines were brought into the ledger:
	// new lines added plus lines that confirmed one entered by hand.
	Imported int `json:"imported"`
	// Confirmed is how many of those matched a line entered by hand,
	// which is now marked reconciled rather than added again.
	Confirmed int `json:"confirmed"`
	// Duplicates is how many lines were in the ledger already.
	Duplicates int `json:"duplicates"`
	// Rejected is how many lines had problems (0: a refused file imports
	// nothing, and is reported as an error).
	Rejected int `json:"rejected"`
	// RulesLearned is how many payee rules the person's confirmed
	// categories added or changed.
	RulesLearned int `json:"rules_learned"`
	// Matched is how many payments were matched to money owed.
	Matched int `json:"matched"`
	// HeldBack is how many lines were not imported because they may be a
	// bank line imported before and the person has not said whether they
	// are (budget.Proposed.HeldBack): importing the statement in the
	// window asks.
	HeldBack int `json:"held_back"`
	// InSentReturn is how many new lines were not imported because they
	// are dated in a period whose return was sent to the council (its
	// period is locked): each may be added as a correction instead.
	InSentReturn int `json:"in_sent_return,omitempty"`
	// Unsure is how many of Imported were added as new lines although
	// they may be a line entered by hand that the person has not said
	// they are not: the hand-entered line is still there, to remove if
	// it was the same payment.
	Unsure int `json:"unsure"`
}

// statementRefused turns a refused file into an Invalid error naming the
// line and why, keeping the *budget.StatementError for its counts.
func statementRefused(name string, se *budget.StatementError) error {
	return &Error{Code: Invalid, Message: fmt.Sprintf("%s was refused, so nothing was imported. %s", name, se.Error()), Err: se}
}

// PlanImportFile reads the bank statement at path and works out what
// importing it into a budget would do. A file that cannot be read
// correctly is refused with the first bad line and why; nothing is
// stored either way.
func (s *Service) PlanImportFile(accountID int64, path string) (ImportPreview, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return ImportPreview{}, Invalidf("Give the bank statement file: the CSV or OFX file you downloaded from your bank's website.")
	}
	name := filepath.Base(path)
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return ImportPreview{}, Invalidf("There is no file at %s. Check the folder and the file's name.", path)
	case st.IsDir():
		return ImportPreview{}, Invalidf("%s is a folder: give the statement file inside it.", path)
	case !st.Mode().IsRegular():
		return ImportPreview{}, notAFile(path)
	case st.Size() > budget.DefaultMaxStatementBytes:
		return ImportPreview{}, statementRefused(name, &budget.StatementError{Reason: fmt.Sprintf(
			"The file is %d MB, far larger than a bank statement export (at most %d MB): check you chose the right file, or export a shorter period.",
			st.Size()>>20, budget.DefaultMaxStatementBytes>>20)})
	}
	f, err := os.Open(path)
	if err != nil {
		return ImportPreview{}, Invalidf("%s can't be opened (%v).", path, err)
	}
	defer f.Close()
	// The path may have been swapped for something else since it was looked at.
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return ImportPreview{}, notAFile(path)
	}
	return s.PlanImport(accountID, f, name)
}

// notAFile refuses a path that is not a plain file (a named pipe, a
// device, a socket): reading one could wait for ever or never end.
func notAFile(path string) error {
	return Invalidf("%s is not a file that holds a statement (it may be a pipe or a device): give the CSV or OFX file you downloaded from your bank's website.", path)
}

// PlanImport reads a bank statement from r (name is the file's name, for
// messages) and works out what importing it would do.
func (s *Service) PlanImport(accountID int64, r io.Reader, name string) (ImportPreview, error) {
	stmt, err := budget.ParseStatement(r, name, budget.ParseOptions{})
	var se *budget.StatementError
	if errors.As(err, &se) {
		return ImportPreview{}, statementRefused(name, se)
	}
	if err != nil {
		return ImportPreview{}, internal("reading the bank statement", err)
	}
	prev := ImportPreview{Statement: stmt}
	err = s.view("checking the bank statement against the ledger", func(tx *storage.Tx) error {
		opts, err := planOptions(tx, accountID)
		if err != nil {
			return err
		}
		prev.Plan = budget.Plan(stmt, opts)
		prev.OtherBudget, err = otherBudgetWith(tx, accountID, stmt.Account)
		if err != nil {
			return err
		}
		return checkAgainstStatement(tx, accountID, &prev)
	})
	return prev, err
}

// checkAgainstStatement holds the ledger, with the plan's new lines
// added, against the statement's balances, and says what explains a
// difference.
func checkAgainstStatement(tx *storage.Tx, accountID int64, prev *ImportPreview) error {
	if len(prev.Plan.Balances) == 0 {
		return nil
	}
	// Every day a bank statement has given a balance for, this one's
	// figures taking the place of any kept before: a gap between two
	// statements shows as a change in the difference.
	kept, err := tx.StatementBalances(accountID)
	if err != nil {
		return err
	}
	days := budget.MergeDayBalances(kept, prev.Plan.Balances)
	mc, err := loadMoney(tx, accountID)
	if err != nil {
		return err
	}
	txs, err := tx.Transactions(accountID)
	if err != nil {
		return err
	}
	confirmed := map[int64]bool{}
	after := append([]budget.Transaction(nil), txs...)
	for _, p := range prev.Plan.New {
		switch {
		case p.Confirms != 0:
			confirmed[p.Confirms] = true
		case p.SameAs != 0, p.HeldBack():
		default:
			after = append(after, p.Transaction)
		}
	}
	var hand []budget.Transaction
	for _, t := range txs {
		if t.ImportKey == "" && !t.Reconciled && !confirmed[t.ID] && !t.Date.Before(prev.Statement.From) && !t.Date.After(prev.Statement.To) {
			hand = append(hand, t)
		}
	}
	set := mc.settings
	balanceOn := func(d civil.Date) (money.Money, bool) {
		b, _, ok := budget.BalanceOn(set.OpeningBalance, set.OpeningDate, after, d)
		return b, ok
	}
	c := budget.CheckAgainstBank(days, balanceOn, hand)
	prev.Bank = c
	prev.BankSays = bankWords(c, set)
	if c.Fix == budget.FixOpeningBalance {
		fix := set.OpeningBalance + c.Change
		prev.OpeningFix = &fix
	}
	return nil
}

// bankWords says how the ledger stands against the bank's balances, and
// what explains a difference.
func bankWords(c budget.BankCheck, set MoneyAccount) []string {
	if len(c.Days) == 0 {
		return []string{fmt.Sprintf("The statement's balances are all from before the ledger's opening date (%s), so they cannot be compared.", set.OpeningDate.UK())}
	}
	last := c.Days[len(c.Days)-1]
	if c.Agrees() {
		return []string{fmt.Sprintf("After this import the toolkit agrees with your bank on every day the statement covers: %s on %s.", last.Bank.Format(), last.Date.UK())}
	}
	diff := func(x budget.BankDifference) string {
		word := "more"
		if x.Difference < 0 {
			word = "less"
		}
		return fmt.Sprintf("on %s your bank says %s and the toolkit would have %s (%s %s)", x.Date.UK(), x.Bank.Format(), x.Ledger.Format(), x.Difference.Abs().Format(), word)
	}
	out := []string{fmt.Sprintf("After this import the toolkit would not agree with your bank: %s.", diff(last))}
	switch c.Fix {
	case budget.FixOpeningBalance:
		out = append(out, fmt.Sprintf("The difference is the same on every day, from %s: the opening balance is out by it. It is %s on %s; the bank's figures make it %s. Set the opening balance to %s to put it right.",
			c.Days[0].Date.UK(), set.OpeningBalance.Format(), set.OpeningDate.UK(), (set.OpeningBalance+c.Change).Format(), (set.OpeningBalance+c.Change).Format()))
	case budget.FixMissingLine:
		what := "money out of"
		if c.Change > 0 {
			what = "money in of"
		}
		out = append(out, fmt.Sprintf("The two agree on %s but not from %s: a line of %s %s between those dates is missing from the ledger, or the ledger has one the bank does not. Look for it in an earlier or later statement, or add it by hand.",
			c.From.UK(), c.To.UK(), what, c.Change.Abs().Format()))
	case budget.FixHandLines:
		var parts []string
		for _, t := range c.Lines {
			parts = append(parts, fmt.Sprintf("%s %s %s", t.Date.UK(), t.Payee, t.Amount.Format()))
		}
		out = append(out, fmt.Sprintf("%s entered by hand %s not on the statement, and %s the difference: %s. If the bank never paid %s, remove %s under Money; if it did, it will be on a later statement.",
			text.Count(len(c.Lines), "line", "lines"), map[bool]string{true: "is", false: "are"}[len(c.Lines) == 1],
			map[bool]string{true: "it makes", false: "they make"}[len(c.Lines) == 1], strings.Join(parts, "; "),
			map[bool]string{true: "it", false: "them"}[len(c.Lines) == 1], map[bool]string{true: "it", false: "them"}[len(c.Lines) == 1]))
	default:
		out = append(out, "The difference changes from day to day, so more than one thing is out: check the lines entered by hand against the statement, and the opening balance under Money settings.")
	}
	return out
}

// SetOpeningBalance sets the ledger's opening balance (on the opening
// date already set), as an import's check against the bank suggests.
func (s *Service) SetOpeningBalance(accountID int64, balance money.Money) (MoneyAccount, error) {
	m, err := s.MoneyAccount(accountID)
	if err != nil {
		return m, err
	}
	m.AccountID, m.OpeningBalance = accountID, balance
	return s.SaveMoneyAccount(m)
}

// otherBudgetWith returns the name of another budget whose imported
// statements said they were for bank account b, when none of this
// budget's did; otherwise "".
func otherBudgetWith(tx *storage.Tx, accountID int64, b budget.BankAccount) (string, error) {
	if b.IsZero() {
		return "", nil
	}
	seen, err := tx.StatementAccounts()
	if err != nil {
		return "", err
	}
	var other int64
	for _, s := range seen {
		if !budget.SameBankAccount(s.Bank, b) {
			continue
		}
		if s.AccountID == accountID {
			return "", nil
		}
		if other == 0 {
			other = s.AccountID
		}
	}
	if other == 0 {
		return "", nil
	}
	a, err := tx.Account(other)
	if errors.Is(err, storage.ErrNotFound) {
		return "", nil
	}
	return a.Name, err
}

func planOptions(tx *storage.Tx, accountID int64) (budget.PlanOptions, error) {
	mc, err := loadMoney(tx, accountID)
	if err != nil {
		return budget.PlanOptions{}, err
	}
	keys, err := tx.ImportKeys(accountID)
	if err != nil {
		return budget.PlanOptions{}, err
	}
	rules, err := tx.PayeeRules(accountID)
	if err != nil {
		return budget.PlanOptions{}, err
	}
	un, err := tx.Unreconciled(accountID)
	if err != nil {
		return budget.PlanOptions{}, err
	}
	imported, err := tx.BankLines(accountID)
	if err != nil {
		return budget.PlanOptions{}, err
	}
	return budget.PlanOptions{
		Imported:     imported,
		ExistingKeys: keys,
		// The person's own rules come after the starter rules, so theirs win.
		Rules:        append(budget.StarterRules(), rules...),
		Categories:   mc.offered(),
		Unreconciled: un,
	}, nil
}

// ImportStatement stores a planned import in one go: the new lines are
// added, the lines that confirm one entered by hand mark it reconciled
// (taking the bank's date) instead, and for every line in confirmed (by
// import key) the person's category is used and learnt as a payee rule,
// so the next statement suggests it. Payments that certainly settle money
// owed are matched. Lines imported since the plan was made are counted as
// duplicates. Nothing is stored if any category is not one of the
// budget's, or if the statement looks like another budget's (see
// ImportPreview.OtherBudget) and plan.ImportAnyway is not set.
//
// A line with a question (budget.Proposed.Maybe) is stored as the person
// answered it: the same as a line imported before (SameAs: not added, and
// recognised next time), the bank's record of a line entered by hand
// (Confirms), or a new line. Unanswered, it is held back when it may be a
// bank line imported before (HeldBack), and otherwise added as a new line
// (Unsure).
func (s *Service) ImportStatement(accountID int64, plan budget.ImportPlan, confirmed map[string]budget.Category) (ImportResult, error) {
	res := ImportResult{Duplicates: len(plan.Duplicates)}
	err := s.update("importing the bank statement", func(tx *storage.Tx) error {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return err
		}
		if !plan.ImportAnyway {
			other, err := otherBudgetWith(tx, accountID, plan.Account)
			if err != nil {
				return err
			}
			if other != "" {
				return Invalidf("This statement looks like it is for %s's account (%s), so nothing was imported. Check you chose the right budget and file, or say to import it here anyway.",
					other, plan.Account.Describe())
			}
		}
		offered := mc.offered()
		keys, err := tx.ImportKeys(accountID)
		if err != nil {
			return err
		}
		inPlan := map[string]bool{}
		var fresh []budget.Transaction
		var freshLines []budget.StatementLine
		type confirm struct {
			id int64
			t  budget.Transaction
		}
		var confirms []confirm
		var records []budget.BankRecord
		used := map[int64]bool{}
		var rules []budget.PayeeRule
		for _, p := range plan.New {
			t := p.Transaction
			key := t.ImportKey
			if key == "" || key != budget.ImportKey(p.Line) {
				return Invalidf("The preview has changed since it was made: read the statement again.")
			}
			if keys[key] || inPlan[key] {
				res.Duplicates++
				continue
			}
			inPlan[key] = true
			if p.HeldBack() {
				res.HeldBack++
				continue
			}
			if p.SameAs == 0 {
				if _, locked, err := tx.SentReturnCovering(accountID, t.Date); err != nil {
					return err
				} else if locked {
					res.InSentReturn++
					continue
				}
			}
			if p.SameAs != 0 {
				same, acc, err := tx.Transaction(p.SameAs)
				if errors.Is(err, storage.ErrNotFound) || (err == nil && (acc != accountID || same.ImportKey == "" || same.Amount != p.Line.Amount)) {
					return Invalidf("The preview has changed since it was made: read the statement again.")
				}
				if err != nil {
					return err
				}
				records = append(records, budget.RecordOf(p.Line, same.ID))
				res.Duplicates++
				continue
			}
			if c, ok := confirmed[key]; ok && strings.TrimSpace(string(c)) != "" {
				info, ok := offered.Find(c)
				if !ok {
					return Invalidf("Line %d (%s %s): %q is not one of this budget's categories. Nothing was imported.", p.Line.LineNo, p.Line.Date.UK(), t.Payee, c)
				}
				t.Category = info.Name
				rules = append(rules, budget.LearnRule(p.Line.Description, info.Name))
			} else if t.Category != "" {
				info, ok := mc.all().Find(t.Category)
				if !ok {
					return Invalidf("Line %d (%s %s): %q is not one of this budget's categories. Nothing was imported.", p.Line.LineNo, p.Line.Date.UK(), t.Payee, t.Category)
				}
				t.Category = info.Name
			}
			t.ID, t.Reconciled, t.SettlesID = 0, true, 0
			if problems := budget.CheckTransaction(t, mc.all()); len(problems) > 0 {
				return Invalidf("Line %d (%s): %s Nothing was imported.", p.Line.LineNo, p.Line.Date.UK(), problems.Error())
			}
			if p.Confirms != 0 && !used[p.Confirms] {
				if hand, acc, err := tx.Transaction(p.Confirms); err == nil && acc == accountID && !hand.Reconciled &&
					hand.ImportKey == "" && hand.Amount == t.Amount {
					hand.Reconciled, hand.ImportKey, hand.Date = true, key, t.Date
					if hand.Category == "" {
						hand.Category = t.Category
					}
					if hand.Reference == "" {
						hand.Reference = t.Reference
					}
					confirms = append(confirms, confirm{hand.ID, hand})
					records = append(records, budget.RecordOf(p.Line, hand.ID))
					used[hand.ID] = true
					continue
				} else if err != nil && !errors.Is(err, storage.ErrNotFound) {
					return err
				}
			}
			if p.Unanswered() {
				res.Unsure++
			}
			fresh = append(fresh, t)
			freshLines = append(freshLines, p.Line)
		}
		for _, c := range confirms {
			if err := tx.UpdateTransaction(accountID, c.t); err != nil {
				return err
			}
		}
		if err := tx.InsertTransactions(accountID, fresh); err != nil {
			return err
		}
		for i, t := range fresh {
			records = append(records, budget.RecordOf(freshLines[i], t.ID))
		}
		if err := tx.AddBankLines(accountID, records); err != nil {
			return err
		}
		if err := tx.AddStatementAccount(accountID, plan.Account); err != nil {
			return err
		}
		res.Imported = len(fresh) + len(confirms)
		res.Confirmed = len(confirms)
		// Learn each payee once, the last choice winning.
		last := map[string]int{}
		for i, r := range rules {
			if r.Match != "" {
				last[r.Match] = i
			}
		}
		existing, err := tx.PayeeRules(accountID)
		if err != nil {
			return err
		}
		had := map[string]budget.Category{}
		for _, r := range existing {
			had[r.Match] = r.Category
		}
		for i, r := range rules {
			if r.Match == "" || last[r.Match] != i || had[r.Match] == r.Category {
				continue
			}
			if err := tx.AddPayeeRule(accountID, r); err != nil {
				return err
			}
			res.RulesLearned++
		}
		// What the bank said, kept even when every line was in already:
		// the ledger is held against it (Where I stand).
		if err := tx.SaveStatementBalances(accountID, plan.Balances); err != nil {
			return err
		}
		if res.Imported == 0 {
			return nil
		}
		if res.Matched, err = s.autoMatch(tx, accountID); err != nil {
			return err
		}
		detail := fmt.Sprintf("%d lines imported (%d confirmed lines entered by hand), %d already in the ledger", res.Imported, res.Confirmed, res.Duplicates)
		if res.HeldBack > 0 {
			detail += fmt.Sprintf(", %d held back as possibly imported before", res.HeldBack)
		}
		if res.Unsure > 0 {
			detail += fmt.Sprintf(", %d added although they may be lines entered by hand", res.Unsure)
		}
		if plan.ImportAnyway && !plan.Account.IsZero() {
			detail += ", for " + plan.Account.Describe() + " (imported anyway)"
		}
		return tx.Audit(s.now(), accountID, "bank statement imported", detail)
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}
