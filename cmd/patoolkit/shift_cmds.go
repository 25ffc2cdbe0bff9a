package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"patoolkit/household"
	"patoolkit/rota"
	"patoolkit/service"
	"patoolkit/text"
)

func init() {
	registerIn(groupRota, "shift", "change one shift on the rota (its number from rota list): shift edit --id N [--pa NAME] [--start ...] [--end ...] [--type ...] [...], shift cover --id N --by NAME|agency, shift reinstate --id N, shift cancel --id N", cmdShift)
}

func cmdShift(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("shift", args, stdout, "edit", "cover", "reinstate", "cancel")
	if err != nil {
		return err
	}
	fs, af := addAccountFlags("shift "+sub, stdout)
	id := fs.Int64("id", 0, "the shift's `NUMBER`, as rota list shows it")
	var paName, start, end, typ, note, by *string
	var breakMin, woken *int
	switch sub {
	case "edit":
		paName = fs.String("pa", "", "give the shift to this PA (`NAME`)")
		start = fs.String("start", "", "when it starts, \"YYYY-MM-DD HH:MM\" (UK time)")
		end = fs.String("end", "", "when it ends, \"YYYY-MM-DD HH:MM\"")
		typ = fs.String("type", "", "day, waking-night or sleep-in")
		breakMin = fs.Int("break-minutes", 0, "unpaid break in minutes")
		woken = fs.Int("woken-minutes", 0, "minutes woken to work during a sleep-in")
		note = fs.String("note", "", "a note about the shift")
	case "cover":
		by = fs.String("by", "", "who covers it: a PA's `NAME`, or agency")
	}
	return runBudget(fs, af, rest, func() error {
		if *id <= 0 {
			return badInput("--id NUMBER is needed: the shift's number, as rota list shows it")
		}
		if by != nil && strings.TrimSpace(*by) == "" {
			return badInput("--by is needed: the PA who covers the shift, or agency")
		}
		return nil
	}, func(svc *service.Service, a household.Account) error {
		sh, err := svc.Shift(*id)
		if err != nil {
			return err
		}
		names, err := paNames(svc, a.ID)
		if err != nil {
			return err
		}
		if _, ours := names[sh.PAID]; !ours && sh.PAID != 0 {
			return badInput("%s has no shift number %d: see the shifts with rota list", a.Name, *id)
		}
		var warnings []rota.Warning
		switch sub {
		case "cancel":
			if err := svc.CancelShift(sh.ID); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Cancelled shift %d: it will not be worked or paid.\n", sh.ID)
			return nil
		case "reinstate":
			sh, err = svc.ReinstateShift(sh.ID)
		case "cover":
			var to int64
			if !strings.EqualFold(strings.TrimSpace(*by), "agency") {
				p, err := svc.FindPA(a.ID, *by)
				if err != nil {
					return err
				}
				to = p.ID
			}
			sh, err = svc.CoverShift(sh.ID, to)
		case "edit":
			set := given(fs)
			for _, t := range []struct {
				flag string
				v    string
				into *time.Time
			}{{"start", *start, &sh.Start}, {"end", *end, &sh.End}} {
				if set[t.flag] {
					v, err := rota.ParseLocal(t.v)
					if err != nil {
						return badInput("--%s: %v", t.flag, err)
					}
					*t.into = v
				}
			}
			if set["type"] {
				if sh.Type, err = rota.ParseShiftType(*typ); err != nil {
					return badInput("--type: %v", err)
				}
			}
			if set["break-minutes"] {
				sh.BreakMinutes = *breakMin
			}
			if set["woken-minutes"] {
				sh.WokenMinutes = *woken
			}
			if set["note"] {
				sh.Note = *note
			}
			if set["pa"] {
				if sh.Status != rota.Planned {
					return badInput("shift %d is %s: give it to a PA with shift cover --id %d --by NAME", sh.ID, strings.ToLower(sh.Status.Label()), sh.ID)
				}
				p, err := findPA(svc, a, *paName)
				if err != nil {
					return err
				}
				sh.PAID = p.ID
			}
			sh, warnings, err = svc.UpdateShift(sh)
		}
		if err != nil {
			return err
		}
		who := names[sh.PAID]
		if who == "" {
			who = sh.Status.Label()
		}
		fmt.Fprintf(stdout, "Shift %d: %s, %s, %s to %s (%s), %s.\n", sh.ID, who, sh.Type.Label(), sh.Start.Format("Mon 02/01/2006 15:04"),
			sh.End.Format("Mon 02/01/2006 15:04"), text.Hours(sh.Minutes()), strings.ToLower(sh.Status.Label()))
		for _, w := range warnings {
			fmt.Fprintf(stdout, "Warning [%s]: %s\n", w.Rule, w.Message)
		}
		return nil
	})
}
