package budget

import (
	"fmt"
	"sort"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/text"
)

// ReturnInput is what the figures of a council return are worked from.
type ReturnInput struct {
	From, To       civil.Date
	OpeningBalance money.Money // at the start of OpeningDate
	OpeningDate    civil.Date
	Transactions   []Transaction // every line of the ledger; any order
	Categories     Categories
	Profile        CouncilProfile
}

// ReturnLine is one ledger line of the period, with the balance after it
// and the council heading it is added under.
type ReturnLine struct {
	Transaction
	Balance money.Money
	Heading string
	Income  bool // the line's category is an income one
}

// HeadingTotal is what a heading of the return adds up to, with the
// categories inside it.
type HeadingTotal struct {
	Label      string
	Amount     money.Money // positive
	Categories []CategoryTotal
}

// CategoryTotal is one category's part of a heading.
type CategoryTotal struct {
	Category Category
	Amount   money.Money // positive
	Lines    int
}

// ReturnFigures are a return's sums. They add up by construction:
// Opening + MoneyIn − MoneyOut = Closing, and the headings add up to
// MoneyIn and MoneyOut.
type ReturnFigures struct {
	From, To civil.Date
	Opening  money.Money // the balance at the start of From
	Closing  money.Money // the balance at the end of To
	MoneyIn  money.Money
	MoneyOut money.Money // positive
	In, Out  []HeadingTotal
	// Council, Contribution and OtherIncome are the money in under those
	// categories (less any paid back under them).
	Council, Contribution, OtherIncome money.Money
	Lines                              []ReturnLine
	Unsorted                           int // lines with no category yet
	// Notes say what the reader should know about the figures (lines
	// before the opening balance, a period that starts before it).
	Notes []string
}

// CheckPeriod says what is wrong with a return period, or "".
func CheckPeriod(from, to civil.Date) string {
	switch {
	case from.IsZero() || to.IsZero():
		return "Give the first and last day of the return."
	case to.Before(from):
		return fmt.Sprintf("The return ends (%s) before it starts (%s): check the dates.", to.UK(), from.UK())
	case to.DaysSince(from) > 6*366:
		return "A return can cover at most 6 years."
	}
	return ""
}

// Figures works out a return: the balance brought forward, money in and
// out by the council's headings, the balance carried forward, and every
// line of the period with its running balance.
//
// Money in is every positive line, money out every negative one, each
// under its category's heading: a refund paid back to the council under
// "Council payment" is money out under that heading, so nothing is netted
// away from the reader. A period that starts before the opening balance is
// worked from the opening balance (the earlier lines are inside it).
func Figures(in ReturnInput) (ReturnFigures, error) {
	if msg := CheckPeriod(in.From, in.To); msg != "" {
		return ReturnFigures{}, refused([]string{msg})
	}
	f := ReturnFigures{From: in.From, To: in.To}
	start := in.From
	if start.Before(in.OpeningDate) {
		start = in.OpeningDate
		if in.To.Before(in.OpeningDate) {
			f.Notes = append(f.Notes, fmt.Sprintf("The period ends before the opening balance (%s): the toolkit holds no lines for it.", in.OpeningDate.UK()))
		} else {
			f.Notes = append(f.Notes, fmt.Sprintf("The toolkit's records start with the opening balance on %s: the period is worked from then.", in.OpeningDate.UK()))
		}
	}
	txs := append([]Transaction(nil), in.Transactions...)
	sort.SliceStable(txs, func(i, j int) bool {
		if txs[i].Date != txs[j].Date {
			return txs[i].Date.Before(txs[j].Date)
		}
		return txs[i].ID < txs[j].ID
	})
	bal, ignored, ok := BalanceOn(in.OpeningBalance, in.OpeningDate, txs, start.AddDays(-1))
	if !ok {
		bal = in.OpeningBalance
	}
	if ignored > 0 {
		f.Notes = append(f.Notes, fmt.Sprintf("%d %s dated before the opening balance (%s) %s not counted: the opening balance already includes %s.",
			ignored, text.Plural(ignored, "line", "lines"), in.OpeningDate.UK(), text.Plural(ignored, "is", "are"), text.Plural(ignored, "it", "them")))
	}
	f.Opening = bal

	sums := map[sideKey]map[Category]*CategoryTotal{}
	for _, t := range txs {
		if t.Date.Before(start) || t.Date.After(in.To) {
			continue
		}
		bal += t.Amount
		info, known := in.Categories.Find(t.Category)
		income := known && info.Income
		cat := t.Category
		heading := "Not sorted into a category yet"
		if t.Category == "" {
			f.Unsorted++
		} else {
			if known {
				cat = info.Name
			}
			heading = in.Profile.HeadingOf(cat, income)
		}
		f.Lines = append(f.Lines, ReturnLine{Transaction: t, Balance: bal, Heading: heading, Income: income})
		in := t.Amount > 0
		if in {
			f.MoneyIn += t.Amount
		} else {
			f.MoneyOut -= t.Amount
		}
		k := sideKey{heading, in}
		if sums[k] == nil {
			sums[k] = map[Category]*CategoryTotal{}
		}
		ct := sums[k][cat]
		if ct == nil {
			ct = &CategoryTotal{Category: cat}
			sums[k][cat] = ct
		}
		ct.Amount += t.Amount.Abs()
		ct.Lines++
		switch cat {
		case CatCouncil:
			f.Council += t.Amount
		case CatContribution:
			f.Contribution += t.Amount
		case CatOtherIncome:
			f.OtherIncome += t.Amount
		}
	}
	f.Closing = bal
	f.In = headingTotals(sums, true, in.Profile.Income, in.Categories)
	f.Out = headingTotals(sums, false, in.Profile.Spending, in.Categories)
	return f, nil
}

// sideKey is a heading on one side of the return: money in or out.
type sideKey struct {
	heading string
	in      bool
}

// headingTotals orders the sums of one side: the profile's headings in
// its order, then any others (a category of the person's own) by name,
// and inside each heading the categories in the account's order.
func headingTotals(sums map[sideKey]map[Category]*CategoryTotal, in bool, order []Heading, cats Categories) []HeadingTotal {
	byLabel := map[string]map[Category]*CategoryTotal{}
	for k, v := range sums {
		if k.in == in {
			byLabel[k.heading] = v
		}
	}
	var labels []string
	seen := map[string]bool{}
	for _, h := range order {
		if byLabel[h.Label] != nil && !seen[h.Label] {
			labels = append(labels, h.Label)
			seen[h.Label] = true
		}
	}
	var rest []string
	for l := range byLabel {
		if !seen[l] {
			rest = append(rest, l)
		}
	}
	sort.Strings(rest)
	labels = append(labels, rest...)

	rank := map[Category]int{}
	for i, c := range cats {
		rank[c.Name] = i + 1
	}
	var out []HeadingTotal
	for _, l := range labels {
		h := HeadingTotal{Label: l}
		for _, ct := range byLabel[l] {
			h.Amount += ct.Amount
			h.Categories = append(h.Categories, *ct)
		}
		sort.Slice(h.Categories, func(i, j int) bool {
			ri, rj := rank[h.Categories[i].Category], rank[h.Categories[j].Category]
			if ri == 0 {
				ri = len(cats) + 1
			}
			if rj == 0 {
				rj = len(cats) + 1
			}
			if ri != rj {
				return ri < rj
			}
			return h.Categories[i].Category < h.Categories[j].Category
		})
		out = append(out, h)
	}
	return out
}

// PeriodChoice is one of the quick choices of a return's period.
type PeriodChoice struct {
	Key      string // "since-last", "last-quarter", "council-year"
	Label    string // "Since the last return (01/07/2026 to 01/12/2026)"
	From, To civil.Date
}

// PeriodChoices offers the usual periods for a return made on today: since
// the last return sent (lastTo; zero when none, then since start), the
// last full quarter of the council's year (April to June, July to
// September, October to December, January to March) and the last full
// council year (1 April to 31 March). A period ends yesterday at the
// latest, so that every day in it is complete; one that would be empty is
// left out.
func PeriodChoices(today, start, lastTo civil.Date) []PeriodChoice {
	var out []PeriodChoice
	yesterday := today.AddDays(-1)
	add := func(key, label string, from, to civil.Date) {
		if to.After(yesterday) {
			to = yesterday
		}
		if from.IsZero() || to.Before(from) {
			return
		}
		out = append(out, PeriodChoice{key, fmt.Sprintf("%s (%s to %s)", label, from.UK(), to.UK()), from, to})
	}
	if lastTo.IsZero() {
		add("since-last", "Since the payment started", start, yesterday)
	} else {
		add("since-last", "Since the last return", lastTo.AddDays(1), yesterday)
	}
	// The quarter that today is in starts on the 1st of April, July,
	// October or January; the last full one ends the day before.
	y, m := today.Year, today.Month
	qStart := civil.New(y, time.Month((int(m)-1)/3*3+1), 1)
	add("last-quarter", "The last full quarter", qStart.AddMonths(-3), qStart.AddDays(-1))
	yearStart := civil.New(y, time.April, 1)
	if today.Before(yearStart) {
		yearStart = civil.New(y-1, time.April, 1)
	}
	last := civil.New(yearStart.Year-1, time.April, 1)
	add("council-year", fmt.Sprintf("The council's year %d-%02d", last.Year, (last.Year+1)%100), last, yearStart.AddDays(-1))
	return out
}
