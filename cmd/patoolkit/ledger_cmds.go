package main

import (
	"fmt"
	"io"
	"strings"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/service"
)

func init() {
	registerIn(groupMoney, "ledger", "the budget's ledger lines: ledger list [--from DATE --to DATE] [--category C | --unsorted] [--sort newest|oldest|largest-out|largest-in] [--json], ledger edit --line N [--payee P] [--category C] [--note N] [--reference R] [--date DATE --amount AMOUNT], ledger remove --line N", cmdLedger)
	registerIn(groupMoney, "category", "the budget's categories of money in and out: category list [--json], category add --name N [--income], category rename --name N --to NEW, category hide|show --name N", cmdCategory)
	registerIn(groupMoney, "receipt", "receipts and invoices kept with a ledger line: receipt add --line N --file FILE, receipt list --line N [--json], receipt save --id N --out FILE, receipt remove --id N", cmdReceipt)
	registerIn(groupSetUp, "money-settings", "the budget's opening balance and the dates its payments run from: money-settings show [--json], money-settings set [--opening-balance AMOUNT] [--opening-date DATE] [--payment-first DATE] [--contribution-first DATE] [--hmrc-quarterly]", cmdMoneySettings)
}

// categoryFlag is the budget's category named by --category ("" for
// none), refusing a name that is not one of the categories offered.
func categoryFlag(svc *service.Service, a household.Account, name string) (budget.Category, error) {
	if strings.TrimSpace(name) == "" {
		return "", nil
	}
	cats, err := svc.OfferedCategories(a.ID)
	if err != nil {
		return "", err
	}
	if info, ok := cats.Find(budget.Category(name)); ok {
		return info.Name, nil
	}
	names := make([]string, len(cats))
	for i, c := range cats {
		names[i] = fmt.Sprintf("%q", c.Name)
	}
	return "", badInput("--category %q is not one of %s's categories: %s", name, a.Name, strings.Join(names, ", "))
}

var transactionFlagNames = map[string]string{"date": "date", "payee": "payee", "amount": "amount", "category": "category",
	"reference": "reference", "note": "note"}

func cmdLedger(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("ledger", args, stdout, "list", "edit", "remove")
	if err != nil {
		return err
	}
	switch sub {
	case "list":
		return ledgerList(rest, stdout)
	case "edit":
		return ledgerEdit(rest, stdout)
	}
	fs, af := addAccountFlags("ledger remove", stdout)
	line := fs.Int64("line", 0, "the line's `NUMBER`, as ledger list shows it")
	return runBudget(fs, af, rest, func() error {
		if *line <= 0 {
			return badInput("--line NUMBER is needed: as ledger list shows it")
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		if err := svc.DeleteTransaction(*line); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Removed ledger line %d, with its receipts.\n", *line)
		return nil
	})
}

// ledgerJSON is one line as "ledger list --json" writes it; amounts are
// positive for money in, negative for money out.
type ledgerJSON struct {
	Line       int64       `json:"line"`
	Date       string      `json:"date"`
	Payee      string      `json:"payee"`
	Amount     money.Money `json:"amount"`
	Category   string      `json:"category"`
	Reference  string      `json:"reference"`
	Note       string      `json:"note"`
	Reconciled bool        `json:"reconciled"`
	FromBank   bool        `json:"from_bank_statement"`
	Receipts   int         `json:"receipts"`
	SettlesID  int64       `json:"settles_owed"`
}

func ledgerList(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("ledger list", stdout)
	from := fs.String("from", "", "the first `DATE` (left out: from the start)")
	to := fs.String("to", "", "the last `DATE` (left out: to the latest line)")
	category := fs.String("category", "", "only lines of this category")
	unsorted := fs.Bool("unsorted", false, "only lines with no category yet")
	sort := fs.String("sort", "newest", "the order: newest, oldest, largest-out or largest-in")
	asJSON := fs.Bool("json", false, "write JSON")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		set := given(fs)
		set["sort"] = true
		var f service.LedgerFilter
		if err := dateFlag(set, "from", *from, &f.From); err != nil {
			return err
		}
		if err := dateFlag(set, "to", *to, &f.To); err != nil {
			return err
		}
		if err := choiceFlag(set, "sort", *sort, service.LedgerSorts, &f.Sort); err != nil {
			return err
		}
		var err error
		if f.Category, err = categoryFlag(svc, a, *category); err != nil {
			return err
		}
		f.Unsorted = *unsorted
		l, err := svc.Ledger(a.ID, f)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]ledgerJSON, len(l.Entries))
			for i, e := range l.Entries {
				out[i] = ledgerJSON{e.ID, e.Date.String(), e.Payee, e.Amount, string(e.Category), e.Reference, e.Note, e.Reconciled, e.ImportKey != "", e.Receipts, e.SettlesID}
			}
			return writeJSON(stdout, out)
		}
		if len(l.Entries) == 0 {
			fmt.Fprintln(stdout, "No ledger lines match.")
			return nil
		}
		for _, e := range l.Entries {
			what := "money out"
			if e.Amount > 0 {
				what = "money in"
			}
			cat := string(e.Category)
			if cat == "" {
				cat = "no category yet"
			}
			fmt.Fprintf(stdout, "Line %d: %s, %s, %s %s, %s.", e.ID, e.Date.UK(), e.Payee, what, e.Amount.Abs().Format(), cat)
			if e.Reconciled {
				fmt.Fprint(stdout, " On the bank statement.")
			}
			if e.Receipts > 0 {
				fmt.Fprintf(stdout, " %d receipt(s).", e.Receipts)
			}
			if e.Note != "" {
				fmt.Fprintf(stdout, " Note: %s", e.Note)
			}
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "%s. %s.\n", total("money in", len(l.Entries), "line", "lines", l.MoneyIn), total("money out", len(l.Entries), "line", "lines", l.MoneyOut))
		if l.NotReconciled > 0 {
			fmt.Fprintf(stdout, "%d of them are not yet matched to a bank statement.\n", l.NotReconciled)
		}
		return nil
	})
}

func ledgerEdit(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("ledger edit", stdout)
	line := fs.Int64("line", 0, "the line's `NUMBER`, as ledger list shows it")
	date := fs.String("date", "", "a new `DATE` (not for a line from the bank)")
	payee := fs.String("payee", "", "who was paid, or who paid in")
	amt := fs.String("amount", "", "a new `AMOUNT`: money out negative, money in positive (not for a line from the bank)")
	category := fs.String("category", "", "one of the budget's categories")
	note := fs.String("note", "", "a note")
	reference := fs.String("reference", "", "a reference, like an invoice number")
	return runBudget(fs, af, args, func() error {
		if *line <= 0 {
			return badInput("--line NUMBER is needed: as ledger list shows it")
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		t, err := svc.Transaction(*line)
		if err != nil {
			return err
		}
		set := given(fs)
		if err := dateFlag(set, "date", *date, &t.Date); err != nil {
			return err
		}
		if set["amount"] {
			m, err := money.Parse(*amt)
			if err != nil {
				return badInput("--amount %q is not an amount of money: money out is negative, like -12.34; money in positive, like 1300.00", *amt)
			}
			t.Amount = m
		}
		for _, s := range []struct {
			flag string
			v    *string
			into *string
		}{{"payee", payee, &t.Payee}, {"note", note, &t.Note}, {"reference", reference, &t.Reference}} {
			if set[s.flag] {
				*s.into = *s.v
			}
		}
		if set["category"] {
			if t.Category, err = categoryFlag(svc, a, *category); err != nil {
				return err
			}
		}
		if err := svc.CheckTransaction(a.ID, t); err != nil {
			return byFlag(err, transactionFlagNames)
		}
		saved, err := svc.SaveTransaction(a.ID, t)
		if err != nil {
			return byFlag(err, transactionFlagNames)
		}
		fmt.Fprintf(stdout, "Saved ledger line %d: %s, %s, %s, %s.\n", saved.ID, saved.Date.UK(), saved.Payee, saved.Amount.Format(), orNone(string(saved.Category)))
		return nil
	})
}

// orNone is s, or "no category yet" when it is empty.
func orNone(s string) string {
	if s == "" {
		return "no category yet"
	}
	return s
}

// categoryJSON is one category as "category list --json" writes it.
type categoryJSON struct {
	Name   string `json:"name"`
	Income bool   `json:"income"`
	Hidden bool   `json:"hidden"`
}

func cmdCategory(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("category", args, stdout, "list", "add", "rename", "hide", "show")
	if err != nil {
		return err
	}
	fs, af := addAccountFlags("category "+sub, stdout)
	name := fs.String("name", "", "the category's `NAME`")
	to := fs.String("to", "", "rename: the new `NAME`")
	income := fs.Bool("income", false, "add: a category of money coming in")
	asJSON := fs.Bool("json", false, "write JSON (list)")
	return runBudget(fs, af, rest, func() error {
		if sub != "list" && strings.TrimSpace(*name) == "" {
			return badInput("--name is needed: the category's name")
		}
		if sub == "rename" && strings.TrimSpace(*to) == "" {
			return badInput("--to is needed: the category's new name")
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		flags := map[string]string{"name": "name"}
		switch sub {
		case "add":
			if err := svc.AddCategory(a.ID, *name, *income); err != nil {
				return byFlag(err, flags)
			}
			fmt.Fprintf(stdout, "Added the category %q.\n", strings.TrimSpace(*name))
			return nil
		case "rename":
			if err := svc.RenameCategory(a.ID, *name, *to); err != nil {
				return byFlag(err, map[string]string{"name": "to"})
			}
			fmt.Fprintf(stdout, "Renamed the category %q to %q, on every line that has it.\n", *name, strings.TrimSpace(*to))
			return nil
		case "hide", "show":
			if err := svc.SetCategoryHidden(a.ID, *name, sub == "hide"); err != nil {
				return byFlag(err, flags)
			}
			if sub == "hide" {
				fmt.Fprintf(stdout, "The category %q is no longer offered for new lines; lines that have it keep it.\n", *name)
			} else {
				fmt.Fprintf(stdout, "The category %q is offered again.\n", *name)
			}
			return nil
		}
		cats, err := svc.Categories(a.ID)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]categoryJSON, len(cats))
			for i, c := range cats {
				out[i] = categoryJSON{string(c.Name), c.Income, c.Hidden}
			}
			return writeJSON(stdout, out)
		}
		for _, c := range cats {
			kind := "money out"
			if c.Income {
				kind = "money in"
			}
			hidden := ""
			if c.Hidden {
				hidden = ", hidden"
			}
			fmt.Fprintf(stdout, "%s (%s%s)\n", c.Name, kind, hidden)
		}
		return nil
	})
}

// receiptJSON is one receipt as "receipt list --json" writes it.
type receiptJSON struct {
	ID        int64  `json:"id"`
	Line      int64  `json:"line"`
	FileName  string `json:"file_name"`
	MediaType string `json:"media_type"`
	Size      int64  `json:"size"`
	Added     string `json:"added"`
}

func cmdReceipt(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("receipt", args, stdout, "add", "list", "save", "remove")
	if err != nil {
		return err
	}
	fs, af := addAccountFlags("receipt "+sub, stdout)
	line := fs.Int64("line", 0, "the ledger line's `NUMBER` (add and list)")
	id := fs.Int64("id", 0, "the receipt's `NUMBER`, as receipt list shows it (save and remove)")
	file := fs.String("file", "", "add: the receipt `FILE` (PDF, PNG or JPEG)")
	out := fs.String("out", "", "save: the `FILE` to write a copy to (a new file, unless --force)")
	force := forceFlag(fs)
	asJSON := fs.Bool("json", false, "write JSON (list)")
	return runBudget(fs, af, rest, func() error {
		switch {
		case (sub == "add" || sub == "list") && *line <= 0:
			return badInput("--line NUMBER is needed: the ledger line, as ledger list shows it")
		case (sub == "save" || sub == "remove") && *id <= 0:
			return badInput("--id NUMBER is needed: the receipt, as receipt list shows it")
		case sub == "add" && *file == "":
			return badInput("--file FILE is needed: the receipt to keep")
		case sub == "save" && *out == "":
			return badInput("--out FILE is needed: where to write the copy")
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		switch sub {
		case "add":
			r, err := svc.AddReceiptFile(*line, *file)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Kept %s with ledger line %d (receipt number %d).\n", r.FileName, *line, r.ID)
			return nil
		case "save":
			if err := svc.ExportReceipt(*id, *out, *force); err != nil {
				return fileError(err, *out)
			}
			fmt.Fprintf(stdout, "Saved a copy of receipt %d to %s.\n", *id, *out)
			return nil
		case "remove":
			if err := svc.RemoveReceipt(*id); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Removed receipt %d.\n", *id)
			return nil
		}
		rs, err := svc.Receipts(*line)
		if err != nil {
			return err
		}
		if *asJSON {
			list := make([]receiptJSON, len(rs))
			for i, r := range rs {
				list[i] = receiptJSON{r.ID, r.TransactionID, r.FileName, r.MediaType, r.Size, r.Added.String()}
			}
			return writeJSON(stdout, list)
		}
		if len(rs) == 0 {
			fmt.Fprintf(stdout, "Ledger line %d has no receipts.\n", *line)
		}
		for _, r := range rs {
			fmt.Fprintf(stdout, "Receipt %d: %s, added %s.\n", r.ID, r.FileName, r.Added.UK())
		}
		return nil
	})
}

// moneySettingsJSON is what "money-settings show --json" writes.
type moneySettingsJSON struct {
	OpeningBalance    money.Money `json:"opening_balance"`
	OpeningDate       string      `json:"opening_date"`
	PaymentFirst      string      `json:"payment_first"`
	ContributionFirst string      `json:"contribution_first"`
	HMRCQuarterly     bool        `json:"hmrc_quarterly"`
}

var moneySettingsFlagNames = map[string]string{"opening_balance": "opening-balance", "opening_date": "opening-date",
	"payment_first": "payment-first", "contribution_first": "contribution-first"}

func cmdMoneySettings(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("money-settings", args, stdout, "show", "set")
	if err != nil {
		return err
	}
	fs, af := addAccountFlags("money-settings "+sub, stdout)
	asJSON := fs.Bool("json", false, "write JSON (show)")
	opening := fs.String("opening-balance", "", "set: what was in the account at the start of --opening-date (`AMOUNT`; negative if overdrawn)")
	openingDate := fs.String("opening-date", "", "set: the `DATE` of the opening balance")
	paymentFirst := fs.String("payment-first", "", "set: the `DATE` of the council's first payment")
	contributionFirst := fs.String("contribution-first", "", "set: the `DATE` of your first contribution")
	quarterly := fs.Bool("hmrc-quarterly", false, "set: HMRC is paid every quarter (--hmrc-quarterly=false for every month)")
	return runBudget(fs, af, rest, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		m, err := svc.MoneyAccount(a.ID)
		if err != nil {
			return err
		}
		if sub == "show" {
			if *asJSON {
				return writeJSON(stdout, moneySettingsJSON{m.OpeningBalance, m.OpeningDate.String(), m.PaymentFirst.String(), m.ContributionFirst.String(), m.HMRCQuarterly})
			}
			fmt.Fprintf(stdout, "Opening balance: %s at the start of %s.\n", m.OpeningBalance.Format(), m.OpeningDate.UK())
			fmt.Fprintf(stdout, "The council's payments run from %s.\n", m.PaymentFirst.UK())
			if a.Contribution > 0 {
				fmt.Fprintf(stdout, "Your contributions run from %s.\n", m.ContributionFirst.UK())
			}
			fmt.Fprintf(stdout, "HMRC is paid every %s.\n", map[bool]string{true: "quarter", false: "month"}[m.HMRCQuarterly])
			return nil
		}
		set := given(fs)
		if set["opening-balance"] {
			v, err := money.Parse(*opening)
			if err != nil {
				return badInput("--opening-balance %q is not an amount of money: write it like 1250.00 (or -20.00 if overdrawn)", *opening)
			}
			m.OpeningBalance = v
		}
		for _, d := range []struct{ flag, v string }{{"opening-date", *openingDate}, {"payment-first", *paymentFirst}, {"contribution-first", *contributionFirst}} {
			into := map[string]*civil.Date{"opening-date": &m.OpeningDate, "payment-first": &m.PaymentFirst, "contribution-first": &m.ContributionFirst}[d.flag]
			if err := dateFlag(set, d.flag, d.v, into); err != nil {
				return err
			}
		}
		if set["hmrc-quarterly"] {
			m.HMRCQuarterly = *quarterly
		}
		if err := svc.CheckMoneyAccount(m); err != nil {
			return byFlag(err, moneySettingsFlagNames)
		}
		saved, err := svc.SaveMoneyAccount(m)
		if err != nil {
			return byFlag(err, moneySettingsFlagNames)
		}
		fmt.Fprintf(stdout, "Saved: opening balance %s at the start of %s.\n", saved.OpeningBalance.Format(), saved.OpeningDate.UK())
		return nil
	})
}
