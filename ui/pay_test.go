package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/rota"
	"patoolkit/service"
)

// capture saves the window as a PNG under /tmp when PAY_PNG is set, to
// look at.
func capture(t *testing.T, u *UI, name string) {
	t.Helper()
	if os.Getenv("PAY_PNG") == "" {
		return
	}
	size := u.win.Canvas().Size()
	u.win.Resize(fyne.NewSize(size.Width, 2400)) // the whole page, to look at
	img := u.win.Canvas().Capture()
	u.win.Resize(size)
	f, err := os.Create(filepath.Join(os.TempDir(), name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// paydayButton is the Pay home's button for the payday.
func paydayButton(t *testing.T, u *UI, payday civil.Date) *wrapButton {
	t.Helper()
	for i, r := range u.pay.rows {
		if r.Period.Payday == payday {
			return u.pay.buttons[i]
		}
	}
	t.Fatalf("no payday %s on the Pay home:\n%s", payday.UK(), pageText(u))
	return nil
}

// wantPayday stops the test unless the focus is on the Pay home's row
// labelled want.
func wantPayday(t *testing.T, u *UI, want string) {
	t.Helper()
	b, ok := u.win.Canvas().Focused().(*wrapButton)
	if !ok || b.Label() != want {
		t.Fatalf("the focus is on %T, want the payday %q:\n%s", u.win.Canvas().Focused(), want, pageText(u))
	}
}

func TestPayHomeListsPaydaysWithTheirStates(t *testing.T) {
	u, _ := newDemoUI(t)
	openPriya(t, u)
	shortcut(t, u, sectionPay.shortcut())
	if u.section != sectionPay {
		t.Fatalf("Ctrl+5 did not open Pay:\n%s", pageText(u))
	}
	capture(t, u, "pay-home.png")
	for _, want := range []string{
		"PAs are paid monthly, on the last working day of the month.",
		"Still to do: The timesheet for 01/11/2026 to 30/11/2026 is a draft: Dana Whitfield has not signed it.",
	} {
		wantText(t, u, want)
	}
	for _, c := range []struct {
		payday, want string
	}{
		{"2026-10-30", "Friday 30/10/2026 — pay for 01/10/2026 to 31/10/2026 — Finalised and paid — net pay £3,604.17"},
		{"2026-11-30", "Monday 30/11/2026 — pay for 01/11/2026 to 30/11/2026 — To do"},
	} {
		t.Run(c.payday, func(t *testing.T) {
			if got := paydayButton(t, u, civil.MustParse(c.payday)).Label(); got != c.want {
				t.Errorf("row %q, want %q", got, c.want)
			}
		})
	}
	// Newest first; the current payday has the focus.
	if first := u.pay.rows[0].Period.Payday; first != civil.MustParse("2026-12-31") {
		t.Errorf("the first row is %s, want the newest (31/12/2026)", first.UK())
	}
	if last := u.pay.rows[len(u.pay.rows)-1].Period.Payday; last.Before(civil.MustParse("2025-11-20")) {
		t.Errorf("the last row is %s, more than 12 months ago", last.UK())
	}
	wantPayday(t, u, "Monday 30/11/2026 — pay for 01/11/2026 to 30/11/2026 — To do")
	button(t, u, "HMRC record")
	button(t, u, "Save payslips as PDF…")
	// A click opens the payday's run too.
	test.Tap(paydayButton(t, u, civil.MustParse("2026-10-30")))
	if u.pay.run == nil || u.pay.run.Period.Payday != civil.MustParse("2026-10-30") {
		t.Fatalf("a click did not open the run:\n%s", pageText(u))
	}
}

func TestAFinalisedPaydayShowsNetPayAndWhereEachLineCameFrom(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionPay)
	u.win.Canvas().Focus(paydayButton(t, u, civil.MustParse("2026-10-30")))
	press(t, u, fyne.KeyReturn)
	if u.pay.run == nil || u.pay.run.Stored == nil {
		t.Fatalf("Enter did not open the finalised run:\n%s", pageText(u))
	}
	capture(t, u, "pay-run.png")
	for _, want := range []string{
		"Tax year and period: 2026-27, month 7",
		"Payslip: Sam Okafor",
		"Net pay: £1,517.95",
		"Net pay: £1,036.57",
		"From: Timesheet 01/10/2026 to 31/10/2026, approved on 01/11/2026 by Priya Shah",
		"Sleep-in allowance: 4 nights at £85.00",
		"Net pay to the PAs: £3,604.17",
		"To HMRC: £163.12 (tax, National Insurance and loans, less £380.64 Employment Allowance)",
		"To the pension scheme: £37.42",
	} {
		wantText(t, u, want)
	}
	for _, gone := range []string{"Finalise…", "Add a line…"} {
		walk(u.win.Content(), func(o fyne.CanvasObject) {
			if b, ok := o.(*keyButton); ok && b.Text == gone {
				t.Errorf("a finalised run has %q", gone)
			}
		})
	}
	wantFocus(t, u, "Save these payslips as PDF…")

	wantText(t, u, "FPS: sent to HMRC on 30/10/2026.")
	// The FPS figures, with the sentence about Basic PAYE Tools.
	u.win.Canvas().Focus(button(t, u, "FPS figures"))
	press(t, u, fyne.KeyReturn)
	capture(t, u, "pay-fps.png")
	for _, want := range []string{"Basic PAYE Tools works out tax and National Insurance itself: check that its figures match these.",
		"Tax code: ", "NI letter: A", "Gross pay: £1,700.55", "Payment date: 30/10/2026"} {
		wantText(t, u, want)
	}
	pressButton(t, u, "Mark FPS sent…")
	wantForm(t, u, "Mark as sent to HMRC")
	if e := focused(t, u).(*keyEntry); e.Text != "30/10/2026" {
		t.Errorf("the date sent starts as %q", e.Text)
	}
	focused(t, u).(*keyEntry).SetText("29/10/2026")
	press(t, u, fyne.KeyReturn)
	rec, err := svc.HMRCRecord(u.Account().ID, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, fl := range rec.Filings {
		if fl.Kind == payroll.FilingFPS && fl.Payday == civil.MustParse("2026-10-30") && fl.Done != civil.MustParse("2026-10-29") {
			t.Errorf("the FPS is marked sent on %s", fl.Done.UK())
		}
	}
	wantText(t, u, "Marked as sent on 29/10/2026.")
	// Escape goes back to the run, then to the Pay home.
	press(t, u, fyne.KeyEscape)
	if u.pay.run == nil {
		t.Fatal("Escape did not go back to the run")
	}
	press(t, u, fyne.KeyEscape)
	wantPayday(t, u, "Friday 30/10/2026 — pay for 01/10/2026 to 31/10/2026 — Finalised and paid — net pay £3,604.17")
}

// approvedFixture is a budget with one approved timesheet for November
// 2026, paid on Monday 30/11/2026.
func approvedFixture(t *testing.T, u *UI, svc *service.Service) {
	t.Helper()
	addShift(t, u, svc, "Sarah Lee", "16/11/2026 08:00", "16/11/2026 12:00", rota.Day, 0)
	sarah, _ := findPA(t, svc, u.Account().ID, "Sarah Lee")
	ts, err := svc.OpenTimesheet(u.Account().ID, sarah.ID, civil.New(2026, 11, 16))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SignTimesheet(ts.ID, "Sarah Lee", civil.New(2026, 11, 18)); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ApproveTimesheet(ts.ID, "Jane Smith", civil.New(2026, 11, 19)); err != nil {
		t.Fatal(err)
	}
}

func TestFinalisingGoesThroughTheReviewStep(t *testing.T) {
	u, svc := newTestUI(t, rotaFixture(t))
	approvedFixture(t, u, svc)
	payday := civil.MustParse("2026-11-30")
	shortcut(t, u, sectionPay.shortcut())
	wantPayday(t, u, "Monday 30/11/2026 — pay for 01/11/2026 to 30/11/2026 — Ready to preview and finalise")
	press(t, u, fyne.KeyReturn)
	wantText(t, u, "This is a preview: nothing is stored until you finalise it.")
	wantText(t, u, "Payslip: Sarah Lee")
	wantText(t, u, "Net pay: £51.20")

	// A line entered by hand: refused without a description, then added.
	u.win.Canvas().Focus(button(t, u, "Add a line…"))
	press(t, u, fyne.KeyReturn)
	f := u.form
	f.field("pa").focus.(*keySelect).SetSelected("Sarah Lee")
	u.win.Canvas().Focus(f.field("amount").focus)
	typeText(t, u, "10")
	press(t, u, fyne.KeyReturn)
	if f.problem("description") == "" || u.form != f {
		t.Fatalf("a line with no description was added: %q", f.summary.Text)
	}
	u.win.Canvas().Focus(f.field("description").focus)
	typeText(t, u, "Back pay for October")
	press(t, u, fyne.KeyReturn)
	wantText(t, u, "Added £10.00 for Sarah Lee: Back pay for October.")
	wantText(t, u, "Sarah Lee: Back pay, \"Back pay for October\", £10.00")
	wantText(t, u, "Net pay: £61.20")

	wantFocus(t, u, "Finalise…")
	press(t, u, fyne.KeyReturn)
	for _, want := range []string{
		"Finalise the pay run for Monday 30/11/2026?",
		"• Stores 1 payslip (Sarah Lee) for the pay period 01/11/2026 to 30/11/2026.",
		"• Locks the timesheets they pay",
		"• Records net pay of £61.20 owed to Sarah Lee on the payday, 30/11/2026.",
		"Owes HMRC nothing for this payday (the pay is below the thresholds for tax and National Insurance).",
	} {
		wantText(t, u, want)
	}
	capture(t, u, "pay-review.png")
	// The focus starts on Go back: Enter changes nothing.
	pressButton(t, u, "Go back")
	if v, _ := svc.PayRun(u.Account().ID, payday); v.Stored != nil {
		t.Fatal("Go back finalised the run")
	}
	pressButton(t, u, "Finalise…")
	u.win.Canvas().FocusNext()
	pressButton(t, u, "Finalise the pay run")
	v, err := svc.PayRun(u.Account().ID, payday)
	if err != nil {
		t.Fatal(err)
	}
	if v.Stored == nil || v.State != service.PaydayFinalised {
		t.Fatalf("state %s after finalising:\n%s", v.State, pageText(u))
	}
	wantText(t, u, "Finalised: 1 payslips are stored")
	wantFocus(t, u, "Save these payslips as PDF…")

	// Reversing asks for a reason, refuses a blank one, then asks first.
	u.win.Canvas().Focus(button(t, u, "Reverse this run…"))
	press(t, u, fyne.KeyReturn)
	f = u.form
	press(t, u, fyne.KeyReturn)
	if f.problem("reason") == "" {
		t.Fatal("a blank reason was accepted")
	}
	typeText(t, u, "The hours were wrong")
	press(t, u, fyne.KeyReturn)
	pressButton(t, u, "No, go back")
	if v, _ := svc.PayRun(u.Account().ID, payday); v.Stored == nil {
		t.Fatal("No reversed it")
	}
	press(t, u, fyne.KeyReturn)
	u.win.Canvas().FocusNext()
	pressButton(t, u, "Yes, reverse it")
	if v, _ := svc.PayRun(u.Account().ID, payday); v.Stored != nil || len(v.Reversed) != 1 {
		t.Errorf("after reversing: stored %v, %d reversed", v.Stored != nil, len(v.Reversed))
	}
	wantText(t, u, "Reversed the pay run for 30/11/2026.")
	wantText(t, u, "An earlier run for this payday, finalised on ")
	wantText(t, u, ": The hours were wrong")
}

func TestABlockedRunSaysWhyItCantBeFinalised(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionPay)
	u.showPayRun(civil.MustParse("2026-11-30"), "")
	capture(t, u, "pay-blocked.png")
	if b := button(t, u, "Finalise…"); !b.Disabled() {
		t.Error("Finalise is not disabled")
	}
	wantText(t, u, "Must be put right before finalising:")
	wantText(t, u, "⚠ The timesheet for 01/11/2026 to 30/11/2026 is a draft: Dana Whitfield has not signed it.")
	wantText(t, u, "Finalise is not available yet: 2 things must be put right first")
	wantFocus(t, u, "Add a line…")
	button(t, u, "Open Timesheets")
	if _, err := svc.FinalisePayRun(u.Account().ID, civil.MustParse("2026-11-30")); err == nil {
		t.Error("the service finalised a blocked run")
	}
}

func TestHMRCRecordShowsALatePaymentAndMarksAPaymentPaid(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionPay)
	u.win.Canvas().Focus(button(t, u, "HMRC record"))
	press(t, u, fyne.KeyReturn)
	sel, ok := focused(t, u).(*keySelect)
	if ok {
		t.Logf("focus on the year: %s", sel.Selected)
	}
	// Choose 2025-26 with the keyboard.
	var years *keySelect
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if s, ok := o.(*keySelect); ok && years == nil {
			years = s
		}
	})
	u.win.Canvas().Focus(years)
	for years.Selected != "Tax year 2025-26" {
		before := years.Selected
		press(t, u, fyne.KeyRight)
		years = focused(t, u).(*keySelect)
		if years.Selected == before {
			t.Fatalf("no 2025-26 in %v", years.Options)
		}
	}
	capture(t, u, "pay-hmrc.png")
	wantText(t, u, "Quarter 3: 6 October 2025 to 5 January 2026")
	wantText(t, u, "Paid: 28/01/2026 — ⚠ Paid late")
	wantText(t, u, "⚠ Paid late: due on 22/01/2026, paid on 28/01/2026.")
	wantText(t, u, "Paid: 20/10/2025, on time")
	wantText(t, u, "If an FPS reaches HMRC after the payday")

	// The demo owes HMRC nothing unpaid in 2026-27 (Zoë's maternity pay
	// is recovered), so a budget of one full-time PA paid in October
	// 2026 owes it: mark that month as paid, today.
	pat := payingBudget(t, svc)
	if !u.reloadAccounts() {
		t.Fatal("the accounts did not reload")
	}
	u.openAccount(pat.ID)
	u.ShowSection(sectionPay)
	u.pay.year = 2026
	u.showHMRC()
	rec, _ := svc.HMRCRecord(u.Account().ID, 2026)
	var unpaid *service.HMRCPeriodRow
	for i, p := range rec.Periods {
		if p.Due > 0 && p.PaidDate.IsZero() {
			unpaid = &rec.Periods[i]
			break
		}
	}
	if unpaid == nil {
		t.Fatal("nothing unpaid in 2026-27")
	}
	wantFocus(t, u, "Mark as paid…")
	press(t, u, fyne.KeyReturn)
	wantForm(t, u, "Mark as paid to HMRC")
	f := u.form
	e := focused(t, u).(*keyEntry)
	if e.Text != "20/11/2026" {
		t.Errorf("the date starts as %q, want today", e.Text)
	}
	// A date in the future is refused, and nothing is marked.
	e.SetText("01/01/2030")
	press(t, u, fyne.KeyReturn)
	if u.form != f || !strings.Contains(f.summary.Text, "is in the future") {
		t.Errorf("a future date was accepted: %q", f.summary.Text)
	}
	pressButton(t, u, "OK") // the message says it too
	if focused(t, u) != e {
		t.Fatal("the focus did not go back to the date")
	}
	e.SetText("20/11/2026")
	press(t, u, fyne.KeyReturn)
	wantText(t, u, "Marked "+unpaid.Period.Label()+" as paid on 20/11/2026.")
	rec, _ = svc.HMRCRecord(u.Account().ID, 2026)
	for _, p := range rec.Periods {
		if p.Period == unpaid.Period && p.PaidDate != civil.MustParse("2026-11-20") {
			t.Errorf("%s paid on %s", p.Period.Label(), p.PaidDate.UK())
		}
	}
}

func TestSavingPayslipsAsPDF(t *testing.T) {
	dir := t.TempDir()
	old := homeDir
	homeDir = func() (string, error) { return dir, nil }
	t.Cleanup(func() { homeDir = old })
	u, _ := newDemoUI(t)
	openPriya(t, u)
	u.ShowSection(sectionPay)
	u.showPayRun(civil.MustParse("2026-10-30"), "")
	pressButton(t, u, "Save these payslips as PDF…")
	wantForm(t, u, "Save payslips as PDF")
	shortcut(t, u, saveShortcut)
	waitForWork(t, u)
	path := filepath.Join(dir, "payslips-2026-10-30.pdf")
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("no PDF at %s: %v\n%s", path, err, pageText(u))
	}
	wantText(t, u, "Saved to "+path+".")
	// Saving again asks before replacing the file.
	pressButton(t, u, "Save these payslips as PDF…")
	shortcut(t, u, saveShortcut)
	waitForWork(t, u)
	wantFocus(t, u, "No, go back")
}

// The run's page at the largest text size: nothing is cut off and the
// page does not grow wider than the window.
func TestAPayRunAtTheLargestTextSize(t *testing.T) {
	u, _ := newDemoUI(t)
	openPriya(t, u)
	u.SetTextSize(TextSizes[len(TextSizes)-1])
	u.ShowSection(sectionPay)
	if w := u.main.MinSize().Width; w > 1100-200 {
		t.Errorf("the Pay home needs %v wide at the largest text", w)
	}
	capture(t, u, "pay-home-large.png")
	u.showPayRun(civil.MustParse("2026-10-30"), "")
	if w := u.main.MinSize().Width; w > 1100-200 {
		t.Errorf("the pay run needs %v wide at the largest text", w)
	}
	capture(t, u, "pay-run-large.png")
}

// payingBudget adds a budget with one PA on 37.5 hours a week at £15.00
// and finalises its pay run for October 2026, so it owes HMRC that month.
func payingBudget(t *testing.T, svc *service.Service) household.Account {
	t.Helper()
	a, err := svc.Setup(household.Account{Name: "Pat's care", PersonSupported: "Pat Example", Capacity: household.Self,
		Council: "Example Council", Payment: money.MustParse("2600"), PaymentFrequency: household.Monthly,
		StartDate: civil.MustParse("2026-04-06"), ReturnPeriod: household.ReturnYearly, SurplusLimitWeeks: 8},
		household.Employer{Name: "Pat Example", PayFrequency: household.Monthly, Payday: "25"})
	if err != nil {
		t.Fatal(err)
	}
	pa, err := svc.SavePA(household.PA{AccountID: a.ID, Name: "Robin Example", StartDate: civil.MustParse("2026-04-06"),
		DateOfBirth: civil.MustParse("1990-05-01"), TaxCode: "1257L", NINumber: "JY998877C"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveContract(household.Contract{PAID: pa.ID, EffectiveFrom: civil.MustParse("2026-04-06"), HoursType: household.FixedHours,
		ContractedMinutesWeek: 37*60 + 30, DayRate: money.MustParse("15.00"), HolidayMethod: household.HolidayAccrued, PensionMethod: household.PensionNone}); err != nil {
		t.Fatal(err)
	}
	rows, err := svc.Paydays(a.ID, civil.MustParse("2026-10-01"), civil.MustParse("2026-10-31"))
	if err != nil || len(rows) != 1 {
		t.Fatalf("paydays %+v, %v", rows, err)
	}
	if _, err := svc.FinalisePayRun(a.ID, rows[0].Period.Payday); err != nil {
		t.Fatal(err)
	}
	return a
}
