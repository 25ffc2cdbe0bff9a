package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/service"
)

func init() {
	registerIn(groupReturns, "returns", "the council returns produced for a budget: returns [--json] (from, to, produced, sent); returns --periods [--json] lists the usual periods for a new one", cmdReturns)
	registerIn(groupReturns, "return", "mark a council return as sent, which locks its period: return send --from DATE --to DATE", cmdReturn)
}

// returnJSON is one return, with the keys "returns --json" promises.
type returnJSON struct {
	From     string `json:"from"`
	To       string `json:"to"`
	Produced string `json:"produced"`
	Sent     string `json:"sent"`
}

func cmdReturns(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("returns", stdout)
	asJSON := fs.Bool("json", false, "write JSON")
	periods := fs.Bool("periods", false, "list the usual periods for a new return instead, as the Returns page offers them")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		if *periods {
			return returnPeriods(svc, a, *asJSON, stdout)
		}
		rs, err := svc.Returns(a.ID)
		if err != nil {
			return err
		}
		if *asJSON {
			out := []returnJSON{}
			for _, x := range rs {
				out = append(out, returnJSON{From: x.From.String(), To: x.To.String(), Produced: x.Produced.String(), Sent: x.Sent.String()})
			}
			return writeJSON(stdout, out)
		}
		if len(rs) == 0 {
			fmt.Fprintln(stdout, "No council returns have been produced for this budget yet. Make one with: export return --from DATE --to DATE --out FILE.pdf")
			return nil
		}
		for _, x := range rs {
			sent := "not sent yet"
			if !x.Sent.IsZero() {
				sent = "sent " + x.Sent.UK()
			}
			fmt.Fprintf(stdout, "%s to %s: produced %s, %s.\n", x.From.UK(), x.To.UK(), x.Produced.UK(), sent)
		}
		return nil
	})
}

func cmdReturn(args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "send" {
		return badInput("say what to do: return send --from DATE --to DATE (marks the return as sent to the council)")
	}
	fs, af := addAccountFlags("return send", stdout)
	from := fs.String("from", "", "the return's first `DATE` (YYYY-MM-DD)")
	to := fs.String("to", "", "the return's last `DATE`")
	var f, t civil.Date
	return runBudget(fs, af, args[1:], func() (err error) {
		f, t, err = returnDays(*from, *to)
		return err
	}, func(svc *service.Service, a household.Account) error {
		x, err := svc.SendReturn(a.ID, f, t)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "The return for %s to %s is marked as sent to the council on %s. Its period is closed: a correction to it goes on the next return.\n", x.From.UK(), x.To.UK(), x.Sent.UK())
		return nil
	})
}

func returnDays(from, to string) (f, t civil.Date, err error) {
	if f, err = parseDateFlag("from", from); err != nil {
		return
	}
	t, err = parseDateFlag("to", to)
	return
}

// exportReturn writes the council's return (export return) or its
// evidence pack (export evidence).
func exportReturn(what string, af accountFlags, from, to, out string, html, csv *string, force bool, stdout io.Writer) error {
	f, t, err := returnDays(from, to)
	if err != nil {
		return err
	}
	if out == "" {
		return badInput("--out FILE is needed: where to write the %s", map[string]string{"return": "return's PDF", "evidence": "evidence pack"}[what])
	}
	svc, a, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	if what == "evidence" {
		var buf bytes.Buffer
		res, err := svc.ExportEvidencePDF(&buf, a.ID, f, t)
		if err != nil {
			return err
		}
		if err := svc.WriteFile(out, force, writeBytes(buf.Bytes())); err != nil {
			return fileError(err, out)
		}
		fmt.Fprintf(stdout, "Wrote %s (%d pages, %d bytes).\n", out, res.Pages, buf.Len())
		for _, n := range res.NotMerged {
			fmt.Fprintf(stdout, "%s\n", n)
		}
		return nil
	}
	x, err := svc.ExportReturn(a.ID, f, t, out, *html, *csv, force)
	if service.IsFileExists(err) {
		return badInput("%s Choose new names, or add --force to replace them.", strings.TrimSuffix(err.Error(), "."))
	} else if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Wrote %s (%d bytes).\n", out, len(x.PDF))
	if *html != "" {
		fmt.Fprintf(stdout, "Wrote %s (%d bytes).\n", *html, len(x.HTML))
	}
	if *csv != "" {
		fmt.Fprintf(stdout, "Wrote %s (%d bytes).\n", *csv, len(x.CSV))
	}
	if !x.Sent.IsZero() {
		fmt.Fprintf(stdout, "This return was sent to the council on %s: these are the files as sent.\n", x.Sent.UK())
	}
	return nil
}
