package main

import (
	"bytes"
	"fmt"
	"io"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/service"
)

func init() {
	registerIn(groupPeople, "holiday", "each PA's holiday this leave year: entitlement, taken, booked, remaining (holiday [--pa NAME] [--on DATE])", cmdHoliday)
}

// holidayJSON is one PA's holiday record, with the keys "holiday --json"
// promises first: hours as decimal strings ("152.50").
type holidayJSON struct {
	PA             string `json:"pa"`
	LeaveYearStart string `json:"leave_year_start"`
	Entitlement    string `json:"entitlement_hours"`
	Carried        string `json:"carried_hours"`
	Taken          string `json:"taken_hours"`
	Booked         string `json:"booked_hours"`
	Remaining      string `json:"remaining_hours"`
	LeaveYearEnd   string `json:"leave_year_end"`
	Method         string `json:"method"`
	On             string `json:"on"`
}

func holidayOut(r service.HolidayRecord) holidayJSON {
	method := "5.6-weeks"
	switch {
	case r.RolledUp:
		method = "rolled-up"
	case r.Accrues:
		method = "12.07%"
	}
	return holidayJSON{PA: r.PA.Name, LeaveYearStart: r.Year.From.String(), Entitlement: hoursDecimal(r.EntitlementMinutes),
		Carried: hoursDecimal(r.CarriedMinutes), Taken: hoursDecimal(r.TakenMinutes), Booked: hoursDecimal(r.BookedMinutes),
		Remaining: hoursDecimal(r.RemainingMinutes), LeaveYearEnd: r.Year.To.String(), Method: method, On: r.On.String()}
}

func cmdHoliday(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("holiday", stdout)
	paName := fs.String("pa", "", "only this PA (`NAME`)")
	on := fs.String("on", "", "the `DATE` to work the holiday out on (YYYY-MM-DD; default today)")
	asJSON := fs.Bool("json", false, "write JSON")
	var day civil.Date
	return runBudget(fs, af, args, func() (err error) {
		day, err = moneyDayFlag("--on", *on)
		return err
	}, func(svc *service.Service, a household.Account) error {
		paID, err := paFlag(svc, a, *paName)
		if err != nil {
			return err
		}
		recs, err := svc.HolidayRecords(a.ID, paID, day)
		if err != nil {
			return err
		}
		out := []holidayJSON{}
		for _, r := range recs {
			out = append(out, holidayOut(r))
		}
		if *asJSON {
			return writeJSON(stdout, out)
		}
		if len(recs) == 0 {
			fmt.Fprintf(stdout, "No PA has a holiday record on %s.\n", day.UK())
			return nil
		}
		for _, r := range recs {
			fmt.Fprintf(stdout, "%s, leave year %s to %s (%s)\n", r.PA.Name, r.Year.From.UK(), r.Year.To.UK(), r.Method())
			fmt.Fprintf(stdout, "  entitlement %s h, carried over %s h, taken %s h, booked %s h, remaining %s h\n",
				hoursDecimal(r.EntitlementMinutes), hoursDecimal(r.CarriedMinutes), hoursDecimal(r.TakenMinutes),
				hoursDecimal(r.BookedMinutes), hoursDecimal(r.RemainingMinutes))
		}
		return nil
	})
}

// exportHoliday writes the holiday record PDF as on the day on (today
// when "").
func exportHoliday(af accountFlags, paName, on, out string, force bool, stdout io.Writer) error {
	day, err := moneyDayFlag("--on", on)
	if err != nil {
		return err
	}
	if out == "" {
		return badInput("--out FILE is needed: where to write the holiday record")
	}
	svc, a, err := af.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	paID, err := paFlag(svc, a, paName)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := svc.ExportHolidayPDF(&buf, a.ID, paID, day); err != nil {
		return err
	}
	if err := svc.WriteFile(out, force, writeBytes(buf.Bytes())); err != nil {
		return fileError(err, out)
	}
	fmt.Fprintf(stdout, "Wrote %s (%d bytes).\n", out, buf.Len())
	return nil
}
