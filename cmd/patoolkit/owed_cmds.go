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
	registerIn(groupMoney, "owed", "money the budget owes (wages, HMRC, pension, invoices) and the payments that settle it: owed add --kind invoice|net-pay|hmrc|pension --payee P --amount AMOUNT --due DATE, owed list [--all] [--json], owed settle --id N --line N, owed paid-elsewhere --id N", cmdOwed)
	registerIn(groupMoney, "setaside", "money held back for a purpose, so it is not counted as surplus: setaside add --purpose P --amount AMOUNT, setaside change --id N [...], setaside remove --id N, setaside list [--json]", cmdSetAside)
	registerIn(groupMoney, "bill", "known payments to come, for the forecast: bill add --payee P --amount AMOUNT --date DATE [--repeat weekly|fortnightly|four-weekly|monthly|yearly] [--until DATE], bill remove --id N, bill list [--json]", cmdBill)
}

var owedFlagNames = map[string]string{"kind": "kind", "payee": "payee", "amount": "amount", "due": "due", "raised": "raised"}

func cmdOwed(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("owed", args, stdout, "add", "list", "settle", "paid-elsewhere")
	if err != nil {
		return err
	}
	switch sub {
	case "add":
		return owedAdd(rest, stdout)
	case "list":
		return owedList(rest, stdout)
	}
	return owedSettle(sub, rest, stdout)
}

func owedAdd(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("owed add", stdout)
	kind := fs.String("kind", "invoice", "what it is owed for: invoice, net-pay, hmrc or pension")
	payee := fs.String("payee", "", "who is owed the money (`NAME`)")
	amt := fs.String("amount", "", "the `AMOUNT` owed")
	due := fs.String("due", "", "the `DATE` it must be paid by")
	raised := fs.String("raised", "", "the `DATE` it became owed (the invoice date); left out, it is owed on every date")
	return runBudget(fs, af, args, func() error {
		return needed([2]string{"payee", *payee}, [2]string{"amount", *amt}, [2]string{"due", *due})
	}, func(svc *service.Service, a household.Account) error {
		set := given(fs)
		set["kind"] = true
		var o budget.Owed
		o.Payee = *payee
		if err := choiceFlag(set, "kind", *kind, budget.OwedKinds, &o.Kind); err != nil {
			return err
		}
		if err := moneyFlag(set, "amount", *amt, &o.Amount); err != nil {
			return err
		}
		if err := dateFlag(set, "due", *due, &o.Due); err != nil {
			return err
		}
		if err := dateFlag(set, "raised", *raised, &o.Raised); err != nil {
			return err
		}
		if err := svc.CheckOwed(o); err != nil {
			return byFlag(err, owedFlagNames)
		}
		saved, err := svc.AddOwed(a.ID, o)
		if err != nil {
			return byFlag(err, owedFlagNames)
		}
		fmt.Fprintf(stdout, "Added money owed number %d: %s to %s, %s, due %s.\n", saved.ID, saved.Amount.Format(), saved.Payee, strings.ToLower(saved.Kind.FormLabel()), saved.Due.UK())
		return nil
	})
}

// owedJSON is one item as "owed list --json" writes it.
type owedJSON struct {
	ID      int64       `json:"id"`
	Kind    string      `json:"kind"`
	Payee   string      `json:"payee"`
	Amount  money.Money `json:"amount"`
	Left    money.Money `json:"left"`
	Raised  string      `json:"raised"`
	Due     string      `json:"due"`
	Settled bool        `json:"settled"`
	PaidBy  []int64     `json:"paid_by_lines"`
}

func owedList(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("owed list", stdout)
	all := fs.Bool("all", false, "also list what is already paid")
	on := fs.String("on", "", "what is still owed at the end of this `DATE` (default: today)")
	asJSON := fs.Bool("json", false, "write JSON")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		day, err := moneyDayFlag("--on", *on)
		if err != nil {
			return err
		}
		if *all {
			day = civil.Date{}
		}
		items, err := svc.OwedItems(a.ID, day)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]owedJSON, len(items))
			for i, o := range items {
				ids := []int64{}
				for _, t := range o.PaidBy {
					ids = append(ids, t.ID)
				}
				out[i] = owedJSON{o.ID, string(o.Kind), o.Payee, o.Amount, o.Left, o.Raised.String(), o.Due.String(), o.Settled, ids}
			}
			return writeJSON(stdout, out)
		}
		if len(items) == 0 {
			fmt.Fprintf(stdout, "Nothing is owed by %s.\n", a.Name)
			return nil
		}
		var left money.Money
		for _, o := range items {
			state := fmt.Sprintf("%s still to pay", o.Left.Format())
			if o.Left == 0 {
				state = "paid"
			}
			fmt.Fprintf(stdout, "Number %d: %s, %s to %s, due %s; %s.\n", o.ID, o.Kind.FormLabel(), o.Amount.Format(), o.Payee, o.Due.UK(), state)
			left += o.Left
		}
		fmt.Fprintln(stdout, total("still to pay", len(items), "item", "items", left))
		return nil
	})
}

// owedSettle records the payment that settles an item (settle: a line of
// the ledger), or that it was paid another way (paid-elsewhere).
func owedSettle(sub string, args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("owed "+sub, stdout)
	id := fs.Int64("id", 0, "the item's `NUMBER`, as owed list shows it")
	var line *int64
	if sub == "settle" {
		line = fs.Int64("line", 0, "the ledger line's `NUMBER` that pays it, as ledger list shows it (owed settle --id N lists the ones that may)")
	}
	return runBudget(fs, af, args, func() error {
		if *id <= 0 {
			return badInput("--id NUMBER is needed: the item's number, as owed list shows it")
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		if sub == "paid-elsewhere" {
			if err := svc.MarkOwedSettled(*id); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Marked money owed number %d as paid without a payment in this ledger.\n", *id)
			return nil
		}
		if *line <= 0 {
			cands, err := svc.SettleCandidates(*id)
			if err != nil {
				return err
			}
			if len(cands) == 0 {
				return badInput("--line NUMBER is needed, and no ledger line looks like the payment: add it with money add, or use owed paid-elsewhere")
			}
			var b strings.Builder
			for _, t := range cands {
				fmt.Fprintf(&b, " %d (%s, %s, %s);", t.ID, t.Date.UK(), t.Payee, t.Amount.Abs().Format())
			}
			return badInput("--line NUMBER is needed: the lines that may pay it are%s", strings.TrimSuffix(b.String(), ";"))
		}
		if err := svc.SettleOwed(*id, *line); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Ledger line %d pays money owed number %d.\n", *line, *id)
		return nil
	})
}

var setAsideFlagNames = map[string]string{"purpose": "purpose", "amount": "amount"}

func cmdSetAside(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("setaside", args, stdout, "add", "change", "remove", "list")
	if err != nil {
		return err
	}
	fs, af := addAccountFlags("setaside "+sub, stdout)
	asJSON := fs.Bool("json", false, "write JSON (list)")
	id := fs.Int64("id", 0, "the set-aside's `NUMBER`, as setaside list shows it (change and remove)")
	purpose := fs.String("purpose", "", "what the money is for, like \"HMRC quarter\"")
	amt := fs.String("amount", "", "the `AMOUNT` held back")
	return runBudget(fs, af, rest, func() error {
		if (sub == "change" || sub == "remove") && *id <= 0 {
			return badInput("--id NUMBER is needed: as setaside list shows it")
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		list, err := svc.SetAsides(a.ID)
		if err != nil {
			return err
		}
		switch sub {
		case "list":
			if *asJSON {
				if list == nil {
					list = []service.SetAside{}
				}
				return writeJSON(stdout, list)
			}
			if len(list) == 0 {
				fmt.Fprintf(stdout, "No money is set aside in %s.\n", a.Name)
				return nil
			}
			var sum money.Money
			for _, s := range list {
				fmt.Fprintf(stdout, "Number %d: %s for %s.\n", s.ID, s.Amount.Format(), s.Purpose)
				sum += s.Amount
			}
			fmt.Fprintln(stdout, total("set aside", len(list), "purpose", "purposes", sum))
			return nil
		case "remove":
			if err := svc.RemoveSetAside(*id); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Removed set-aside number %d: that money counts as the budget's again.\n", *id)
			return nil
		}
		sa := service.SetAside{AccountID: a.ID}
		if sub == "change" {
			found := false
			for _, s := range list {
				if s.ID == *id {
					sa, found = s, true
				}
			}
			if !found {
				return badInput("%s has no set-aside number %d: see them with setaside list", a.Name, *id)
			}
		}
		set := given(fs)
		if set["purpose"] {
			sa.Purpose = *purpose
		}
		if err := moneyFlag(set, "amount", *amt, &sa.Amount); err != nil {
			return err
		}
		if err := svc.CheckSetAside(sa); err != nil {
			return byFlag(err, setAsideFlagNames)
		}
		saved, err := svc.SaveSetAside(sa)
		if err != nil {
			return byFlag(err, setAsideFlagNames)
		}
		fmt.Fprintf(stdout, "Set aside %s for %s (number %d).\n", saved.Amount.Format(), saved.Purpose, saved.ID)
		return nil
	})
}

var billFlagNames = map[string]string{"payee": "payee", "amount": "amount", "date": "date", "repeat": "repeat", "until": "until"}

// billJSON is one bill as "bill list --json" writes it; repeat is "" for
// a bill paid once.
type billJSON struct {
	ID     int64       `json:"id"`
	Payee  string      `json:"payee"`
	Amount money.Money `json:"amount"`
	Date   string      `json:"date"`
	Repeat string      `json:"repeat"`
	Until  string      `json:"until"`
}

func cmdBill(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("bill", args, stdout, "add", "remove", "list")
	if err != nil {
		return err
	}
	fs, af := addAccountFlags("bill "+sub, stdout)
	asJSON := fs.Bool("json", false, "write JSON (list)")
	id := fs.Int64("id", 0, "the bill's `NUMBER`, as bill list shows it (remove)")
	payee := fs.String("payee", "", "who the bill is from")
	amt := fs.String("amount", "", "the `AMOUNT` of the bill")
	date := fs.String("date", "", "the `DATE` it is paid (the first, if it repeats)")
	repeat := fs.String("repeat", "", "how often it repeats: once, weekly, fortnightly, four-weekly, monthly or yearly (left out: once)")
	until := fs.String("until", "", "the last `DATE` a repeat may fall on")
	return runBudget(fs, af, rest, func() error {
		if sub == "remove" && *id <= 0 {
			return badInput("--id NUMBER is needed: as bill list shows it")
		}
		if sub == "add" {
			return needed([2]string{"payee", *payee}, [2]string{"amount", *amt}, [2]string{"date", *date})
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		switch sub {
		case "list":
			bills, err := svc.Bills(a.ID)
			if err != nil {
				return err
			}
			if *asJSON {
				out := make([]billJSON, len(bills))
				for i, b := range bills {
					out[i] = billJSON{b.ID, b.Payee, b.Amount, b.Date.String(), string(b.Repeat), b.Until.String()}
				}
				return writeJSON(stdout, out)
			}
			if len(bills) == 0 {
				fmt.Fprintf(stdout, "%s has no bills to come.\n", a.Name)
				return nil
			}
			for _, b := range bills {
				how := "once"
				if b.Repeat != "" {
					how = strings.ToLower(budget.RepeatLabel(b.Repeat))
				}
				fmt.Fprintf(stdout, "Number %d: %s to %s on %s, %s", b.ID, b.Amount.Format(), b.Payee, b.Date.UK(), how)
				if !b.Until.IsZero() {
					fmt.Fprintf(stdout, " until %s", b.Until.UK())
				}
				fmt.Fprintln(stdout, ".")
			}
			return nil
		case "remove":
			if err := svc.RemoveBill(*id); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Removed bill number %d.\n", *id)
			return nil
		}
		set := given(fs)
		b := service.Bill{AccountID: a.ID}
		b.Payee = *payee
		if err := moneyFlag(set, "amount", *amt, &b.Amount); err != nil {
			return err
		}
		if err := dateFlag(set, "date", *date, &b.Date); err != nil {
			return err
		}
		if err := dateFlag(set, "until", *until, &b.Until); err != nil {
			return err
		}
		if set["repeat"] && !strings.EqualFold(strings.TrimSpace(*repeat), "once") {
			if err := choiceFlag(set, "repeat", *repeat, budget.BillRepeats[1:], &b.Repeat); err != nil {
				return badInput("%s, or once", service.ErrorMessage(err))
			}
		}
		if err := svc.CheckBill(b); err != nil {
			return byFlag(err, billFlagNames)
		}
		saved, err := svc.SaveBill(b)
		if err != nil {
			return byFlag(err, billFlagNames)
		}
		fmt.Fprintf(stdout, "Added bill number %d: %s to %s on %s.\n", saved.ID, saved.Amount.Format(), saved.Payee, saved.Date.UK())
		return nil
	})
}
