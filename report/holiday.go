package report

import (
	"errors"
	"io"
	"time"

	"patoolkit/civil"
)

// HolidayDoc is one PA's holiday record for a leave year, as on day On:
// every figure already worked out and worded by the caller.
type HolidayDoc struct {
	PA       string
	On       civil.Date
	From, To civil.Date // the leave year
	Method   string     // "5.6 weeks", "12.07% of hours worked", ...
	// Entitlement, Carried, Taken, Booked and Remaining are hours as
	// printed: "112 hours".
	Entitlement, Carried, Taken, Booked, Remaining string
	// Explanation is how the entitlement was worked out, a sentence each.
	Explanation []string
	Holidays    []HolidayRow
}

// HolidayRow is one holiday of the leave year: Taken is "" when none of
// it is taken yet, Booked "" when none of it is still to come.
type HolidayRow struct {
	From, To      civil.Date
	Taken, Booked string
	Note          string
}

// ErrNoHolidayRecords is returned by HolidayPDF given no records.
var ErrNoHolidayRecords = errors.New("there are no holiday records to print: add the PAs and their contracts first")

// HolidayPDF writes one A4 portrait page per PA, titled "Holiday record",
// with who under the title.
func HolidayPDF(w io.Writer, who string, made time.Time, docs []HolidayDoc) error {
	if len(docs) == 0 {
		return ErrNoHolidayRecords
	}
	d := NewDoc("Holiday record", who, made, false)
	for i, h := range docs {
		if i > 0 {
			d.NewPage()
		}
		holidayPage(d, h)
	}
	_, err := d.WriteTo(w)
	return err
}

func holidayPage(d *Doc, h HolidayDoc) {
	d.Heading(h.PA + ": holiday as on " + h.On.Long())
	d.Pairs([][2]string{
		{"Leave year", h.From.UK() + " to " + h.To.UK()},
		{"Worked out as", h.Method},
	})
	d.Table([]Column{{Heading: "Holiday this leave year"}, {Heading: "Hours", Width: 85, Align: "R"}}, [][]string{
		{"Entitlement", h.Entitlement},
		{"Carried over from last year", h.Carried},
		{"Taken", h.Taken},
		{"Booked", h.Booked},
	})
	d.Boxed("Remaining", h.Remaining, "Entitlement and carried over, less taken and booked.")

	if len(h.Explanation) > 0 {
		d.Heading("How the entitlement was worked out")
		for _, s := range h.Explanation {
			d.Para(s)
		}
	}

	d.Heading("Holidays this leave year")
	if len(h.Holidays) == 0 {
		d.Para("No holiday is taken or booked on the rota this leave year.")
		return
	}
	var rows [][]string
	for _, r := range h.Holidays {
		dates := r.From.UK()
		if r.To != r.From {
			dates += " to " + r.To.UK()
		}
		rows = append(rows, []string{dates, r.Taken, r.Booked, r.Note})
	}
	d.Table([]Column{{Heading: "Dates", Width: 48}, {Heading: "Taken", Width: 32, Align: "R"}, {Heading: "Booked", Width: 32, Align: "R"}, {Heading: "Note"}}, rows)
}
