package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"patoolkit/civil"
	"patoolkit/rota"
	"patoolkit/text"
)

// RotaPDF writes the rota for one or more weeks, one landscape page a
// week: a column a day, a row a PA (then needs cover and agency), each
// shift with its times, type and status in words. For the fridge and the
// PAs.
func RotaPDF(w io.Writer, who string, made time.Time, from, to civil.Date, weeks []rota.Week) error {
	d := NewDoc("Rota: "+from.UK()+" to "+to.UK(), who, made, true)
	for i, wk := range weeks {
		if i > 0 {
			d.NewPage()
		}
		d.Heading(wk.Title)
		cols := []Column{{Heading: "", Width: 34}}
		for _, day := range wk.Days {
			h := day.Weekday().String()[:3] + " " + day.UK()[:5]
			if name := rota.BankHolidayName(day); name != "" {
				h += "\n" + name
			}
			cols = append(cols, Column{Heading: h})
		}
		var rows [][]string
		for _, r := range wk.Rows {
			row := []string{r.Label}
			if r.PaidMinutes > 0 {
				row[0] += "\n" + text.Hours(r.PaidMinutes)
			}
			empty := true
			for c := 0; c < 7; c++ {
				var cell []string
				if c < len(r.Cells) {
					for _, b := range r.Cells[c] {
						if !inRange(b.Start, from, to) {
							continue
						}
						text := b.Label
						if b.Marker != "" {
							text += " " + b.Marker
						}
						cell = append(cell, text)
						empty = false
					}
				}
				row = append(row, strings.Join(cell, "\n"))
			}
			if empty && r.PAID == 0 {
				continue // no needs-cover or agency shifts this week
			}
			rows = append(rows, row)
		}
		if len(rows) == 0 {
			d.Para("No shifts on the rota this week.")
			continue
		}
		d.Table(cols, rows)
	}
	d.Small("Times are UK local time. A shift that ends at or before its start time ends the next day. " +
		"Hours beside a name are the hours paid by the hour that week; a sleep-in counts only the time woken.")
	_, err := d.WriteTo(w)
	return err
}

func inRange(t time.Time, from, to civil.Date) bool {
	d := civil.Of(t.In(rota.London()))
	return !d.Before(from) && !d.After(to)
}

// TimesheetDoc is one PA's timesheet with what the PDF needs around it.
type TimesheetDoc struct {
	Timesheet rota.Timesheet
	PAName    string
	Employer  string
	Pay       *rota.TimesheetPay // nil when the rates are not known
}

// TimesheetsPDF writes each timesheet on its own page(s): the entries as
// worked, what differs from the rota, the totals, and the declaration with
// lines for the PA's and the employer's signatures.
func TimesheetsPDF(w io.Writer, who string, made time.Time, docs []TimesheetDoc) error {
	title := "Timesheet"
	if len(docs) > 1 {
		title = "Timesheets"
	}
	d := NewDoc(title, who, made, false)
	if len(docs) == 0 {
		d.Para("There are no timesheets for this period.")
	}
	for i, doc := range docs {
		if i > 0 {
			d.NewPage()
		}
		timesheetPage(d, doc)
	}
	_, err := d.WriteTo(w)
	return err
}

// timesheetPage draws one timesheet from the current page on.
func timesheetPage(d *Doc, doc TimesheetDoc) {
	ts := doc.Timesheet
	d.Heading(doc.PAName + ": " + ts.From.UK() + " to " + ts.To.UK())
	status := ts.StatusText()
	d.Pairs([][2]string{{"Employer", doc.Employer}, {"Personal assistant", doc.PAName},
		{"Pay period", ts.From.Long() + " to " + ts.To.Long()}, {"Status", status}})
	diffs := map[int][]string{}
	var missing []string
	for _, df := range ts.Differences() {
		if df.Entry < 0 {
			missing = append(missing, strings.TrimSuffix(df.Message, "."))
			continue
		}
		diffs[df.Entry] = append(diffs[df.Entry], df.Message)
	}
	var rows [][]string
	for i, e := range ts.Entries {
		start, end := e.Start.In(rota.London()), e.End.In(rota.London())
		times := start.Format("15:04") + "–" + end.Format("15:04")
		if civil.Of(end) != civil.Of(start) {
			times += " (next day)"
		}
		kind := e.Type.Label()
		if e.Retained {
			kind += " (retained)"
		}
		extra := ""
		if e.Type == rota.SleepIn {
			extra = "woken " + text.Hours(e.WokenMinutes)
		} else if e.BreakMinutes > 0 {
			extra = "break " + text.Hours(e.BreakMinutes)
		}
		note := e.Note
		if ds := diffs[i]; len(ds) > 0 {
			for j := range ds {
				ds[j] = strings.TrimSuffix(ds[j], ".")
			}
			note = strings.TrimSpace("Differs from the rota: " + strings.Join(ds, "; ") + ". " + note)
		}
		money := ""
		if e.MileageTenths > 0 {
			money = fmt.Sprintf("%d.%d miles", e.MileageTenths/10, e.MileageTenths%10)
		}
		if e.Expenses != 0 {
			money = strings.TrimSpace(money + " " + e.Expenses.Format())
		}
		rows = append(rows, []string{start.Format("Mon 02/01/2006"), times, kind, extra, text.Hours(e.PaidMinutes()), money, note})
	}
	d.Table([]Column{{Heading: "Date", Width: 29}, {Heading: "Worked", Width: 30}, {Heading: "Type", Width: 20},
		{Heading: "Break / woken", Width: 22}, {Heading: "Paid", Width: 15, Align: "R"}, {Heading: "Mileage, expenses", Width: 25}, {Heading: "Notes"}}, rows)
	if len(missing) > 0 {
		d.Para("On the rota but not worked: " + strings.Join(missing, "; ") + ".")
	}
	tot := ts.Totals()
	pairs := [][2]string{{"Hours paid by the hour", text.Hours(tot.PaidMinutes)}}
	if tot.SleepIns > 0 {
		pairs = append(pairs, [2]string{"Sleep-ins", fmt.Sprintf("%d (woken %s)", tot.SleepIns, text.Hours(tot.WokenMinutes))})
	}
	if tot.RetainedMinutes > 0 || tot.RetainedSleepIns > 0 {
		pairs = append(pairs, [2]string{"Retained (not worked)", fmt.Sprintf("%s and %d sleep-ins", text.Hours(tot.RetainedMinutes), tot.RetainedSleepIns)})
	}
	if tot.MileageTenths > 0 {
		pairs = append(pairs, [2]string{"Mileage", fmt.Sprintf("%d.%d miles", tot.MileageTenths/10, tot.MileageTenths%10)})
	}
	if tot.Expenses != 0 {
		pairs = append(pairs, [2]string{"Expenses to pay back", tot.Expenses.Format()})
	}
	if doc.Pay != nil {
		pairs = append(pairs, [2]string{"Gross pay for this work", doc.Pay.Total.Format()})
	}
	d.Pairs(pairs)
	if ts.Note != "" {
		d.Para("Note: " + ts.Note)
	}
	d.Para("Declaration by the PA: I confirm this timesheet is a true record of the hours I worked.")
	if ts.SignedName != "" {
		d.Para(fmt.Sprintf("Signed by the PA: %s, typed as their signature on %s.", ts.SignedName, ts.SignedOn.UK()))
	}
	if ts.ApprovedBy != "" {
		d.Para(fmt.Sprintf("Approved by the employer: %s on %s.", ts.ApprovedBy, ts.ApprovedOn.UK()))
	}
	d.SignatureLines("PA's signature ("+doc.PAName+")", "Employer's signature ("+doc.Employer+")")
}
