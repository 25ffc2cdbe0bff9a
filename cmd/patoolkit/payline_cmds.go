package main

import (
	"fmt"
	"io"
	"strings"

	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payrun"
	"patoolkit/service"
)

func init() {
	registerIn(groupPay, "payline", "lines entered by hand on a payday's pay run (back pay, a correction, a bonus, expenses): payline add --pa NAME --payday DATE --kind back-pay|correction|bonus|expenses --description TEXT --amount AMOUNT, payline list --payday DATE [--json], payline remove --id N", cmdPayLine)
}

var payLineFlagNames = map[string]string{"pa": "pa", "kind": "kind", "description": "description", "amount": "amount", "payday": "payday"}

// handLineJSON is one line as "payline list --json" writes it.
type handLineJSON struct {
	ID          int64       `json:"id"`
	PA          string      `json:"pa"`
	Payday      string      `json:"payday"`
	Kind        string      `json:"kind"`
	Description string      `json:"description"`
	Amount      money.Money `json:"amount"`
	Paid        bool        `json:"paid"`
}

func cmdPayLine(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("payline", args, stdout, "add", "list", "remove")
	if err != nil {
		return err
	}
	fs, af := addAccountFlags("payline "+sub, stdout)
	paName := fs.String("pa", "", "the PA (`NAME`; add)")
	payday := fs.String("payday", "", "the payday (`DATE`; add and list)")
	kind := fs.String("kind", "", "add: back-pay, correction, bonus or expenses")
	desc := fs.String("description", "", "add: what the line is for, as the PA reads it on the payslip")
	amt := fs.String("amount", "", "add: the `AMOUNT`")
	id := fs.Int64("id", 0, "remove: the line's `NUMBER`, as payline list shows it")
	asJSON := fs.Bool("json", false, "write JSON (list)")
	return runBudget(fs, af, rest, func() error {
		switch sub {
		case "add":
			return needed([2]string{"pa", *paName}, [2]string{"payday", *payday}, [2]string{"kind", *kind}, [2]string{"amount", *amt})
		case "list":
			return needed([2]string{"payday", *payday})
		}
		if *id <= 0 {
			return badInput("--id NUMBER is needed: as payline list shows it")
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		if sub == "remove" {
			if err := svc.RemovePayLine(*id); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Removed pay line %d.\n", *id)
			return nil
		}
		day, err := parseDateFlag("payday", *payday)
		if err != nil {
			return err
		}
		if sub == "list" {
			lines, err := svc.PayLines(a.ID, day)
			if err != nil {
				return err
			}
			names, err := paNames(svc, a.ID)
			if err != nil {
				return err
			}
			if *asJSON {
				out := make([]handLineJSON, len(lines))
				for i, l := range lines {
					out[i] = handLineJSON{l.ID, names[l.PAID], l.Payday.String(), string(l.Kind), l.Description, l.Amount, l.RunID != 0}
				}
				return writeJSON(stdout, out)
			}
			if len(lines) == 0 {
				fmt.Fprintf(stdout, "No lines entered by hand for the payday %s.\n", day.UK())
			}
			for _, l := range lines {
				fmt.Fprintf(stdout, "Number %d: %s, %s, %s: %s.\n", l.ID, names[l.PAID], l.Kind.Label(), l.Description, l.Amount.Format())
			}
			return nil
		}
		p, err := findPA(svc, a, *paName)
		if err != nil {
			return err
		}
		m, err := money.Parse(*amt)
		if err != nil {
			return badInput("--amount %q is not an amount of money: write it like 45.00 (or -45.00 to take back pay paid in error)", *amt)
		}
		l := payrun.Adjustment{PAID: p.ID, Payday: day, Kind: payrun.AdjustmentKind(strings.ToLower(strings.TrimSpace(*kind))), Description: *desc, Amount: m}
		if err := svc.CheckPayLine(l); err != nil {
			return byFlag(err, payLineFlagNames)
		}
		saved, err := svc.AddPayLine(a.ID, l)
		if err != nil {
			return byFlag(err, payLineFlagNames)
		}
		fmt.Fprintf(stdout, "Added pay line %d to %s's pay on %s: %s, %s. See the run with: patoolkit payrun --payday %s\n", saved.ID, p.Name, day.UK(), saved.Description, saved.Amount.Format(), day)
		return nil
	})
}

// payrunReverse reverses a payday's finalised run (service.ReversePayRun),
// as the window's "Reverse this pay run" does.
func payrunReverse(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("payrun reverse", stdout)
	payday := fs.String("payday", "", "the payday (`DATE`) whose finalised run to reverse")
	reason := fs.String("reason", "", "why it is reversed (kept in the audit log)")
	return runBudget(fs, af, args, func() error {
		return needed([2]string{"payday", *payday}, [2]string{"reason", *reason})
	}, func(svc *service.Service, a household.Account) error {
		day, err := parseDateFlag("payday", *payday)
		if err != nil {
			return err
		}
		if err := svc.ReversePayRun(a.ID, day, *reason); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Reversed the pay run for %s: its timesheets are approved again and it can be run again with patoolkit payrun --payday %s\n", day.UK(), day)
		return nil
	})
}
