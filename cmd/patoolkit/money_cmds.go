package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/service"
	"patoolkit/text"
)

func init() {
	registerIn(groupMoney, "import", "bring a bank statement into the ledger: import bank --account NAME --file STATEMENT.csv [--dry-run] [--anyway]", cmdImport)
	registerIn(groupMoney, "money", "the budget's money: money add (a transaction), money status (where you stand)", cmdMoney)
	registerIn(groupMoney, "forecast", "the balance week by week from the rota, payments and bills (--weeks 12)", cmdForecast)
}

// today is the date the money commands report on unless told otherwise.
var moneyToday = func() civil.Date { return civil.Of(time.Now()) }

// subcommand splits "bank --data F" into "bank" and its flags; name and
// choices are for the message when it is missing or unknown.
func moneySubcommand(name string, args []string, stdout io.Writer, choices ...string) (string, []string, error) {
	list := strings.Join(choices, " or ")
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		for _, c := range choices {
			fmt.Fprintf(stdout, "patoolkit %s %s: run \"patoolkit %s %s -h\" for its options\n", name, c, name, c)
		}
		return "", nil, flag.ErrHelp
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return "", nil, badInput("say what to do: patoolkit %s %s (run with -h for the options)", name, list)
	}
	for _, c := range choices {
		if args[0] == c {
			return c, args[1:], nil
		}
	}
	return "", nil, badInput("unknown %s command %q: use %s", name, args[0], list)
}

// moneyDateFlag reads a date flag (YYYY-MM-DD or DD/MM/YYYY).
func moneyDateFlag(flagName, s string) (civil.Date, error) {
	d, err := civil.Parse(s)
	if err != nil {
		return civil.Date{}, badInput("%s %q is not a date: write it as YYYY-MM-DD or DD/MM/YYYY", flagName, s)
	}
	return d, nil
}

// moneyDayFlag is the date given with the flag flagName, or today when
// it was left out.
func moneyDayFlag(flagName, s string) (civil.Date, error) {
	if s == "" {
		return moneyToday(), nil
	}
	return moneyDateFlag(flagName, s)
}

// importJSON is what "import bank --json" writes. held_back and
// possible_matches are written only when there are some.
type importJSON struct {
	Imported   int `json:"imported"`
	Duplicates int `json:"duplicates"`
	Rejected   int `json:"rejected"`
	// HeldBack is how many lines were not imported because they may be
	// lines imported before: import the file in the window to say.
	HeldBack int `json:"held_back,omitempty"`
	// PossibleMatches are the lines that may be lines already in the
	// ledger, not certainly.
	PossibleMatches []possibleMatchJSON `json:"possible_matches,omitempty"`
}

// possibleMatchJSON is a statement line that may be a line already in
// the ledger: imported as a new line (a line entered by hand may be it),
// or not imported (a line imported before may be it).
type possibleMatchJSON struct {
	Line        int                `json:"line"`
	Date        civil.Date         `json:"date"`
	Description string             `json:"description"`
	Amount      money.Money        `json:"amount"`
	Imported    bool               `json:"imported"`
	MayBe       []budget.Candidate `json:"may_be"`
}

// possibleMatches lists a plan's unanswered questions for --json.
func possibleMatches(plan budget.ImportPlan) []possibleMatchJSON {
	var out []possibleMatchJSON
	for _, n := range plan.New {
		if n.Unanswered() {
			out = append(out, possibleMatchJSON{n.Line.LineNo, n.Line.Date, n.Line.Description, n.Line.Amount, !n.HeldBack(), n.Maybe})
		}
	}
	return out
}

// heldBack counts the lines an import leaves out until the person answers.
func heldBack(plan budget.ImportPlan) int {
	n := 0
	for _, p := range plan.New {
		if p.HeldBack() {
			n++
		}
	}
	return n
}

// writeQuestions says, one line each, what an import does (or did, when
// done) with the lines it is not sure of, and how to put it right.
func writeQuestions(w io.Writer, plan budget.ImportPlan, done bool) {
	for _, n := range plan.New {
		if !n.Unanswered() {
			continue
		}
		switch {
		case n.HeldBack() && done:
			fmt.Fprintf(w, "Not imported: %s may be %s. Import the file in the window (Money, Ctrl+6) to say whether it is the same line.\n", n.Describe(), n.MayBe())
		case n.HeldBack():
			fmt.Fprintf(w, "Will not be imported: %s may be %s. Import the file in the window (Money, Ctrl+6) to say whether it is the same line.\n", n.Describe(), n.MayBe())
		case done:
			fmt.Fprintf(w, "Check: %s was imported as a new line, but it may be %s. If it is the same payment, remove the line you entered by hand in the window's ledger (Money, Ctrl+6).\n", n.Describe(), n.MayBe())
		default:
			fmt.Fprintf(w, "Check: %s will be imported as a new line, but it may be %s. To say whether it is the same payment, import the file in the window (Money, Ctrl+6).\n", n.Describe(), n.MayBe())
		}
	}
}

func cmdImport(args []string, stdout io.Writer) error {
	if _, rest, err := moneySubcommand("import", args, stdout, "bank"); err != nil {
		return err
	} else {
		args = rest
	}
	fs, af := addAccountFlags("import bank", stdout)
	file := fs.String("file", "", "the bank statement `FILE` (CSV or OFX) exported from your bank")
	dry := fs.Bool("dry-run", false, "show what would be imported, and import nothing")
	asJSON := fs.Bool("json", false, "write JSON: imported, duplicates and rejected counts (and held_back and possible_matches, when there are lines that may already be in the ledger)")
	anyway := fs.Bool("anyway", false, "import the statement even though it looks like another budget's bank account")
	fixOpening := fs.Bool("set-opening-balance", false, "when the statement's balances show the opening balance is out, set it to what they make it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*file) == "" {
		return badInput("give the bank statement with --file STATEMENT.csv")
	}
	if *fixOpening && *dry {
		return badInput("--set-opening-balance changes the data, so it cannot go with --dry-run")
	}
	svc, acc, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	prev, err := svc.PlanImportFile(acc.ID, *file)
	if err != nil {
		var se *budget.StatementError
		if *asJSON && errors.As(err, &se) {
			if werr := writeJSON(stdout, importJSON{Rejected: se.Rejected()}); werr != nil {
				return werr
			}
		}
		return err
	}
	if prev.OtherBudget != "" {
		if !*anyway {
			return badInput("%s looks like it is for %s's account (%s), so nothing was imported into %s: check --account and --file, or add --anyway to import it here",
				prev.Statement.Name, prev.OtherBudget, prev.Plan.Account.Describe(), acc.Name)
		}
		prev.Plan.ImportAnyway = true
	}
	held := heldBack(prev.Plan)
	if *dry {
		if *asJSON {
			return writeJSON(stdout, importJSON{Imported: len(prev.Plan.New) - held, Duplicates: len(prev.Plan.Duplicates),
				HeldBack: held, PossibleMatches: possibleMatches(prev.Plan)})
		}
		writeImportPreview(stdout, prev)
		fmt.Fprintln(stdout, "This was a dry run: nothing was imported.")
		return nil
	}
	res, err := svc.ImportStatement(acc.ID, prev.Plan, nil)
	if err != nil {
		return err
	}
	fixed := false
	if *fixOpening && prev.OpeningFix != nil {
		if _, err := svc.SetOpeningBalance(acc.ID, *prev.OpeningFix); err != nil {
			return err
		}
		fixed = true
	}
	if *asJSON {
		return writeJSON(stdout, importJSON{Imported: res.Imported, Duplicates: res.Duplicates, Rejected: res.Rejected,
			HeldBack: res.HeldBack, PossibleMatches: possibleMatches(prev.Plan)})
	}
	fmt.Fprintf(stdout, "%s: %s\n", prev.Statement.Name, prev.Statement.Layout.Describe())
	fmt.Fprintf(stdout, "Imported %d %s into %s", res.Imported, text.Plural(res.Imported, "transaction", "transactions"), acc.Name)
	if res.Confirmed > 0 {
		fmt.Fprintf(stdout, " (%d confirmed %s you entered by hand)", res.Confirmed, text.Plural(res.Confirmed, "a line", "lines"))
	}
	fmt.Fprintf(stdout, "; %d %s already in the ledger.\n", res.Duplicates, text.Plural(res.Duplicates, "was", "were"))
	if res.Matched > 0 {
		fmt.Fprintf(stdout, "%d %s matched to money owed.\n", res.Matched, text.Plural(res.Matched, "payment was", "payments were"))
	}
	writeQuestions(stdout, prev.Plan, true)
	switch {
	case fixed:
		fmt.Fprintf(stdout, "The opening balance is now %s, as the statement's balances make it: the toolkit agrees with your bank.\n", prev.OpeningFix.Format())
	default:
		for _, l := range prev.BankSays {
			fmt.Fprintln(stdout, l)
		}
		if prev.OpeningFix != nil {
			fmt.Fprintln(stdout, "To set it, import the statement again with --set-opening-balance, or change it in the window (Money, Ctrl+6, Money settings).")
		}
	}
	unsorted := 0
	for _, n := range prev.Plan.New {
		if n.Transaction.Category == "" && n.Confirms == 0 && !n.HeldBack() {
			unsorted++
		}
	}
	if unsorted > 0 {
		fmt.Fprintf(stdout, "%d %s no category yet: choose them in the window's ledger (Money, Ctrl+6).\n", unsorted, text.Plural(unsorted, "line has", "lines have"))
	}
	return nil
}

// writeImportPreview lists what an import would do.
func writeImportPreview(w io.Writer, prev service.ImportPreview) {
	st := prev.Statement
	fmt.Fprintf(w, "%s: %s\n", st.Name, st.Layout.Describe())
	fmt.Fprintf(w, "From %s to %s.", st.From.UK(), st.To.UK())
	if st.HasBalances {
		fmt.Fprintf(w, " The running balance adds up, from %s to %s.", st.OpeningBalance.Format(), st.ClosingBalance.Format())
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, prev.Plan.Summary())
	if q := prev.Plan.QuestionSummary(); q != "" {
		fmt.Fprintln(w, q)
	}
	for _, l := range prev.BankSays {
		fmt.Fprintln(w, l)
	}
	if len(prev.Plan.New) == 0 {
		return
	}
	for _, n := range prev.Plan.New {
		cat := string(n.Transaction.Category)
		if cat == "" {
			cat = "no category yet"
		}
		switch {
		case n.Confirms != 0:
			cat += " (confirms a line you entered)"
		case n.HeldBack():
			cat = "not imported: it may be a line imported before"
		case n.Unanswered():
			cat += " (may be a line you entered)"
		}
		fmt.Fprintf(w, "Line %d: %s, %s, %s, %s.\n", n.Line.LineNo, n.Line.Date.UK(), n.Line.Amount.Format(), n.Line.Description, cat)
	}
	writeQuestions(w, prev.Plan, false)
}

func cmdMoney(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("money", args, stdout, "add", "status")
	if err != nil {
		return err
	}
	if sub == "add" {
		return cmdMoneyAdd(rest, stdout)
	}
	return cmdMoneyStatus(rest, stdout)
}

func cmdMoneyAdd(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("money add", stdout)
	date := fs.String("date", "", "the `DATE` of the transaction (YYYY-MM-DD or DD/MM/YYYY)")
	payee := fs.String("payee", "", "who was paid, or who paid in")
	amount := fs.String("amount", "", "the `AMOUNT`: money out negative (-12.34), money in positive (1300.00)")
	category := fs.String("category", "", "one of the budget's categories, like \"PA wages (net)\"; leave it out to choose later, as in the window")
	note := fs.String("note", "", "a note")
	reference := fs.String("reference", "", "a reference, like an invoice number")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{{"--date", *date}, {"--payee", *payee}, {"--amount", *amount}} {
		if strings.TrimSpace(f.v) == "" {
			return badInput("%s is required (run with -h for the options)", f.name)
		}
	}
	d, err := moneyDateFlag("--date", *date)
	if err != nil {
		return err
	}
	amt, err := money.Parse(*amount)
	if err != nil {
		return badInput("--amount %q is not an amount of money: money out is negative, like -12.34; money in positive, like 1300.00", *amount)
	}
	svc, acc, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	// No category is allowed (budget.CheckTransaction): the line waits in
	// the ledger to be sorted, as an imported one does.
	cat, err := categoryFlag(svc, acc, *category)
	if err != nil {
		return err
	}
	t, err := svc.SaveTransaction(acc.ID, budget.Transaction{Date: d, Payee: *payee, Amount: amt, Category: cat, Note: *note, Reference: *reference})
	if err != nil {
		return err
	}
	what := "money out"
	if t.Amount > 0 {
		what = "money in"
	}
	shown := string(t.Category)
	if shown == "" {
		shown = "no category yet: choose it in the window's ledger"
	}
	fmt.Fprintf(stdout, "Added to %s: %s, %s, %s %s (%s).\n", acc.Name, t.Date.UK(), t.Payee, what, t.Amount.Abs().Format(), shown)
	if t.SettlesID != 0 {
		fmt.Fprintln(stdout, "It pays money that was owed, so that is now settled.")
	}
	return nil
}

// statusJSON is what "money status --json" writes: amounts as strings
// with two decimals.
type statusJSON struct {
	Balance      money.Money `json:"balance"`
	Owed         money.Money `json:"owed"`
	SetAside     money.Money `json:"set_aside"`
	Contingency  money.Money `json:"contingency"`
	Surplus      money.Money `json:"surplus"`
	SurplusLimit money.Money `json:"surplus_limit"`
	OverLimit    bool        `json:"over_limit"`
	// The latest balance a bank statement gave, on or before the day, and
	// the ledger's balance on that date less it: "0.00" when they agree;
	// all three "" when no statement has given a balance.
	StatementDate    string `json:"statement_date"`
	StatementBalance string `json:"statement_balance"`
	Difference       string `json:"difference"`
}

// statusOf is a status as "money status --json" writes it.
func statusOf(st budget.Status) statusJSON {
	j := statusJSON{Balance: st.Balance, Owed: st.Owed, SetAside: st.SetAside, Contingency: st.Contingency,
		Surplus: st.Surplus, SurplusLimit: st.SurplusLimit, OverLimit: st.OverLimit}
	if st.HasStatement {
		j.StatementDate, j.StatementBalance, j.Difference = st.StatementDate.String(), st.StatementBalance.String(), st.Difference.String()
	}
	return j
}

func cmdMoneyStatus(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("money status", stdout)
	on := fs.String("on", "", "the `DATE` to report on, at the end of the day (default: today)")
	asJSON := fs.Bool("json", false, "write JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	day, err := moneyDayFlag("--on", *on)
	if err != nil {
		return err
	}
	svc, acc, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	st, err := svc.MoneyStatus(acc.ID, day)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, statusOf(st))
	}
	fmt.Fprintf(stdout, "%s, at the end of %s\n", acc.Name, day.UK())
	fmt.Fprintln(stdout, st.Headline)
	for _, l := range st.Lines {
		fmt.Fprintln(stdout, "  "+l)
	}
	for _, w := range st.Warnings {
		fmt.Fprintln(stdout, "Note: "+w)
	}
	return nil
}

// forecastWeekJSON is one week of "forecast --json".
type forecastWeekJSON struct {
	WeekStart civil.Date  `json:"week_start"`
	Income    money.Money `json:"income"`
	Spending  money.Money `json:"spending"`
	Balance   money.Money `json:"balance"`
}

func cmdForecast(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("forecast", stdout)
	weeks := fs.Int("weeks", service.DefaultForecastWeeks, "how many `WEEKS` to forecast")
	yearEnd := fs.Bool("year-end", false, "forecast to the end of the council year (31 March) instead of --weeks")
	from := fs.String("from", "", "the `DATE` the first week starts (default: today)")
	asJSON := fs.Bool("json", false, "write JSON: a list of weeks with week_start, income, spending and balance")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	start, err := moneyDayFlag("--from", *from)
	if err != nil {
		return err
	}
	n := *weeks
	if *yearEnd {
		n, _ = service.WeeksToCouncilYearEnd(start)
	}
	if n < 1 || n > budget.MaxForecastWeeks {
		return badInput("--weeks must be from 1 to %d", budget.MaxForecastWeeks)
	}
	svc, acc, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	f, err := svc.Forecast(acc.ID, start, n)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]forecastWeekJSON, len(f.Weeks))
		for i, w := range f.Weeks {
			out[i] = forecastWeekJSON{w.WeekStart, w.Income, w.Spending, w.Balance}
		}
		return writeJSON(stdout, out)
	}
	fmt.Fprintf(stdout, "%s: forecast for %d weeks from %s (balance then %s)\n", acc.Name, n, start.UK(), f.OpeningBalance.Format())
	fmt.Fprintln(stdout, f.Summary.Message)
	// A line each, read in order: no columns to line up.
	for _, w := range f.Weeks {
		fmt.Fprintf(stdout, "Week from %s: money in %s, money out %s, balance %s, surplus %s.\n", w.WeekStart.UK(), w.Income.Format(), w.Spending.Format(), w.Balance.Format(), w.Surplus.Format())
	}
	if f.SurplusLimit > 0 {
		fmt.Fprintf(stdout, "The council's limit on the surplus is %s.\n", f.SurplusLimit.Format())
	}
	for _, note := range f.Notes {
		fmt.Fprintln(stdout, "Note: "+note)
	}
	return nil
}
