package payroll

import (
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

// TestAssessPeriodThresholds follows The Pensions Regulator's detailed
// guidance no. 1 ("Assessing the workforce"), whose earnings table gives
// the lower limit of qualifying earnings and the earnings trigger for each
// pay reference period (2024-25 to 2026-27: weekly £120 / £192, four-weekly
// £480 / £768, monthly £520 / £833): at the limit is not above it, so a
// worker paid exactly the trigger is not an eligible jobholder and one
// paid exactly the lower limit is an entitled worker.
func TestAssessPeriodThresholds(t *testing.T) {
	r, _ := RatesFor(2026)
	dob := civil.MustParse("1990-03-15") // 36: inside 22 to State Pension age
	pound := money.Money(100)
	periods := map[Frequency][2]string{
		Weekly:     {"2026-06-01", "2026-06-07"},
		FourWeekly: {"2026-06-01", "2026-06-28"},
		Monthly:    {"2026-06-01", "2026-06-30"},
	}
	for _, c := range []struct {
		f              Frequency
		lower, trigger money.Money
	}{
		{Weekly, 120 * pound, 192 * pound},
		{FourWeekly, 480 * pound, 768 * pound},
		{Monthly, 520 * pound, 833 * pound},
	} {
		from, to := civil.MustParse(periods[c.f][0]), civil.MustParse(periods[c.f][1])
		for _, k := range []struct {
			name string
			pay  money.Money
			want WorkerCategory
		}{
			{"1p below the lower limit", c.lower - 1, EntitledWorker},
			{"at the lower limit", c.lower, EntitledWorker},
			{"1p above the lower limit", c.lower + 1, NonEligibleJobholder},
			{"1p below the trigger", c.trigger - 1, NonEligibleJobholder},
			{"at the trigger", c.trigger, NonEligibleJobholder},
			{"1p above the trigger", c.trigger + 1, EligibleJobholder},
		} {
			t.Run(c.f.String()+"/"+k.name, func(t *testing.T) {
				a := r.AssessPeriod(dob, from, to, c.f, k.pay)
				if a.Category != k.want {
					t.Errorf("%s %s: %s, want %s", c.f, k.pay.Format(), a.Category, k.want)
				}
				if a.From != from {
					t.Errorf("from %s, want the period's first day %s", a.From, from)
				}
			})
		}
	}
}

// TestAssessPeriodAges follows TPR guidance no. 1 on age: a worker who
// turns 22 during a pay reference period becomes an eligible jobholder on
// their 22nd birthday, so their automatic enrolment date is that day; a
// worker who reaches State Pension age is no longer one from that day; 16
// and 75 bound the range for any duty at all.
func TestAssessPeriodAges(t *testing.T) {
	r, _ := RatesFor(2026)
	from, to := civil.MustParse("2026-07-01"), civil.MustParse("2026-07-31")
	high := money.MustParse("1500.00")
	for _, c := range []struct {
		name     string
		dob      string
		want     WorkerCategory
		wantFrom string
	}{
		{"turns 22 in the period: eligible from the birthday", "2004-07-12", EligibleJobholder, "2026-07-12"},
		{"turns 22 on the period's first day", "2004-07-01", EligibleJobholder, "2026-07-01"},
		{"turns 22 the day after the period", "2004-08-01", NonEligibleJobholder, "2026-07-01"},
		{"21 all period", "2005-01-01", NonEligibleJobholder, "2026-07-01"},
		// Born 10 April 1960: State Pension age 66 years 1 month, 10 May 2026.
		{"reached State Pension age before the period", "1960-04-10", NonEligibleJobholder, "2026-07-01"},
		// Born 20 January 1961: 66 years 10 months, so 20 November 2027.
		{"State Pension age after the period", "1961-01-20", EligibleJobholder, "2026-07-01"},
		{"turns 16 in the period", "2010-07-20", NonEligibleJobholder, "2026-07-01"},
		{"turns 16 after the period", "2010-08-20", OutsideAgeRange, "2026-07-01"},
		{"turns 75 in the period: 74 on its first day", "1951-07-20", NonEligibleJobholder, "2026-07-01"},
		{"75 before the period", "1951-06-20", OutsideAgeRange, "2026-07-01"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := r.AssessPeriod(civil.MustParse(c.dob), from, to, Monthly, high)
			if a.Category != c.want || a.From.String() != c.wantFrom {
				t.Errorf("%s: %s from %s, want %s from %s", c.dob, a.Category, a.From, c.want, c.wantFrom)
			}
		})
	}
	// A PA who reaches State Pension age inside the period was eligible
	// for its first days.
	spaInPeriod := civil.MustParse("1960-05-15") // 66 years 2 months: 15 July 2026
	if a := r.AssessPeriod(spaInPeriod, from, to, Monthly, high); a.Category != EligibleJobholder {
		t.Errorf("State Pension age on 15 July: %s, want eligible for 1 to 14 July", a.Category)
	}
	if a := r.AssessPeriod(civil.Date{}, from, to, Monthly, high); a.Category != NotAssessed {
		t.Errorf("no date of birth: %s", a.Category)
	}
}

func day(s string) civil.Date { return civil.MustParse(s) }

// TestPostponement follows TPR guidance no. 2 ("Postponement"): the
// employer may postpone for up to three months from the duties start date
// (or the worker's first day, or the day they first become eligible); an
// eligible jobholder on the deferral date is enrolled from it; the notice
// must be given within 6 weeks of the date postponement was used from.
func TestPostponement(t *testing.T) {
	d := Duties{Start: day("2026-04-01"), PostponeMonths: 3}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := d.Deferral(d.Start); got != day("2026-07-01") {
		t.Errorf("deferral date %s, want 01/07/2026", got.UK())
	}
	if got := PostponementNoticeBy(d.Start); got != day("2026-05-12") {
		t.Errorf("notice by %s, want 12/05/2026 (6 weeks)", got.UK())
	}
	eligible := Assessment{Category: EligibleJobholder, From: day("2026-04-01")}
	cases := []struct {
		name         string
		per          Window
		a            Assessment
		want         Step
		wantEnrolled string
	}{
		{"April: postponed", Window{day("2026-04-01"), day("2026-04-30")}, eligible, Postponed, ""},
		{"June: still postponed", Window{day("2026-06-01"), day("2026-06-30")}, Assessment{EligibleJobholder, day("2026-06-01"), 0}, Postponed, ""},
		{"July: eligible on the deferral date, enrolled from it", Window{day("2026-07-01"), day("2026-07-31")}, Assessment{EligibleJobholder, day("2026-07-01"), 0}, EnrolNow, "2026-07-01"},
		{"July: not eligible on the deferral date", Window{day("2026-07-01"), day("2026-07-31")}, Assessment{NonEligibleJobholder, day("2026-07-01"), 0}, NoDuty, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Decide(d, PensionState{}, c.a, c.per, day("2026-04-01"), false)
			if got.Step != c.want {
				t.Fatalf("step %d, want %d", got.Step, c.want)
			}
			if c.wantEnrolled != "" && got.Enrolled.String() != c.wantEnrolled {
				t.Errorf("enrolled %s, want %s", got.Enrolled, c.wantEnrolled)
			}
			if c.want == EnrolNow && got.InfoBy != day("2026-08-11") {
				t.Errorf("enrolment information by %s, want 11/08/2026 (6 weeks)", got.InfoBy.UK())
			}
		})
	}
	// A PA who starts later is postponed from their own first day.
	late := Decide(d, PensionState{}, Assessment{EligibleJobholder, day("2026-09-14"), 0}, Window{day("2026-09-01"), day("2026-09-30")}, day("2026-09-14"), false)
	if late.Step != Postponed || late.Deferral != day("2026-12-14") {
		t.Errorf("starter on 14/09/2026: step %d to %s, want postponed to 14/12/2026", late.Step, late.Deferral.UK())
	}
	// With no postponement, enrolled from the day they became eligible.
	now := Decide(Duties{Start: day("2026-04-01")}, PensionState{}, Assessment{EligibleJobholder, day("2026-07-12"), 0}, Window{day("2026-07-01"), day("2026-07-31")}, day("2026-04-01"), false)
	if now.Step != EnrolNow || now.Enrolled != day("2026-07-12") {
		t.Errorf("no postponement: step %d from %s, want enrolled from 12/07/2026", now.Step, now.Enrolled.UK())
	}
	if err := (Duties{Start: day("2026-04-01"), PostponeMonths: 4}).Validate(); err == nil {
		t.Error("4 months of postponement was accepted")
	}
}

// TestOptOutRefund follows TPR guidance no. 4 ("Opting in, joining and
// opting out"): the opt-out period is one month from the later of the
// day active membership began and the day the enrolment information was
// given; a valid opt-out inside it is treated as never having joined, so
// the employee's contributions are refunded (through payroll) and the
// employer's come back from the scheme; after it, the PA can only stop.
func TestOptOutRefund(t *testing.T) {
	st := PensionState{Enrolled: day("2026-07-01"), InfoGiven: day("2026-07-10")}
	w, ok := OptOutWindow(st.Enrolled, st.InfoGiven)
	if !ok || w.From != day("2026-07-10") || w.To != day("2026-08-10") {
		t.Fatalf("opt-out period %s to %s, want 10/07/2026 to 10/08/2026", w.From.UK(), w.To.UK())
	}
	if w, _ := OptOutWindow(day("2026-01-31"), day("2026-01-31")); w.To != day("2026-02-28") {
		t.Errorf("one month from 31/01/2026 ends %s, want 28/02/2026", w.To.UK())
	}
	for _, c := range []struct {
		name   string
		on     string
		wantOK bool
	}{
		{"before the period starts", "2026-07-05", false},
		{"on its first day", "2026-07-10", true},
		{"on its last day", "2026-08-10", true},
		{"a day late", "2026-08-11", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := st
			s.OptedOut = day(c.on)
			if err := s.Validate(); (err == nil) != c.wantOK {
				t.Errorf("opt-out on %s: %v", c.on, err)
			}
		})
	}
	opted := st
	opted.OptedOut = day("2026-07-20")
	per := Window{day("2026-08-01"), day("2026-08-31")}
	a := Assessment{Category: EligibleJobholder, From: per.From}
	if got := Decide(Duties{Start: day("2026-04-01")}, opted, a, per, day("2026-04-01"), false); got.Step != RefundOptOut || got.Takes() {
		t.Errorf("opted out: step %d, takes %v; want a refund and nothing taken", got.Step, got.Takes())
	}
	if got := Decide(Duties{Start: day("2026-04-01")}, opted, a, per, day("2026-04-01"), true); got.Step != OptedOutDone {
		t.Errorf("after the refund: step %d, want opted out, done", got.Step)
	}
	// The refund on the payslip: July's contributions on £1,500 a month
	// under relief at source, 5% taken as 4% of qualifying earnings (1500 -
	// 520 = 980): £39.20 given back, not taxed and with no NI.
	r, _ := RatesFor(2026)
	july, _ := r.Pension(PensionSettings{Membership: Enrolled, EmployeePercent: 500, EmployerPercent: 300}, Monthly, money.MustParse("1500.00"))
	if july.Employee != money.MustParse("39.20") {
		t.Fatalf("July's contribution %s, want £39.20", july.Employee.Format())
	}
	code, _ := ParseTaxCode("1257L")
	in := PayslipInput{Frequency: Monthly, PayDate: day("2026-08-28"), TaxCode: code,
		Pension: PensionSettings{Membership: OptedOut, EmployeePercent: 500, EmployerPercent: 300},
		Lines: []Line{{Kind: Basic, Description: "Hours", Amount: money.MustParse("1500.00")},
			{Kind: PensionRefund, Description: "Pension contributions given back (opted out)", Amount: july.Employee}}}
	with, err := Calculate(in)
	if err != nil {
		t.Fatal(err)
	}
	in.Lines = in.Lines[:1]
	without, _ := Calculate(in)
	if with.Gross != without.Gross || with.Tax != without.Tax || with.EmployeeNI != without.EmployeeNI || with.Pension.Employee != 0 {
		t.Errorf("the refund changed pay, tax, NI or took a contribution: %+v", with)
	}
	if with.NetPay-without.NetPay != july.Employee {
		t.Errorf("net pay up by %s, want the refund %s", (with.NetPay - without.NetPay).Format(), july.Employee.Format())
	}
	// Under a net pay arrangement the contributions had tax relief, so
	// the refund is taxable (but still has no NI).
	in.Pension.Method = NetPay
	in.Lines = append(in.Lines, Line{Kind: PensionRefund, Description: "Pension contributions given back", Amount: money.MustParse("49.00")})
	npa, _ := Calculate(in)
	in.Lines = in.Lines[:1]
	npaWithout, _ := Calculate(in)
	if npa.TaxablePay-npaWithout.TaxablePay != money.MustParse("49.00") || npa.EmployeeNI != npaWithout.EmployeeNI {
		t.Errorf("net pay arrangement refund: taxable pay %s vs %s, NI %s vs %s", npa.TaxablePay.Format(), npaWithout.TaxablePay.Format(), npa.EmployeeNI.Format(), npaWithout.EmployeeNI.Format())
	}
}

// TestJoinAndStop follows TPR guidance no. 4: an entitled worker who asks
// to join is enrolled, and the employer need not contribute; a member who
// stops after the opt-out period gets no refund.
func TestJoinAndStop(t *testing.T) {
	d := Duties{Start: day("2026-04-01")}
	per := Window{day("2026-09-01"), day("2026-09-30")}
	joined := PensionState{Joined: day("2026-08-20"), Enrolled: day("2026-09-01")}
	got := Decide(d, joined, Assessment{Category: EntitledWorker, From: per.From}, per, d.Start, false)
	if got.Step != Contribute || got.Employer {
		t.Errorf("entitled worker who joined: step %d employer %v, want contributions with none from the employer", got.Step, got.Employer)
	}
	optIn := Decide(d, joined, Assessment{Category: NonEligibleJobholder, From: per.From}, per, d.Start, false)
	if optIn.Step != Contribute || !optIn.Employer {
		t.Errorf("non-eligible jobholder who opted in: step %d employer %v, want the employer to contribute", optIn.Step, optIn.Employer)
	}
	stopped := PensionState{Enrolled: day("2026-05-01"), InfoGiven: day("2026-05-01"), Stopped: day("2026-08-15")}
	if err := stopped.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := Decide(d, stopped, Assessment{Category: EligibleJobholder, From: per.From}, per, d.Start, false); got.Step != StoppedMember || got.Takes() {
		t.Errorf("stopped: step %d", got.Step)
	}
}

// TestReEnrolment follows TPR guidance no. 5 ("Automatic re-enrolment"):
// every three years the employer picks a re-enrolment date within three
// months either side of the third anniversary of the duties start date
// and re-enrols eligible jobholders who opted out or stopped, except those
// who did so in the 12 months before it.
func TestReEnrolment(t *testing.T) {
	d := Duties{Start: day("2026-04-01")}
	w := d.ReEnrolmentWindow(1)
	if w.From != day("2029-01-01") || w.To != day("2029-07-01") {
		t.Errorf("first window %s to %s, want 01/01/2029 to 01/07/2029", w.From.UK(), w.To.UK())
	}
	if n, ok := d.ReEnrolmentRound(day("2032-03-01")); !ok || n != 2 {
		t.Errorf("01/03/2032: round %d %v, want 2", n, ok)
	}
	if _, ok := d.ReEnrolmentRound(day("2030-01-01")); ok {
		t.Error("01/01/2030 is in no window")
	}
	d.ReEnrolment = day("2030-01-01")
	if err := d.Validate(); err == nil {
		t.Error("a re-enrolment date outside the window was accepted")
	}
	reDate := day("2029-04-01")
	eligible := Assessment{Category: EligibleJobholder, From: day("2029-04-01")}
	for _, c := range []struct {
		name string
		st   PensionState
		a    Assessment
		want bool
	}{
		{"opted out 2 years before", PensionState{Enrolled: day("2026-05-01"), InfoGiven: day("2026-05-01"), OptedOut: day("2026-05-20")}, eligible, true},
		{"stopped 13 months before", PensionState{Enrolled: day("2026-05-01"), Stopped: day("2028-03-01")}, eligible, true},
		{"stopped 6 months before", PensionState{Enrolled: day("2026-05-01"), Stopped: day("2028-10-01")}, eligible, false},
		{"still a member", PensionState{Enrolled: day("2026-05-01")}, eligible, false},
		{"opted out, not eligible now", PensionState{Enrolled: day("2026-05-01"), InfoGiven: day("2026-05-01"), OptedOut: day("2026-05-20")}, Assessment{Category: NonEligibleJobholder}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ReEnrol(c.st, reDate, c.a); got != c.want {
				t.Errorf("re-enrol: %v, want %v", got, c.want)
			}
		})
	}
}

// TestDeclarationDue follows TPR guidance no. 7 ("Declaration of
// compliance"): due within five months of the duties start date, and the
// re-declaration within five months of the re-enrolment date (never later
// than five months from the third anniversary).
func TestDeclarationDue(t *testing.T) {
	if got := DeclarationDue(day("2025-04-06")); got != day("2025-09-05") {
		t.Errorf("declaration for duties from 06/04/2025 due %s, want 05/09/2025", got.UK())
	}
	if got := DeclarationDue(day("2026-09-30")); got != day("2027-02-27") {
		t.Errorf("declaration for duties from 30/09/2026 due %s, want 27/02/2027", got.UK())
	}
	d := Duties{Start: day("2025-04-06")}
	for re, want := range map[string]string{
		"2028-04-06": "2028-09-05", // on the anniversary
		"2028-02-01": "2028-06-30", // early in the window: 5 months from it
		"2028-07-01": "2028-09-05", // late: no later than 5 months from the anniversary
	} {
		got, ok := d.ReDeclarationDue(day(re))
		if !ok || got.String() != want {
			t.Errorf("re-enrolment %s: re-declaration due %s, want %s", re, got, want)
		}
	}
	if _, ok := d.ReDeclarationDue(day("2027-01-01")); ok {
		t.Error("a date in no window gave a re-declaration")
	}
}

// TestDecideReEnrols follows TPR guidance no. 5 ("Re-enrolment"): in the
// pay period holding the employer's re-enrolment date, an eligible
// jobholder who opted out more than 12 months before is enrolled again
// from that date, with the letter due within 6 weeks; one who left in the
// 12 months before, or who is not eligible, is not; and a period without
// the date goes on as before.
func TestDecideReEnrols(t *testing.T) {
	d := Duties{Start: day("2026-04-01"), ReEnrolment: day("2029-04-01")}
	april := Window{From: day("2029-04-01"), To: day("2029-04-30")}
	eligible := Assessment{Category: EligibleJobholder, From: day("2029-04-01")}
	optedOut := PensionState{Enrolled: day("2026-05-01"), InfoGiven: day("2026-05-01"), OptedOut: day("2026-05-20")}
	got := Decide(d, optedOut, eligible, april, day("2026-04-01"), true)
	if got.Step != EnrolNow || !got.ReEnrolled || got.Enrolled != day("2029-04-01") || got.InfoBy != EnrolmentInfoBy(day("2029-04-01")) {
		t.Errorf("opted out in 2026, eligible on the re-enrolment date: %+v", got)
	}
	recent := PensionState{Enrolled: day("2026-05-01"), Stopped: day("2028-10-01")}
	if got := Decide(d, recent, eligible, april, day("2026-04-01"), false); got.ReEnrolled || got.Step != StoppedMember {
		t.Errorf("stopped 6 months before: %+v", got)
	}
	if got := Decide(d, optedOut, Assessment{Category: NonEligibleJobholder}, april, day("2026-04-01"), true); got.ReEnrolled || got.Step != OptedOutDone {
		t.Errorf("not eligible on the date: %+v", got)
	}
	march := Window{From: day("2029-03-01"), To: day("2029-03-31")}
	if got := Decide(d, optedOut, eligible, march, day("2026-04-01"), true); got.ReEnrolled || got.Step != OptedOutDone {
		t.Errorf("the month before the re-enrolment date: %+v", got)
	}
}
