package main

import (
	"fmt"
	"io"

	"patoolkit/household"
	"patoolkit/service"
)

// returnPeriodJSON is one period of "returns --periods --json".
type returnPeriodJSON struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	From  string `json:"from"`
	To    string `json:"to"`
}

// returnPeriods lists the usual periods for a new return, as the Returns
// page offers them (service.ReturnPeriodChoices), with the command that
// makes each.
func returnPeriods(svc *service.Service, a household.Account, asJSON bool, stdout io.Writer) error {
	cs, err := svc.ReturnPeriodChoices(a.ID)
	if err != nil {
		return err
	}
	if asJSON {
		out := make([]returnPeriodJSON, len(cs))
		for i, c := range cs {
			out[i] = returnPeriodJSON{c.Key, c.Label, c.From.String(), c.To.String()}
		}
		return writeJSON(stdout, out)
	}
	for _, c := range cs {
		fmt.Fprintf(stdout, "%s: patoolkit export return --account %q --from %s --to %s --out FILE.pdf\n", c.Label, a.Name, c.From, c.To)
	}
	return nil
}
