package main

import (
	"fmt"
	"io"

	"patoolkit/household"
	"patoolkit/service"
)

func init() {
	registerIn(groupData, "demo", "create a file of made-up example data to explore", cmdDemo)
	registerIn(groupData, "check", "check the data file is whole and sound", cmdCheck)
	registerIn(groupData, "backup", "write a copy of the data file (--out FILE)", cmdBackup)
	registerIn(groupData, "restore", "replace the data file with a backup (--from FILE)", cmdRestore)
	registerIn(groupSetUp, "accounts", "list the direct payment budgets in the file", cmdAccounts)
	registerIn(groupPeople, "people", "list the personal assistants (PAs)", cmdPeople)
}

func cmdDemo(args []string, stdout io.Writer) error {
	fs := newFlags("demo", stdout)
	data := dataFlag(fs)
	if err := parseRequired(fs, args, data, "give a new file for the example data with --data FILE, so your own data is never mixed with it"); err != nil {
		return err
	}
	return withData(*data, func(svc *service.Service) error {
		if err := svc.Demo(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Example data written to %s. Open it with: patoolkit --data %s\n", svc.Path(), svc.Path())
		return nil
	})
}

func cmdCheck(args []string, stdout io.Writer) error {
	fs := newFlags("check", stdout)
	data := dataFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	svc, err := openUnchecked(*data)
	if err != nil {
		return err
	}
	defer svc.Close()
	problems, err := svc.Check()
	if err != nil {
		return err
	}
	if len(problems) == 0 {
		fmt.Fprintln(stdout, "ok")
		return nil
	}
	for _, p := range problems {
		fmt.Fprintln(stdout, p)
	}
	return fmt.Errorf("the data file has %d problem(s); restore a backup with patoolkit restore", len(problems))
}

func cmdBackup(args []string, stdout io.Writer) error {
	fs := newFlags("backup", stdout)
	data := dataFlag(fs)
	out := fs.String("out", "", "the backup `FILE` to write (a new file, unless --force)")
	force := forceFlag(fs)
	if err := parseRequired(fs, args, out, "say where to write the backup with --out FILE"); err != nil {
		return err
	}
	return withData(*data, func(svc *service.Service) error {
		if err := svc.Backup(*out, *force); err != nil {
			return fileError(err, *out)
		}
		fmt.Fprintf(stdout, "Backup written to %s\n", *out)
		return nil
	})
}

func cmdRestore(args []string, stdout io.Writer) error {
	fs := newFlags("restore", stdout)
	data := dataFlag(fs)
	from := fs.String("from", "", "the backup `FILE` to restore")
	if err := parseRequired(fs, args, from, "say which backup to restore with --from FILE"); err != nil {
		return err
	}
	path := *data
	if path == "" {
		p, err := service.DefaultDataPath()
		if err != nil {
			return err
		}
		path = p
	}
	aside, err := service.Restore(path, *from)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Restored %s from %s.\n", path, *from)
	if aside != "" {
		fmt.Fprintf(stdout, "The file it replaced is kept as %s.\n", aside)
	}
	return nil
}

type accountJSON struct {
	Name            string `json:"name"`
	PersonSupported string `json:"person_supported"`
	ManagedBy       string `json:"managed_by"`
	Capacity        string `json:"capacity"`
	Council         string `json:"council"`
}

func cmdAccounts(args []string, stdout io.Writer) error {
	fs := newFlags("accounts", stdout)
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "write JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return withData(*data, func(svc *service.Service) error {
		accounts, err := svc.Accounts()
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]accountJSON, len(accounts))
			for i, a := range accounts {
				out[i] = accountJSON{a.Name, a.PersonSupported, a.ManagedBy, string(a.Capacity), a.Council}
			}
			return writeJSON(stdout, out)
		}
		if len(accounts) == 0 {
			fmt.Fprintln(stdout, "No budgets yet.")
			return nil
		}
		// A line each, read in order: no columns to line up.
		for _, a := range accounts {
			fmt.Fprintf(stdout, "%s: %s. Council: %s.\n", a.Name, a.Description(), a.Council)
		}
		return nil
	})
}

type personJSON struct {
	Name        string `json:"name"`
	Account     string `json:"account"`
	NINumber    string `json:"ni_number"`
	StartDate   string `json:"start_date"`
	LeavingDate string `json:"leaving_date"`
}

func cmdPeople(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("people", stdout)
	asJSON := fs.Bool("json", false, "write JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	svc, acc, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	pas, err := svc.PAs(acc.ID)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]personJSON, len(pas))
		for i, p := range pas {
			out[i] = personJSON{p.Name, acc.Name, p.NINumber, p.StartDate.String(), p.LeavingDate.String()}
		}
		return writeJSON(stdout, out)
	}
	if len(pas) == 0 {
		fmt.Fprintf(stdout, "%s has no PAs yet.\n", acc.Name)
		return nil
	}
	for _, p := range pas {
		ni := household.FormatNINumber(p.NINumber)
		if ni == "" {
			ni = "not known yet"
		}
		left := ""
		if !p.LeavingDate.IsZero() {
			left = ", last day " + p.LeavingDate.UK()
		}
		fmt.Fprintf(stdout, "%s: started %s%s. NI number %s. Tax code %s.\n", p.Name, p.StartDate.UK(), left, ni, orNotKnown(p.TaxCode))
	}
	return nil
}
