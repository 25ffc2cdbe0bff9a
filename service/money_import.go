package service

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"patoolkit/budget"
	"patoolkit/storage"
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
		return err
	})
	return prev, err
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
			if msgs := budget.CheckTransaction(t, mc.all()); len(msgs) > 0 {
				return Invalidf("Line %d (%s): %s Nothing was imported.", p.Line.LineNo, p.Line.Date.UK(), strings.Join(msgs, " "))
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
