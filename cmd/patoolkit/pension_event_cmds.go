package main

import (
	"fmt"
	"io"
	"strings"

	"patoolkit/household"
	"patoolkit/service"
)

// pensionEventName is an event as --event gives it ("opted-out").
func pensionEventName(e service.PensionEvent) string { return strings.ReplaceAll(string(e), "_", "-") }

// pensionEvent records one pension event for a PA on a day, as the
// window's buttons on the PA's pension record do (service.RecordPensionEvent):
// checked against the rest of the record, an opt-out only inside the
// opt-out period.
func pensionEvent(args []string, stdout io.Writer) error {
	names := make([]string, len(service.PensionEvents))
	for i, e := range service.PensionEvents {
		names[i] = pensionEventName(e)
	}
	fs, af := addAccountFlags("pension event", stdout)
	paName := fs.String("pa", "", "the PA (`NAME`)")
	event := fs.String("event", "", "what happened: "+strings.Join(names, ", "))
	on := fs.String("on", "", "the `DATE` it happened (default: today)")
	return runBudget(fs, af, args, func() error {
		return needed([2]string{"pa", *paName}, [2]string{"event", *event})
	}, func(svc *service.Service, a household.Account) error {
		var ev service.PensionEvent
		for _, e := range service.PensionEvents {
			if strings.EqualFold(strings.TrimSpace(*event), pensionEventName(e)) {
				ev = e
			}
		}
		if ev == "" {
			return badInput("--event %q is not one of %s", *event, strings.Join(names, ", "))
		}
		day, err := moneyDayFlag("--on", *on)
		if err != nil {
			return err
		}
		p, err := findPA(svc, a, *paName)
		if err != nil {
			return err
		}
		if err := svc.RecordPensionEvent(a.ID, p.ID, ev, day); err != nil {
			return byFlag(err, map[string]string{service.FieldPensionDate: "on"})
		}
		fmt.Fprintf(stdout, "Recorded for %s: %s %s.\n", p.Name, strings.ToLower(ev.Label()), day.UK())
		return nil
	})
}
