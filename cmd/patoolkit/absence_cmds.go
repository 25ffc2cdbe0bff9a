package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/rota"
	"patoolkit/service"
	"patoolkit/text"
)

func init() {
	registerIn(groupRota, "absence", "a PA's holiday, sickness or other leave, or a hospital stay of the person supported, and who covers the shifts: absence add --pa NAME --from DATE --to DATE --kind holiday|sickness|hospital|other [--cover NAME|agency] [...], absence list [--from DATE --to DATE] [--json]", cmdAbsence)
}

func cmdAbsence(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("absence", args, stdout, "add", "list")
	if err != nil {
		return err
	}
	if sub == "add" {
		return absenceAdd(rest, stdout)
	}
	return absenceList(rest, stdout)
}

// absenceFlagNames are the flags of an absence's fields (rota.Absence's
// field names).
var absenceFlagNames = map[string]string{"who": "pa", "kind": "kind", "hospital": "hospital", "from": "from", "to": "to",
	"qualifying": "qualifying-days", "note": "note"}

// weekdayNames are the days of the week as flags give them.
var weekdayNames = map[string]time.Weekday{"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday,
	"fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday}

// parseWeekday reads "mon", "Monday" or "monday" as a day of the week.
func parseWeekday(flagName, s string) (time.Weekday, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if len(t) >= 3 {
		if d, ok := weekdayNames[t[:3]]; ok && strings.HasPrefix(strings.ToLower(d.String()), t) {
			return d, nil
		}
	}
	return 0, badInput("--%s: %q is not a day of the week: write mon, tue, wed, thu, fri, sat or sun", flagName, s)
}

func absenceAdd(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("absence add", stdout)
	paName := fs.String("pa", "", "the PA who is away (`NAME`; leave it out for a hospital stay)")
	kind := fs.String("kind", "", "holiday, sickness, hospital (the person supported is in hospital) or other")
	from := fs.String("from", "", "the first `DATE` away")
	to := fs.String("to", "", "the last `DATE` away (the same as --from for one day)")
	qualifying := fs.String("qualifying-days", "mon,tue,wed,thu,fri", "for sickness: the `DAYS` the PA usually works, for Statutory Sick Pay")
	hospital := fs.String("hospital", "suspend", "for a hospital stay: suspend the shifts (not paid) or retain them (paid)")
	note := fs.String("note", "", "a note kept with the absence")
	cover := fs.String("cover", "", "who covers the shifts that need it: another PA's `NAME`, or agency")
	return runBudget(fs, af, args, func() error {
		return needed([2]string{"kind", *kind}, [2]string{"from", *from}, [2]string{"to", *to})
	}, func(svc *service.Service, a household.Account) error {
		set := given(fs)
		ab := rota.Absence{Note: *note}
		if err := choiceFlag(set, "kind", *kind, []rota.AbsenceKind{rota.Holiday, rota.Sickness, rota.HospitalStay, rota.OtherLeave}, &ab.Kind); err != nil {
			return err
		}
		var err error
		if ab.From, err = parseDateFlag("from", *from); err != nil {
			return err
		}
		if ab.To, err = parseDateFlag("to", *to); err != nil {
			return err
		}
		if ab.Kind == rota.HospitalStay {
			if *paName != "" {
				return badInput("--pa is not used with --kind hospital: a hospital stay is the person supported's, and every PA's shifts follow --hospital")
			}
			if err := choiceFlag(map[string]bool{"hospital": true}, "hospital", *hospital, []rota.HospitalMode{rota.HospitalSuspend, rota.HospitalRetain}, &ab.Hospital); err != nil {
				return err
			}
		} else {
			p, err := findPA(svc, a, *paName)
			if err != nil {
				return err
			}
			ab.PAID = p.ID
		}
		if ab.Kind == rota.Sickness {
			for _, d := range strings.Split(*qualifying, ",") {
				if strings.TrimSpace(d) == "" {
					continue
				}
				wd, err := parseWeekday("qualifying-days", d)
				if err != nil {
					return err
				}
				ab.QualifyingDays = append(ab.QualifyingDays, wd)
			}
		}
		var coverID int64
		if *cover != "" && !strings.EqualFold(*cover, "agency") {
			c, err := svc.FindPA(a.ID, *cover)
			if err != nil {
				return err
			}
			coverID = c.ID
		}
		if err := svc.CheckAbsence(ab); err != nil {
			return byFlag(err, absenceFlagNames)
		}
		changed, err := svc.RecordAbsence(a.ID, ab)
		if err != nil {
			return byFlag(err, absenceFlagNames)
		}
		fmt.Fprintf(stdout, "Recorded %s from %s to %s: %s changed.\n", strings.ToLower(ab.Kind.Label()), ab.From.UK(), ab.To.UK(), text.Count(len(changed), "shift", "shifts"))
		if *cover == "" {
			for _, sh := range changed {
				if sh.Status == rota.NeedsCover {
					fmt.Fprintf(stdout, "Shift %d on %s needs cover: give it with --cover next time, or in the window's rota.\n", sh.ID, sh.Start.Format("Mon 02/01/2006 15:04"))
				}
			}
			return nil
		}
		for _, sh := range changed {
			if sh.Status != rota.NeedsCover {
				continue
			}
			got, err := svc.CoverShift(sh.ID, coverID)
			if err != nil {
				// The absence stands; the refusal says why this shift
				// could not be covered, to do in the rota instead.
				fmt.Fprintf(stdout, "Shift %d on %s was not covered: see why below, and cover it in the window's rota.\n", sh.ID, sh.Start.Format("Mon 02/01/2006 15:04"))
				return err
			}
			fmt.Fprintf(stdout, "Shift %d on %s is covered (%s).\n", got.ID, got.Start.Format("Mon 02/01/2006 15:04"), got.Status.Label())
		}
		return nil
	})
}

// absenceJSON is one absence as "absence list --json" writes it; pa is ""
// for a hospital stay.
type absenceJSON struct {
	PA              string   `json:"pa"`
	Kind            string   `json:"kind"`
	From            string   `json:"from"`
	To              string   `json:"to"`
	QualifyingDays  []string `json:"qualifying_days"`
	Hospital        string   `json:"hospital"`
	Note            string   `json:"note"`
	DaysIncludingTo int      `json:"days"`
}

func absenceList(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("absence list", stdout)
	from := fs.String("from", "", "the first `DATE` (default: the day the direct payment started)")
	to := fs.String("to", "", "the last `DATE` (default: a year from today)")
	asJSON := fs.Bool("json", false, "write JSON")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		f, t, err := optionalRange(*from, *to, a.StartDate, moneyToday().AddDays(365))
		if err != nil {
			return err
		}
		names, err := paNames(svc, a.ID)
		if err != nil {
			return err
		}
		list, err := svc.Absences(a.ID, f, t)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]absenceJSON, len(list))
			for i, ab := range list {
				days := []string{}
				for _, d := range ab.QualifyingDays {
					days = append(days, strings.ToLower(d.String()[:3]))
				}
				out[i] = absenceJSON{names[ab.PAID], string(ab.Kind), ab.From.String(), ab.To.String(), days, string(ab.Hospital), ab.Note, ab.To.DaysSince(ab.From) + 1}
			}
			return writeJSON(stdout, out)
		}
		if len(list) == 0 {
			fmt.Fprintf(stdout, "No absences from %s to %s.\n", f.UK(), t.UK())
			return nil
		}
		for _, ab := range list {
			who := names[ab.PAID]
			if ab.Kind == rota.HospitalStay {
				who = "The person supported"
			}
			fmt.Fprintf(stdout, "%s: %s, %s to %s (%s).", who, strings.ToLower(ab.Kind.Label()), ab.From.UK(), ab.To.UK(), dayCount(ab.From, ab.To))
			if ab.Kind == rota.HospitalStay {
				fmt.Fprintf(stdout, " Shifts %s.", map[rota.HospitalMode]string{rota.HospitalSuspend: "suspended", rota.HospitalRetain: "retained (paid)"}[ab.Hospital])
			}
			if ab.Note != "" {
				fmt.Fprintf(stdout, " Note: %s", ab.Note)
			}
			fmt.Fprintln(stdout)
		}
		return nil
	})
}

// dayCount says how many days from..to is, inclusive: "1 day", "5 days".
func dayCount(from, to civil.Date) string { return text.Count(to.DaysSince(from)+1, "day", "days") }
