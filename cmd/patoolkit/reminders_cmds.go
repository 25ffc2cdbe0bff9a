package main

import (
	"fmt"
	"io"
	"sort"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/service"
)

func init() {
	registerIn(groupSetUp, "reminders", "what is coming up and what is overdue, as the Home page shows it: payments due, HMRC, year end, pension duties and insurance (reminders [--on DATE] [--json])", cmdReminders)
}

// reminderJSON is one reminder as "reminders --json" writes it.
type reminderJSON struct {
	What    string `json:"what"`
	Date    string `json:"date"`
	Detail  string `json:"detail"`
	Done    string `json:"done"`
	Overdue bool   `json:"overdue"`
}

func cmdReminders(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("reminders", stdout)
	on := fs.String("on", "", "the `DATE` to work them out on (default: today)")
	asJSON := fs.Bool("json", false, "write JSON")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		today, err := moneyDayFlag("--on", *on)
		if err != nil {
			return err
		}
		var out []reminderJSON
		money, err := svc.Deadlines(a.ID, today)
		if err != nil {
			return err
		}
		year, err := svc.YearEndReminders(a.ID, today)
		if err != nil {
			return err
		}
		for _, d := range append(money, year...) {
			out = append(out, reminderJSON{What: d.What, Date: d.Date.String(), Detail: d.Detail, Overdue: d.Date.Before(today)})
		}
		pension, err := svc.PensionReminders(a.ID, today)
		if err != nil {
			return err
		}
		for _, r := range pension {
			out = append(out, reminderJSON{What: r.Title, Date: r.Due.String(), Detail: r.Text, Done: r.Done.String(), Overdue: r.Overdue})
		}
		cover, err := svc.InsuranceCover(a.ID, today)
		if err != nil {
			return err
		}
		// The renewal is among the deadlines; no policy at all is not.
		if !cover.InForce {
			out = append(out, reminderJSON{What: "Employer's liability insurance", Date: today.String(), Detail: "No policy is in force on " + today.UK() + ": by law an employer needs one. Add it with patoolkit insurance add.", Overdue: true})
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
		if *asJSON {
			if out == nil {
				out = []reminderJSON{}
			}
			return writeJSON(stdout, out)
		}
		if len(out) == 0 {
			fmt.Fprintf(stdout, "Nothing is coming up for %s.\n", a.Name)
			return nil
		}
		for _, r := range out {
			d, _ := civil.Parse(r.Date)
			state := "by " + d.UK()
			switch {
			case r.Date == "":
				state = "to do now"
			case r.Done != "":
				state = "done"
			case r.Overdue:
				state = "overdue since " + d.UK()
			}
			fmt.Fprintf(stdout, "%s: %s.", r.What, state)
			if r.Detail != "" {
				fmt.Fprintf(stdout, " %s", r.Detail)
			}
			fmt.Fprintln(stdout)
		}
		return nil
	})
}
