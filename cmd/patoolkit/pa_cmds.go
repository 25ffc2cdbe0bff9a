package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/service"
)

func init() {
	registerIn(groupPeople, "pa", "add a PA, change their details or record that they leave: pa add --name N --start DATE [--date-of-birth DATE] [--ni-number X] [--tax-code C] [--starter-statement A|B|C] [...], pa edit --pa NAME [...], pa leave --pa NAME --leaving-date DATE, pa list [--json]", cmdPA)
}

func cmdPA(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("pa", args, stdout, "add", "edit", "leave", "list")
	if err != nil {
		return err
	}
	switch sub {
	case "add":
		return paAdd(rest, stdout)
	case "edit":
		return paEdit(rest, stdout)
	case "leave":
		return paLeave(rest, stdout)
	}
	return cmdPeople(rest, stdout)
}

// paFlagNames are the flags of a PA's fields, by the field each fills
// (household.ValidatePA's field names).
var paFlagNames = map[string]string{
	"name": "name", "address": "address", "phone": "phone", "email": "email", "date_of_birth": "date-of-birth",
	"ni_number": "ni-number", "start_date": "start", "leaving_date": "leaving-date", "leaving_reason": "reason",
	"right_to_work_doc": "right-to-work-document", "dbs_number": "dbs-number", "emergency_contact": "emergency-contact",
	"notes": "notes", "tax_code": "tax-code", "ni_category": "ni-category", "student_loan": "student-loan",
}

// paFields are a PA's flags; read puts the given ones into a PA.
type paFields struct {
	fs                                                                      *flag.FlagSet
	name, address, phone, email, dob, ni, start, leaveYear, rtwDate, rtwDoc *string
	dbs, dbsIssued, emergency, notes, taxCode, niCategory, loan, statement  *string
	p45Pay, p45Tax                                                          *string
	week1, postgrad, optedOut                                               *bool
}

func addPAFields(fs *flag.FlagSet, nameUsage string) paFields {
	return paFields{fs: fs,
		name:       fs.String("name", "", nameUsage),
		address:    fs.String("address", "", "the PA's `ADDRESS`"),
		phone:      fs.String("phone", "", "the PA's `PHONE` number"),
		email:      fs.String("email", "", "the PA's `EMAIL` address"),
		dob:        fs.String("date-of-birth", "", "the PA's `DATE` of birth (for the minimum wage for their age)"),
		ni:         fs.String("ni-number", "", "the PA's National Insurance `NUMBER`, like AB 12 34 56 C"),
		start:      fs.String("start", "", "the PA's first `DATE` of work"),
		leaveYear:  fs.String("leave-year-from", "", "a `DATE` whose day and month the PA's leave years start on (default: the day they started)"),
		rtwDate:    fs.String("right-to-work-checked", "", "the `DATE` their right to work was checked"),
		rtwDoc:     fs.String("right-to-work-document", "", "the `DOCUMENT` seen for the right to work check"),
		dbs:        fs.String("dbs-number", "", "the DBS certificate `NUMBER` (12 digits)"),
		dbsIssued:  fs.String("dbs-issued", "", "the `DATE` the DBS certificate was issued"),
		emergency:  fs.String("emergency-contact", "", "name, how they are related and phone number"),
		notes:      fs.String("notes", "", "notes kept with the PA"),
		taxCode:    fs.String("tax-code", "", "the tax `CODE` from the P45 or HMRC, like 1257L"),
		niCategory: fs.String("ni-category", "", "the NI category `LETTER` (A for most people)"),
		loan:       fs.String("student-loan", "", "the student loan plan: plan1, plan2, plan4 or plan5 (blank for none)"),
		statement:  fs.String("starter-statement", "", "with no P45, the statement they chose on HMRC's starter checklist: A, B or C (sets the tax code when --tax-code is left out)"),
		p45Pay:     fs.String("p45-pay", "", "pay to date on the P45 (`AMOUNT`)"),
		p45Tax:     fs.String("p45-tax", "", "tax to date on the P45 (`AMOUNT`)"),
		week1:      fs.Bool("week1", false, "tax on a week 1 / month 1 basis (only when the P45 or HMRC says W1, M1 or X)"),
		postgrad:   fs.Bool("postgrad-loan", false, "they repay a postgraduate loan"),
		optedOut:   fs.Bool("opted-out-48h", false, "they have opted out of the 48-hour average working week in writing"),
	}
}

func (f paFields) read(svc *service.Service, set map[string]bool, p *household.PA) error {
	for _, s := range []struct {
		flag string
		v    *string
		into *string
	}{{"name", f.name, &p.Name}, {"address", f.address, &p.Address}, {"phone", f.phone, &p.Phone}, {"email", f.email, &p.Email},
		{"ni-number", f.ni, &p.NINumber}, {"right-to-work-document", f.rtwDoc, &p.RightToWorkDoc}, {"dbs-number", f.dbs, &p.DBSNumber},
		{"emergency-contact", f.emergency, &p.EmergencyContact}, {"notes", f.notes, &p.Notes}, {"tax-code", f.taxCode, &p.TaxCode},
		{"ni-category", f.niCategory, &p.NICategory}, {"student-loan", f.loan, &p.StudentLoan}, {"starter-statement", f.statement, &p.StarterStatement}} {
		if set[s.flag] {
			*s.into = *s.v
		}
	}
	for _, d := range []struct {
		flag string
		v    *string
		into *civil.Date
	}{{"date-of-birth", f.dob, &p.DateOfBirth}, {"start", f.start, &p.StartDate}, {"leave-year-from", f.leaveYear, &p.LeaveYearFrom},
		{"right-to-work-checked", f.rtwDate, &p.RightToWorkDate}, {"dbs-issued", f.dbsIssued, &p.DBSIssueDate}} {
		if err := dateFlag(set, d.flag, *d.v, d.into); err != nil {
			return err
		}
	}
	if err := moneyFlag(set, "p45-pay", *f.p45Pay, &p.P45PayToDate); err != nil {
		return err
	}
	if err := moneyFlag(set, "p45-tax", *f.p45Tax, &p.P45TaxToDate); err != nil {
		return err
	}
	for _, b := range []struct {
		flag string
		v    *bool
		into *bool
	}{{"week1", f.week1, &p.Week1Month1}, {"postgrad-loan", f.postgrad, &p.PostgradLoan}, {"opted-out-48h", f.optedOut, &p.OptedOut48h}} {
		if set[b.flag] {
			*b.into = *b.v
		}
	}
	// As in the window, the starter checklist statement sets the tax code
	// HMRC's rules give, unless the code was given too.
	if set["starter-statement"] && !set["tax-code"] {
		st := strings.ToUpper(strings.TrimSpace(p.StarterStatement))
		if code, w1, _, ok := svc.StarterCode(p.StartDate, st); ok && st != "" {
			p.TaxCode = code
			if !set["week1"] {
				p.Week1Month1 = w1
			}
		}
	}
	return nil
}

func paAdd(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("pa add", stdout)
	f := addPAFields(fs, "the PA's full `NAME`")
	return runBudget(fs, af, args, func() error {
		return needed([2]string{"name", *f.name}, [2]string{"start", *f.start})
	}, func(svc *service.Service, a household.Account) error {
		p := svc.NewPA(a.ID)
		if err := f.read(svc, given(fs), &p); err != nil {
			return err
		}
		saved, err := svc.SavePA(p)
		if err != nil {
			return byFlag(err, paFlagNames)
		}
		fmt.Fprintf(stdout, "Added %s to %s, starting %s, tax code %s.\n", saved.Name, a.Name, saved.StartDate.UK(), orNotKnown(saved.TaxCode))
		fmt.Fprintf(stdout, "Next: their terms, with patoolkit contract add --account %q --pa %q --from %s --hours-type fixed|irregular --day-rate AMOUNT --pension none|relief-at-source|net-pay\n",
			a.Name, saved.Name, saved.StartDate)
		return nil
	})
}

func paEdit(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("pa edit", stdout)
	paName := fs.String("pa", "", "the PA to change (`NAME`)")
	f := addPAFields(fs, "a new `NAME` for the PA")
	return runBudget(fs, af, args, func() error { return needed([2]string{"pa", *paName}) }, func(svc *service.Service, a household.Account) error {
		p, err := findPA(svc, a, *paName)
		if err != nil {
			return err
		}
		set := given(fs)
		for _, n := range []string{"data", "account", "pa"} {
			delete(set, n)
		}
		if len(set) == 0 {
			return badInput("say what to change, like --phone 07700 900123 (run with -h for the options)")
		}
		if err := f.read(svc, set, &p); err != nil {
			return err
		}
		saved, err := svc.SavePA(p)
		if err != nil {
			return byFlag(err, paFlagNames)
		}
		fmt.Fprintf(stdout, "Saved %s's details.\n", saved.Name)
		return nil
	})
}

func paLeave(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("pa leave", stdout)
	paName := fs.String("pa", "", "the PA who leaves (`NAME`)")
	date := fs.String("leaving-date", "", "the PA's last `DATE` of work")
	reason := fs.String("reason", "", "why they leave (kept with their record)")
	return runBudget(fs, af, args, func() error {
		return needed([2]string{"pa", *paName}, [2]string{"leaving-date", *date})
	}, func(svc *service.Service, a household.Account) error {
		d, err := parseDateFlag("leaving-date", *date)
		if err != nil {
			return err
		}
		p, err := findPA(svc, a, *paName)
		if err != nil {
			return err
		}
		saved, err := svc.RecordLeaving(p.ID, d, *reason)
		if err != nil {
			return byFlag(err, paFlagNames)
		}
		fmt.Fprintf(stdout, "Recorded that %s's last day is %s. Their final pay and P45: patoolkit p45 --account %q --pa %q\n", saved.Name, saved.LeavingDate.UK(), a.Name, saved.Name)
		return nil
	})
}
