package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"patoolkit/civil"
	"patoolkit/payroll"
	"patoolkit/service"
)

// pensionButton is the Pensions page's (or PA page's) button by its key.
func pensionButton(t *testing.T, u *UI, key string) *keyButton {
	t.Helper()
	b, ok := u.payState().pensions.buttons[key]
	if !ok {
		t.Fatalf("no button %q on the page:\n%s", key, pageText(u))
	}
	return b
}

// TestPensionsPage: the Pensions part of Pay opens from the Pay home by
// keyboard on the demo; the duties form refuses a declaration dated
// before the duties start date beside its box and saves once it is put
// right; a PA's letter is recorded through its form (today's date
// suggested) and the status shows it given, with the opt-out period from
// it; an opt-out after that period is refused beside the date and
// nothing is stored.
func TestPensionsPage(t *testing.T) {
	u, svc := newDemoUI(t)
	// Priya's budget in the demo has its duties recorded; Tom's has not.
	priya := u.Account().ID
	for _, a := range u.accounts {
		if a.Name == "Tom's care" {
			u.openAccount(a.ID)
		}
	}
	if u.Account().Name != "Tom's care" {
		t.Fatal("no Tom's care in the demo")
	}
	u.ShowSection(sectionPay)
	u.win.Canvas().Focus(button(t, u, "HMRC record"))
	u.win.Canvas().FocusNext()
	pressButton(t, u, "Pensions")
	wantText(t, u, "Your duties are not recorded yet.")
	wantFocus(t, u, "Record your duties…")
	capture(t, u, "pensions-none.png")

	// The duties, with a declaration before the start refused beside it.
	press(t, u, fyne.KeyReturn)
	wantForm(t, u, "Record your pension duties")
	typeText(t, u, "06/04/2025")
	f := u.form
	f.field(service.FieldDeclared).focus.(*keyEntry).SetText("01/04/2025")
	f.field(service.FieldSchemeRef).focus.(*keyEntry).SetText("EMP123456789")
	shortcut(t, u, saveShortcut)
	wantForm(t, u, "Record your pension duties")
	if got := f.problem(service.FieldDeclared); !strings.Contains(got, "cannot be before the duties start date (06/04/2025)") {
		t.Errorf("the declaration's box says %q:\n%s", got, pageText(u))
	}
	if _, ok, _ := svc.PensionDuties(u.Account().ID); ok {
		t.Fatal("refused duties were stored")
	}
	if e := focused(t, u).(*keyEntry); e != f.field(service.FieldDeclared).focus {
		t.Error("the focus is not on the refused box")
	}
	capture(t, u, "pensions-duties-refused.png")
	focused(t, u).(*keyEntry).SetText("20/08/2025")
	press(t, u, fyne.KeyReturn)
	wantText(t, u, "Saved your pension duties.")
	wantFocus(t, u, "Change your duties…")
	for _, want := range []string{"Duties start date: 06/04/2025", "Declaration of compliance made on: 20/08/2025",
		"The scheme's reference for you: EMP123456789", "Declared to The Pensions Regulator on 20/08/2025."} {
		wantText(t, u, want)
	}

	// Chris (Priya's) left on 31/08/2026: he cannot be enrolled after it.
	chris, _ := findPA(t, svc, priya, "Chris Walker")
	if err := svc.RecordPensionEvent(priya, chris.ID, service.PensionEnrolled, civil.MustParse("2026-11-01")); err == nil {
		t.Error("an enrolment after the PA left was accepted")
	}
	// Łukasz was enrolled on 01/11/2026 (by a pay run, say): the letter is
	// due within 6 weeks.
	lukasz, _ := findPA(t, svc, u.Account().ID, "Łukasz Nowak")
	if err := svc.RecordPensionEvent(u.Account().ID, lukasz.ID, service.PensionEnrolled, civil.MustParse("2026-11-01")); err != nil {
		t.Fatal(err)
	}
	u.showPensions(focusDuties)
	wantText(t, u, "Enrolment letter: Due by 12/12/2026, not recorded as given yet.")
	capture(t, u, "pensions-page.png")
	u.win.Canvas().Focus(pensionButton(t, u, focusPA(lukasz.ID)))
	pressButton(t, u, "Łukasz Nowak's pension record…")
	wantText(t, u, "Pension record: Łukasz Nowak")
	pressButton(t, u, "Enrolment letter given on…")
	wantForm(t, u, "Łukasz Nowak: enrolment letter given on")
	if e := focused(t, u).(*keyEntry); e.Text != "20/11/2026" {
		t.Errorf("the date starts as %q, want today's", e.Text)
	}
	capture(t, u, "pensions-letter-form.png")
	press(t, u, fyne.KeyReturn)
	wantText(t, u, "Recorded for Łukasz Nowak: enrolment letter given on 20/11/2026.")
	wantText(t, u, "Enrolment letter: Given on 20/11/2026.")
	wantText(t, u, "Opt-out period: 20/11/2026 to 20/12/2026")
	wantFocus(t, u, "Enrolment letter given on…")
	if st, _ := svc.PensionStates(u.Account().ID); st[lukasz.ID].InfoGiven != civil.MustParse("2026-11-20") {
		t.Errorf("the letter is stored as %+v", st[lukasz.ID])
	}

	// An opt-out after the opt-out period is refused beside the date.
	u.win.Canvas().Focus(pensionButton(t, u, focusEvent(service.PensionOptedOut)))
	pressButton(t, u, "Opted out on…")
	wantForm(t, u, "Łukasz Nowak: opted out on")
	focused(t, u).(*keyEntry).SetText("21/12/2026")
	press(t, u, fyne.KeyReturn)
	wantForm(t, u, "Łukasz Nowak: opted out on")
	if got := u.form.problem(service.FieldPensionDate); !strings.Contains(got, "The opt-out period ended on 20/12/2026, so an opt-out on 21/12/2026 is too late") {
		t.Errorf("the date's box says %q", got)
	}
	capture(t, u, "pensions-optout-refused.png")
	if st, _ := svc.PensionStates(u.Account().ID); !st[lukasz.ID].OptedOut.IsZero() {
		t.Error("a refused opt-out was stored")
	}
	// Escape (after "Leave without saving?": the date was changed) goes
	// back to the PA, on the button used; again to Pensions, on the PA's
	// button.
	escapeWithoutSaving(t, u)
	wantFocus(t, u, "Opted out on…")
	press(t, u, fyne.KeyEscape)
	wantFocus(t, u, "Łukasz Nowak's pension record…")
}

// TestSavingAContributionFile: a finalised payday's contribution file,
// in the format chosen, is what the service makes, byte for byte; saving
// it again asks before replacing it.
func TestSavingAContributionFile(t *testing.T) {
	dir := t.TempDir()
	old := homeDir
	homeDir = func() (string, error) { return dir, nil }
	t.Cleanup(func() { homeDir = old })
	u, svc := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionPay)
	payday := civil.MustParse("2026-10-30")
	u.showPayRun(payday, "")
	u.win.Canvas().Focus(button(t, u, "Save these payslips as PDF…"))
	u.win.Canvas().FocusNext()
	pressButton(t, u, "Save contribution file…")
	wantForm(t, u, "Save contribution file")
	f := u.form
	format := f.field("format").focus.(*keySelect)
	format.SetSelectedIndex(2)
	if got := f.field("path").focus.(*keyEntry).Text; got != filepath.Join(dir, "pension-2026-10-30-generic.csv") {
		t.Errorf("the file is %q", got)
	}
	capture(t, u, "pensions-export-form.png")
	shortcut(t, u, saveShortcut)
	waitForWork(t, u)
	path := filepath.Join(dir, "pension-2026-10-30-generic.csv")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no file at %s: %v\n%s", path, err, pageText(u))
	}
	var want bytes.Buffer
	if err := svc.ExportPensionCSV(&want, u.Account().ID, payday, service.PensionGeneric); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) || !strings.HasPrefix(string(got), "NI number,Name,") {
		t.Errorf("the file is\n%s\nwant\n%s", got, want.Bytes())
	}
	wantText(t, u, "Saved to "+path+".")
	if u.pay.run == nil || u.pay.run.Period.Payday != payday {
		t.Fatal("saving did not go back to the pay run")
	}
	wantFocus(t, u, "Save these payslips as PDF…")
	// Again: "Replace it?", with the focus on no.
	u.win.Canvas().FocusNext()
	pressButton(t, u, "Save contribution file…")
	u.form.field("format").focus.(*keySelect).SetSelectedIndex(2)
	shortcut(t, u, saveShortcut)
	waitForWork(t, u)
	wantFocus(t, u, "No, go back")
	// NEST's file without the NEST reference: the form says how to add it.
	// (The demo has Priya's; take it away.)
	d, _, err := svc.PensionDuties(u.Account().ID)
	if err != nil {
		t.Fatal(err)
	}
	d.SchemeRef = ""
	if err := svc.SavePensionDuties(d); err != nil {
		t.Fatal(err)
	}
	press(t, u, fyne.KeyReturn)
	u.form.field("format").focus.(*keySelect).SetSelectedIndex(1)
	shortcut(t, u, saveShortcut)
	waitForWork(t, u)
	wantText(t, u, "add it under Pay, Pensions")
	if _, err := os.Stat(filepath.Join(dir, "pension-2026-10-30-nest.csv")); err == nil {
		t.Error("a refused NEST file was written")
	}
}

// The Pensions page and a PA's record at the largest text size: the
// pages do not grow wider than the window.
func TestPensionsAtTheLargestTextSize(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	if err := svc.SavePensionDuties(service.PensionDuties{AccountID: u.Account().ID, Duties: payrollDuties("2025-04-06")}); err != nil {
		t.Fatal(err)
	}
	u.SetTextSize(TextSizes[len(TextSizes)-1])
	u.ShowSection(sectionPay)
	u.showPensions("")
	if w := u.main.MinSize().Width; w > 1100-200 {
		t.Errorf("the Pensions page needs %v wide at the largest text", w)
	}
	capture(t, u, "pensions-large.png")
	zoe, _ := findPA(t, svc, u.Account().ID, "Zoë Ní Bhriain")
	u.showPensionPA(zoe.ID, "")
	if w := u.main.MinSize().Width; w > 1100-200 {
		t.Errorf("the pension record needs %v wide at the largest text", w)
	}
	wantFocus(t, u, "Enrolment letter given on…")
	capture(t, u, "pensions-pa-large.png")
}

func payrollDuties(start string) payroll.Duties { return payroll.Duties{Start: civil.MustParse(start)} }
