package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/service"
	"patoolkit/text"
)

// yearEndUI is the demo on Priya's budget with the service's clock fixed
// too (the PDFs carry the day they were made, and a P60 says whether its
// year is over), and the home folder a temporary one to save into.
func yearEndUI(t *testing.T) (*UI, *service.Service, string) {
	t.Helper()
	dir := t.TempDir()
	old := homeDir
	homeDir = func() (string, error) { return dir, nil }
	t.Cleanup(func() { homeDir = old })
	u, svc := newDemoUI(t)
	svc.SetClock(func() time.Time { return today })
	openPriya(t, u)
	return u, svc, dir
}

// between is the window's text from the first line starting with start
// up to the next line starting with next ("" for the end).
func between(t *testing.T, u *UI, start, next string) string {
	t.Helper()
	all := allText(u)
	i := strings.Index(all, "\n"+start)
	if i < 0 {
		t.Fatalf("the window does not show %q:\n%s", start, all)
	}
	rest := all[i+1:]
	if next != "" {
		if j := strings.Index(rest[len(start):], "\n"+next); j >= 0 {
			return rest[:len(start)+j]
		}
	}
	return rest
}

// wantIn fails the test unless part of the window's text holds each of
// want.
func wantIn(t *testing.T, what, part string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(part, w) {
			t.Errorf("%s does not show %q:\n%s", what, w, part)
		}
	}
}

// tabOrder presses Tab from the focus n times and returns the labels of
// the buttons (and the tax year list) the focus lands on.
func tabOrder(u *UI, n int) []string {
	var out []string
	for range n {
		u.win.Canvas().FocusNext()
		switch f := u.win.Canvas().Focused().(type) {
		case *keyButton:
			out = append(out, f.Text)
		case *wrapButton:
			out = append(out, f.Label())
		case *keySelect:
			out = append(out, "list: "+f.Selected)
		default:
			out = append(out, fmt.Sprintf("%T", f))
		}
	}
	return out
}

// wantSaved stops the test unless the file at path is the PDF want wrote.
func wantSaved(t *testing.T, path string, want func(w *bytes.Buffer) error) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("nothing saved at %s: %v", path, err)
	}
	var b bytes.Buffer
	if err := want(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(got, []byte("%PDF")) || !bytes.Equal(got, b.Bytes()) {
		t.Fatalf("%s (%d bytes) is not the service's PDF (%d bytes)", path, len(got), b.Len())
	}
}

func TestYearEndShowsEachPAsP60FiguresAsTheServiceGivesThem(t *testing.T) {
	u, svc, dir := yearEndUI(t)
	account := u.Account().ID
	shortcut(t, u, sectionPay.shortcut())
	u.win.Canvas().Focus(button(t, u, yearEndTitle))
	press(t, u, fyne.KeyReturn)
	capture(t, u, "yearend.png")
	// It opens on the last tax year that has ended, with the focus on
	// saving its P60s.
	wantFocus(t, u, "Save P60s as PDF…")
	if got := u.pay.yearEndView.years; len(got) != 2 || got[0] != 2026 || got[1] != 2025 {
		t.Fatalf("the years offered are %v, want 2026-27 and 2025-26", got)
	}
	wantText(t, u, "P60s for 2025-26: 3 PAs")
	p60s, err := svc.P60s(account, 2025, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range p60s {
		t.Run(p.PA.Name, func(t *testing.T) {
			next := "Leavers: P45s"
			if i+1 < len(p60s) {
				next = "P60: " + p60s[i+1].PA.Name
			}
			part := between(t, u, "P60: "+p.PA.Name, next)
			st := p.Statutory
			wantIn(t, p.PA.Name+"'s P60", part,
				"Pay in this employment: "+p.Pay.Format(),
				"Tax in this employment: "+p.Tax.Format(),
				"Pay in previous employment: "+p.Previous.TaxablePay.Format(),
				"Total pay for the year: "+p.TotalPay().Format(),
				"Total tax for the year: "+p.TotalTax().Format(),
				"Employee's National Insurance: "+p.EmployeeNI.Format(),
				"Student loan deductions: "+p.StudentLoan.Format(),
				"Postgraduate loan deductions: "+p.PostgraduateLoan.Format(),
				"Statutory Sick Pay: "+st.SSP.Format(),
				"Statutory Maternity Pay: "+st.SMP.Format(),
				"Statutory Paternity Pay: "+st.SPP.Format(),
				"Statutory Adoption Pay: "+st.SAP.Format(),
				"Statutory Shared Parental Pay: "+st.ShPP.Format(),
				"Statutory Parental Bereavement Pay: "+st.SPBP.Format(),
				"Statutory Neonatal Care Pay: "+st.SNCP.Format(),
				"Final tax code: "+p.TaxCode,
				"NI number: "+household.FormatNINumber(p.PA.NINumber),
				fmt.Sprintf("From: %d finalised payslips, the last paid on %s", p.Payslips, p.LastPayday.UK()),
				"by: Sunday 31/05/2026",
			)
			for _, n := range p.ByLetter {
				wantIn(t, p.PA.Name+"'s P60", part, fmt.Sprintf("National Insurance, letter %s: earnings at the lower earnings limit %s; above it, up to the primary threshold %s; above that, up to the upper earnings limit %s; employee's contributions %s",
					n.Letter, n.AtLEL.Format(), n.LELToPT.Format(), n.PTToUEL.Format(), n.EmployeeNI.Format()))
			}
			if strings.Contains(part, "has not ended yet") {
				t.Errorf("2025-26 is said not to have ended:\n%s", part)
			}
		})
	}

	// Tab goes down the page: the year, saving all, back, each PA's
	// P60, then the leaver.
	u.win.Canvas().Focus(focusedSelect(t, u))
	want := []string{"Save P60s as PDF…", "Back to Pay", "Save Chris Walker's P60 as PDF…", "Save Sam Okafor's P60 as PDF…",
		"Save Zoë Ní Bhriain's P60 as PDF…", "P45 details: Chris Walker"}
	if got := tabOrder(u, len(want)); strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("Tab goes %q, want %q", got, want)
	}

	// Left chooses 2026-27: the figures to date, said to be so.
	sel := focusedSelect(t, u)
	u.win.Canvas().Focus(sel)
	press(t, u, fyne.KeyLeft)
	if s, ok := u.win.Canvas().Focused().(*keySelect); !ok || s.Selected != "Tax year 2026-27" {
		t.Fatalf("the focus is not on the tax year 2026-27 after Left: %T", u.win.Canvas().Focused())
	}
	now, err := svc.P60s(account, 2026, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, u, fmt.Sprintf("P60s for 2026-27: %d PAs", len(now)))
	for _, p := range now {
		wantText(t, u, "P60: "+p.PA.Name)
		wantIn(t, p.PA.Name+"'s P60 to date", between(t, u, "P60: "+p.PA.Name, "P60: "), "Pay in this employment: "+p.Pay.Format())
	}
	wantText(t, u, "The tax year 2026-27 has not ended yet: these are the figures to date")
	if strings.Contains(allText(u), "P60: Chris Walker") {
		t.Error("Chris Walker, who left in 2026-27, is given a P60 for it")
	}
	press(t, u, fyne.KeyRight) // back to 2025-26

	// Save every P60 of 2025-26: the service's PDF is written.
	u.win.Canvas().Focus(button(t, u, "Save P60s as PDF…"))
	press(t, u, fyne.KeyReturn)
	wantForm(t, u, "Save P60s as PDF")
	if s := focused(t, u).(*keySelect); s.Selected != "All PAs with a P60 for 2025-26 (3)" {
		t.Errorf("the form starts on %q", s.Selected)
	}
	press(t, u, fyne.KeyReturn)
	all := filepath.Join(dir, "p60s-2025-26.pdf")
	wantSaved(t, all, func(b *bytes.Buffer) error { return svc.ExportP60PDF(b, account, 2025, 0) })
	wantText(t, u, "Saved to "+all+".")
	wantFocus(t, u, "Save P60s as PDF…")

	// One PA's: the form starts on them, with their file name.
	sam, _ := findPA(t, svc, account, "Sam Okafor")
	u.win.Canvas().Focus(button(t, u, "Save Sam Okafor's P60 as PDF…"))
	press(t, u, fyne.KeyReturn)
	wantForm(t, u, "Save P60s as PDF")
	one := filepath.Join(dir, "p60-sam-okafor-2025-26.pdf")
	if got := u.form.field("path").focus.(*keyEntry).Text; got != one {
		t.Errorf("the file starts as %q, want %q", got, one)
	}
	shortcut(t, u, saveShortcut)
	waitForWork(t, u)
	wantSaved(t, one, func(b *bytes.Buffer) error { return svc.ExportP60PDF(b, account, 2025, sam.ID) })

	// Saving over a file asks first, and No leaves it as it was.
	u.win.Canvas().Focus(button(t, u, "Save P60s as PDF…"))
	press(t, u, fyne.KeyReturn)
	press(t, u, fyne.KeyReturn)
	pressButton(t, u, "No, go back")
	wantSaved(t, all, func(b *bytes.Buffer) error { return svc.ExportP60PDF(b, account, 2025, 0) })
}

// focusedSelect is the tax year list of the page in view.
func focusedSelect(t *testing.T, u *UI) *keySelect {
	t.Helper()
	var s *keySelect
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if k, ok := o.(*keySelect); ok && s == nil {
			s = k
		}
	})
	if s == nil {
		t.Fatalf("no list on the page:\n%s", pageText(u))
	}
	return s
}

func TestALeaversP45DetailsShowEveryFigureAndSaveAsPDF(t *testing.T) {
	u, svc, dir := yearEndUI(t)
	account := u.Account().ID
	chris, _ := findPA(t, svc, account, "Chris Walker")
	u.ShowSection(sectionPay)
	u.showYearEnd()
	wantText(t, u, "Left on 31/08/2026. The P45 figures are ready.")
	u.win.Canvas().Focus(button(t, u, "P45 details: Chris Walker"))
	press(t, u, fyne.KeyReturn)
	capture(t, u, "yearend-p45.png")
	wantFocus(t, u, "Save as PDF…")
	p, err := svc.P45(account, chris.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.Pay == 0 || p.Tax == 0 {
		t.Fatalf("the demo's P45 has no pay or tax to check: %+v", p)
	}
	wantIn(t, "the P45 page", allText(u),
		"P45 details: Chris Walker",
		"Name: Chris Walker",
		"NI number: "+household.FormatNINumber(p.PA.NINumber),
		"Leaving date: "+dayAndDate(p.LeavingDate),
		"Name: "+p.Employer,
		"PAYE reference: "+p.PAYEReference,
		"Tax code at leaving: "+p.TaxCode,
		"Week 1 / month 1 basis: "+yesNo(p.Week1Month1),
		"Tax year: "+p.Year.String(),
		fmt.Sprintf("Last tax week or month paid: Month %d, paid on %s", p.Period, dayAndDate(p.LastPayday)),
		"Pay and tax to date in "+p.Year.String(),
		"Total pay to date (previous employment included): "+p.TotalPay().Format(),
		"Total tax to date (previous employment included): "+p.TotalTax().Format(),
		"Pay in previous employment: "+p.Previous.TaxablePay.Format(),
		"Tax in previous employment: "+p.Previous.Tax.Format(),
		"Pay in this employment: "+p.Pay.Format(),
		"Tax in this employment: "+p.Tax.Format(),
		"Student loan deductions to continue: "+yesNo(p.StudentLoan),
		"Postgraduate loan deductions to continue: "+yesNo(p.PostgraduateLoan),
	)
	for _, line := range strings.Split(p.PA.Address, "\n") {
		wantText(t, u, line)
	}

	press(t, u, fyne.KeyReturn)
	wantForm(t, u, "Save Chris Walker's P45 details as PDF")
	press(t, u, fyne.KeyReturn)
	path := filepath.Join(dir, "p45-chris-walker.pdf")
	wantSaved(t, path, func(b *bytes.Buffer) error { return svc.ExportP45PDF(b, account, chris.ID) })
	wantText(t, u, "Saved to "+path+".")
	wantFocus(t, u, "Save as PDF…")
	// Escape goes back to the Year end page.
	press(t, u, fyne.KeyEscape)
	wantText(t, u, yearEndTitle)
	button(t, u, "Save P60s as PDF…")
}

func TestThePAsPageShowsTheirHolidayAndALeaversP45(t *testing.T) {
	u, svc, dir := yearEndUI(t)
	account := u.Account().ID
	day := civil.Of(today)
	for _, name := range []string{"Sam Okafor", "Zoë Ní Bhriain"} {
		t.Run(name, func(t *testing.T) {
			pa, _ := findPA(t, svc, account, name)
			recs, err := svc.HolidayRecords(account, pa.ID, day)
			if err != nil || len(recs) != 1 {
				t.Fatalf("%d records, %v", len(recs), err)
			}
			r := recs[0]
			shortcut(t, u, sectionPeople.shortcut())
			u.win.Canvas().Focus(button(t, u, name))
			press(t, u, fyne.KeyReturn)
			capture(t, u, "pa-holiday-"+fileSlug(name)+".png")
			part := between(t, u, "Holiday", "")
			wantIn(t, name+"'s holiday", part,
				"Leave year: "+r.Year.From.UK()+" to "+r.Year.To.UK(),
				"How the entitlement is worked out: "+r.Method(),
				"Entitlement: "+text.Hours(int(r.EntitlementMinutes)),
				"Carried over from last leave year: "+text.Hours(int(r.CarriedMinutes)),
				"Taken: "+text.Hours(int(r.TakenMinutes)),
				"Booked on the rota: "+text.Hours(int(r.BookedMinutes)),
				"Remaining: "+text.Hours(int(r.RemainingMinutes)),
			)
			// Tab reaches the save button from the top of the page.
			found := false
			for _, l := range tabOrder(u, 12) {
				if l == "Save holiday record as PDF…" {
					found = true
					break
				}
			}
			if !found {
				t.Fatal("Tab does not reach \"Save holiday record as PDF…\"")
			}
			u.win.Canvas().Focus(button(t, u, "Save holiday record as PDF…"))
			press(t, u, fyne.KeyReturn)
			wantForm(t, u, "Save "+name+"'s holiday record as PDF")
			press(t, u, fyne.KeyReturn)
			path := filepath.Join(dir, "holiday-"+fileSlug(name)+"-"+r.Year.From.String()+".pdf")
			wantSaved(t, path, func(b *bytes.Buffer) error { return svc.ExportHolidayPDF(b, account, pa.ID, day) })
			wantText(t, u, "Saved to "+path+".")
			wantFocus(t, u, "Save holiday record as PDF…")
		})
	}

	t.Run("Chris Walker, who left", func(t *testing.T) {
		chris, _ := findPA(t, svc, account, "Chris Walker")
		u.showPA(chris.ID)
		wantText(t, u, "Chris Walker's P45 details are ready: under Pay (Ctrl+5), \""+yearEndTitle+"\", or with \"P45 details\" here.")
		recs, err := svc.HolidayRecords(account, chris.ID, day)
		if err != nil || len(recs) != 1 {
			t.Fatalf("%d records, %v", len(recs), err)
		}
		wantText(t, u, "Leave year: "+recs[0].Year.From.UK()+" to "+recs[0].Year.To.UK())
		wantText(t, u, "Remaining: "+text.Hours(int(recs[0].RemainingMinutes)))
		u.win.Canvas().Focus(button(t, u, "P45 details"))
		press(t, u, fyne.KeyReturn)
		wantText(t, u, "P45 details: Chris Walker")
		p, _ := svc.P45(account, chris.ID)
		wantText(t, u, "Pay in this employment: "+p.Pay.Format())
		press(t, u, fyne.KeyEscape)
		wantFocus(t, u, "Edit details")
		wantText(t, u, "About Chris Walker")
	})

	t.Run("a PA who has not left has no P45 part", func(t *testing.T) {
		sam, _ := findPA(t, svc, account, "Sam Okafor")
		u.showPA(sam.ID)
		if strings.Contains(allText(u), "P45 details are ready") {
			t.Error("Sam's page speaks of a P45")
		}
	})
}

func TestHomeRemindsThatTheP60sAreDue(t *testing.T) {
	u, svc, _ := yearEndUI(t)
	for _, tc := range []struct {
		day  string
		want string // "" for no reminder
	}{
		{"2026-04-05", ""},
		{"2026-04-06", "Reminder: Give each PA their P60 for 2025-26 by 31 May 2026 (in 55 days)."},
		{"2026-05-30", "Reminder: Give each PA their P60 for 2025-26 by 31 May 2026 (tomorrow)."},
		{"2026-05-31", "Reminder: Give each PA their P60 for 2025-26 by 31 May 2026 (today)."},
		{"2026-06-01", ""},
	} {
		t.Run(tc.day, func(t *testing.T) {
			day := civil.MustParse(tc.day)
			u.now = func() time.Time { return day.Time(time.UTC).Add(9 * time.Hour) }
			u.showHome()
			got := allText(u)
			if tc.want == "" {
				if strings.Contains(got, "Reminder:") {
					t.Errorf("a reminder on %s:\n%s", tc.day, got)
				}
				return
			}
			rs, err := svc.YearEndReminders(u.Account().ID, day)
			if err != nil || len(rs) != 1 {
				t.Fatalf("the service gives %d reminders, %v", len(rs), err)
			}
			wantText(t, u, tc.want)
			wantText(t, u, rs[0].Detail)
		})
	}
	// The reminder's button opens the Year end page.
	u.now = func() time.Time { return time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC) }
	u.showHome()
	capture(t, u, "home-p60-reminder.png")
	u.win.Canvas().Focus(button(t, u, "Open "+yearEndTitle))
	press(t, u, fyne.KeyReturn)
	if u.section != sectionPay {
		t.Errorf("the section is %s, want Pay", u.section)
	}
	wantFocus(t, u, "Save P60s as PDF…")
	wantText(t, u, "P60s for 2025-26: 3 PAs")
}

// The new pages at the largest text size: nothing is wider than the
// window leaves for the page.
func TestYearEndPagesAtTheLargestTextSize(t *testing.T) {
	u, svc, _ := yearEndUI(t)
	u.SetTextSize(TextSizes[len(TextSizes)-1])
	chris, _ := findPA(t, svc, u.Account().ID, "Chris Walker")
	sam, _ := findPA(t, svc, u.Account().ID, "Sam Okafor")
	for _, pg := range []struct {
		name string
		show func()
	}{
		{"yearend-large.png", func() { u.ShowSection(sectionPay); u.showYearEnd() }},
		{"yearend-p45-large.png", func() { u.showP45(chris.ID, u.showYearEnd, "Back to Year end") }},
		{"pa-holiday-large.png", func() { u.ShowSection(sectionPeople); u.showPA(sam.ID) }},
		{"pa-leaver-large.png", func() { u.showPA(chris.ID) }},
		{"home-reminder-large.png", func() {
			u.now = func() time.Time { return time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC) }
			u.ShowSection(sectionHome)
		}},
	} {
		t.Run(pg.name, func(t *testing.T) {
			pg.show()
			if w := u.main.MinSize().Width; w > 1100-200 {
				t.Errorf("the page needs %v wide at the largest text", w)
			}
			capture(t, u, pg.name)
		})
	}
}
