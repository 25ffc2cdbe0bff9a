package payroll

import (
	"errors"
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/money"
)

// weeklyPay is £amount paid every 7 days from first to last inclusive.
func weeklyPay(first, last string, amount money.Money) []PaidOn {
	var out []PaidOn
	for d := civil.MustParse(first); !d.After(civil.MustParse(last)); d = d.AddDays(7) {
		out = append(out, PaidOn{Payday: d, Pay: amount})
	}
	return out
}

// HMRC Employer Helpbook for Statutory Maternity Pay (E15 2012-13), "How
// to work out the relevant period", example of a weekly paid employee:
// paid every Friday, baby due 12/02/13, so the qualifying week is 28/10/12
// to 03/11/12; the relevant period ends with the last payday on or before
// its Saturday (Friday 02/11/12) and starts the day after the last payday
// at least 8 weeks before that (07/09/12). And Working Families' example
// of the same rules: a due date of 18 June 2018 is in the expected week of
// 17 to 23 June, the qualifying week is 4 to 10 March 2018, and she must
// have started on or before 16 September 2017.
func TestQualifyingWeekAndRelevantPeriodE15(t *testing.T) {
	l := FamilyLeave{Kind: Maternity, Expected: civil.MustParse("2013-02-12")}
	if qw := l.QualifyingWeek(); qw != civil.MustParse("2012-10-28") {
		t.Fatalf("qualifying week starts %s, want 28/10/2012", qw.UK())
	}
	paid := weeklyPay("2012-08-03", "2012-11-30", 20000)
	awe := AverageWeeklyEarnings(l.QualifyingWeek().AddDays(7), paid, false)
	if awe.To != civil.MustParse("2012-11-02") || awe.From != civil.MustParse("2012-09-07") || awe.Paydays != 8 || awe.AWE != 20000 {
		t.Errorf("relevant period after %s to %s, %d paydays, AWE %s; want after 07/09/2012 to 02/11/2012, 8 paydays, £200.00",
			awe.From.UK(), awe.To.UK(), awe.Paydays, awe.AWE.Format())
	}

	l = FamilyLeave{Kind: Maternity, Expected: civil.MustParse("2018-06-18")}
	if qw := l.QualifyingWeek(); qw != civil.MustParse("2018-03-04") {
		t.Errorf("qualifying week starts %s, want 04/03/2018", qw.UK())
	}
	// The latest start is worked out by FamilyPay; with no rates for
	// 2017-18 check the same sum it uses.
	if latest := l.QualifyingWeek().AddDays(-25*7 + 6); latest != civil.MustParse("2017-09-16") {
		t.Errorf("latest start %s, want 16/09/2017", latest.UK())
	}
}

// A woman paid £400 every Friday, baby due Monday 10 November 2025 (the
// expected week starts Sunday 9 November, the qualifying week is 27 July to
// 2 August 2025), SMP from Sunday 2 November 2025 for 39 weeks, worked as
// gov.uk "Work out your employee's payments for Statutory Maternity Pay"
// says: AWE £400.00, 90% is £360.00 for the first 6 weeks; then the lower
// of the flat rate and £360.00: £187.18 for the 16 weeks that start before
// Sunday 5 April 2026 (the first Sunday in April) and £194.32 for the 17
// weeks from it, as gov.uk "Statutory Maternity Pay: employer guide" says
// of the April rate change. Total £2,160.00 + £2,994.88 + £3,303.44 =
// £8,458.32.
func TestSMPNinetyPercentWeeksAndAprilRateChange(t *testing.T) {
	in := FamilyPayInput{
		Leave:        FamilyLeave{Kind: Maternity, Expected: civil.MustParse("2025-11-10"), From: civil.MustParse("2025-11-02"), Weeks: 39},
		EmployedFrom: civil.MustParse("2024-01-08"),
		Paid:         weeklyPay("2025-01-03", "2025-10-31", 40000),
	}
	r, err := FamilyPay(in)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Due || r.QualifyingWeek != civil.MustParse("2025-07-27") || r.LEL != 12500 || r.AWE.AWE != 40000 || r.Ninety != 36000 {
		t.Fatalf("due %v, qualifying week %s, LEL %s, AWE %s, 90%% %s; reasons %v", r.Due, r.QualifyingWeek.UK(), r.LEL.Format(), r.AWE.AWE.Format(), r.Ninety.Format(), r.Reasons)
	}
	if r.AWE.To != civil.MustParse("2025-08-01") {
		t.Errorf("relevant period ends %s, want the last payday on or before the qualifying week's Saturday, 01/08/2025", r.AWE.To.UK())
	}
	if len(r.Weeks) != 39 {
		t.Fatalf("%d weeks, want 39", len(r.Weeks))
	}
	counts := map[money.Money]int{}
	for i, w := range r.Weeks {
		counts[w.Rate]++
		if w.EarningsRelated != (i < 6) {
			t.Errorf("week %d earnings related %v", i+1, w.EarningsRelated)
		}
	}
	if counts[36000] != 6 || counts[18718] != 16 || counts[19432] != 17 {
		t.Errorf("weeks by rate %v, want 6 at £360.00, 16 at £187.18, 17 at £194.32", counts)
	}
	if r.Weeks[21].Start != civil.MustParse("2026-03-29") || r.Weeks[21].Rate != 18718 || r.Weeks[22].Start != civil.MustParse("2026-04-05") || r.Weeks[22].Rate != 19432 {
		t.Errorf("the weeks either side of the change: %+v %+v", r.Weeks[21], r.Weeks[22])
	}
	if r.Total != 845832 {
		t.Errorf("total %s, want £8,458.32", r.Total.Format())
	}
	if got := r.AmountBetween(in.Leave.From, in.Leave.End()); got != r.Total {
		t.Errorf("amount over the whole leave %s, want the total %s", got.Format(), r.Total.Format())
	}
	// A calendar month's pay period: four whole weeks (2 to 29 November)
	// and one day of the fifth, £360.00 / 7 = £51.428... rounded up to
	// £51.43 (SMP (General) Regulations 1986 reg 28): £1,491.43.
	if got := r.AmountBetween(civil.MustParse("2025-11-01"), civil.MustParse("2025-11-30")); got != 149143 {
		t.Errorf("November's SMP %s, want £1,491.43", got.Format())
	}
	if n := r.DaysBetween(civil.MustParse("2025-11-01"), civil.MustParse("2025-11-30")); n != 29 {
		t.Errorf("%d days in November, want 29", n)
	}

	// Recovery of the first six weeks' £2,160.00, as gov.uk "Get financial
	// help with statutory pay" says: 92%, or with Small Employers' Relief
	// 108.5% for payments in 2025-26 and 103% in 2024-25, 109% in 2026-27.
	small, err := SmallEmployer(r.QualifyingWeek, 4500000)
	if err != nil || !small {
		t.Errorf("Class 1 NI of £45,000: small employer %v %v, want true", small, err)
	}
	if big, _ := SmallEmployer(r.QualifyingWeek, 4500001); big {
		t.Error("Class 1 NI of £45,000.01 gave Small Employers' Relief")
	}
	if r.SmallEmployerYear() != 2024 {
		t.Errorf("Small Employers' Relief is decided on %s's NI, want 2024-25's (the last complete year before the qualifying week)", r.SmallEmployerYear())
	}
	for _, tt := range []struct {
		payday string
		small  bool
		rate   Percent
		want   money.Money
	}{
		{"2025-12-05", false, 9200, 198720},
		{"2025-12-05", true, 10850, 234360},
		{"2025-03-28", true, 10300, 222480},
		{"2026-04-24", true, 10900, 235440},
		{"2026-04-24", false, 9200, 198720},
	} {
		rate, err := FamilyPayRecovery(civil.MustParse(tt.payday), tt.small)
		if err != nil || rate != tt.rate || Recovered(216000, rate) != tt.want {
			t.Errorf("paid %s, small %v: rate %s (%v) recovers %s; want %s, %s", tt.payday, tt.small, rate, err, Recovered(216000, rate).Format(), tt.rate, tt.want.Format())
		}
	}
}

// Monthly pay of £1,000 (paid on the last day of each month): AWE is
// £1,000 x 12 / 52 = £230.769...; 90% is £207.692... rounded up to
// £207.70 (SMP (General) Regulations 1986 reg 28; gov.uk "Work out your
// employee's payments for Statutory Maternity Pay": for monthly pay divide
// by the months, multiply by 12, divide by 52). The flat weeks pay the
// lower rate, £187.18.
func TestSMPMonthlyPayRoundsNinetyPercentUp(t *testing.T) {
	var paid []PaidOn
	for _, d := range []string{"2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-30", "2025-06-30", "2025-07-31"} {
		paid = append(paid, PaidOn{Payday: civil.MustParse(d), Pay: 100000})
	}
	r, err := FamilyPay(FamilyPayInput{
		Leave:        FamilyLeave{Kind: Maternity, Expected: civil.MustParse("2025-11-10"), From: civil.MustParse("2025-11-02"), Weeks: 39},
		EmployedFrom: civil.MustParse("2023-05-01"), Paid: paid, Monthly: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.AWE.AWE != 23076 || r.Ninety != 20770 {
		t.Fatalf("AWE %s, 90%% %s; want £230.76 and £207.70", r.AWE.AWE.Format(), r.Ninety.Format())
	}
	if r.Weeks[5].Rate != 20770 || r.Weeks[6].Rate != 18718 {
		t.Errorf("week 6 at %s, week 7 at %s; want £207.70 and £187.18", r.Weeks[5].Rate.Format(), r.Weeks[6].Rate.Format())
	}
}

// gov.uk "Statutory Maternity Pay: employer guide", eligibility: average
// weekly earnings must be at least the lower earnings limit (£125 in
// 2025-26). A woman paid £120 a week is not entitled, and her employer
// must give her form SMP1.
func TestSMPBelowLowerEarningsLimitIsNotDue(t *testing.T) {
	r, err := FamilyPay(FamilyPayInput{
		Leave:        FamilyLeave{Kind: Maternity, Expected: civil.MustParse("2025-11-10"), From: civil.MustParse("2025-11-02"), Weeks: 39},
		EmployedFrom: civil.MustParse("2024-01-08"),
		Paid:         weeklyPay("2025-01-03", "2025-10-31", 12000),
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Due || len(r.Weeks) != 0 || r.Total != 0 || r.AmountBetween(civil.MustParse("2025-11-01"), civil.MustParse("2026-08-31")) != 0 {
		t.Fatalf("due %v, %d weeks, total %s", r.Due, len(r.Weeks), r.Total.Format())
	}
	if len(r.Reasons) != 1 || !strings.Contains(r.Reasons[0], "£120.00") || !strings.Contains(r.Reasons[0], "below the lower earnings limit of £125.00") {
		t.Errorf("reasons %q", r.Reasons)
	}
	if !strings.Contains(r.Tell, "form SMP1") || !strings.Contains(r.Tell, "Maternity Allowance") {
		t.Errorf("tell %q, want form SMP1 and Maternity Allowance", r.Tell)
	}
}

// gov.uk "Statutory Maternity Pay: employer guide": 26 weeks' continuous
// employment into the qualifying week. With the qualifying week 27 July to
// 2 August 2025 the latest start is Saturday 8 February 2025; one who
// started on Monday 10 February had 25 weeks.
func TestSMPTooShortEmployment(t *testing.T) {
	leave := FamilyLeave{Kind: Maternity, Expected: civil.MustParse("2025-11-10"), From: civil.MustParse("2025-11-02"), Weeks: 39}
	paid := weeklyPay("2025-02-14", "2025-10-31", 40000)
	ok, err := FamilyPay(FamilyPayInput{Leave: leave, EmployedFrom: civil.MustParse("2025-02-08"), Paid: paid})
	if err != nil || !ok.Due || ok.LatestStart != civil.MustParse("2025-02-08") {
		t.Errorf("started on the latest day: due %v, latest %s, %v %q", ok.Due, ok.LatestStart.UK(), err, ok.Reasons)
	}
	r, err := FamilyPay(FamilyPayInput{Leave: leave, EmployedFrom: civil.MustParse("2025-02-10"), Paid: paid})
	if err != nil {
		t.Fatal(err)
	}
	if r.Due || !strings.Contains(strings.Join(r.Reasons, " "), "25 weeks, not the 26 weeks needed") || !strings.Contains(r.Tell, "SMP1") {
		t.Errorf("due %v, reasons %q, tell %q", r.Due, r.Reasons, r.Tell)
	}
	left, _ := FamilyPay(FamilyPayInput{Leave: leave, EmployedFrom: civil.MustParse("2024-01-08"), LeftOn: civil.MustParse("2025-07-20"), Paid: paid})
	if left.Due || !strings.Contains(strings.Join(left.Reasons, " "), "before the qualifying week") {
		t.Errorf("left before the qualifying week: due %v %q", left.Due, left.Reasons)
	}
}

// SMP is not paid for a week in which she works (SSCBA s.165(4)): leave
// ending on a Wednesday pays the weeks before the one it ends in.
func TestSMPWeekCutShortIsNotPaid(t *testing.T) {
	r, err := FamilyPay(FamilyPayInput{
		Leave:        FamilyLeave{Kind: Maternity, Expected: civil.MustParse("2025-11-10"), From: civil.MustParse("2025-11-02"), To: civil.MustParse("2025-12-24"), Weeks: 39},
		EmployedFrom: civil.MustParse("2024-01-08"), Paid: weeklyPay("2025-01-03", "2025-10-31", 40000),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Weeks) != 7 || r.Total != 6*36000+18718 || !strings.Contains(strings.Join(r.Reasons, " "), "21/12/2025 to 27/12/2025 is not paid") {
		t.Errorf("%d weeks, total %s, reasons %q", len(r.Weeks), r.Total.Format(), r.Reasons)
	}
}

// gov.uk "Statutory Paternity Pay and Leave: employer guide": 1 or 2 weeks
// at £187.18 (2025-26) or 90% of AWE if lower, from the birth, within 52
// weeks of it, the same qualifying week as SMP.
func TestSPPAndShPPAtTheLowerRate(t *testing.T) {
	base := FamilyPayInput{EmployedFrom: civil.MustParse("2024-01-08"), Paid: weeklyPay("2025-01-03", "2025-10-31", 40000)}
	in := base
	in.Leave = FamilyLeave{Kind: Paternity, Expected: civil.MustParse("2025-11-10"), Birth: civil.MustParse("2025-11-12"), From: civil.MustParse("2025-11-13"), Weeks: 2}
	r, err := FamilyPay(in)
	if err != nil || !r.Due || r.Total != 2*18718 {
		t.Errorf("SPP: due %v, total %s, %v %q", r.Due, r.Total.Format(), err, r.Reasons)
	}
	in.Leave.Birth = civil.Date{}
	r, _ = FamilyPay(in)
	if !r.Due || len(r.Weeks) != 0 || !strings.Contains(strings.Join(r.Reasons, " "), "enter its date when it comes") {
		t.Errorf("SPP before the birth: due %v, weeks %d, %q", r.Due, len(r.Weeks), r.Reasons)
	}
	low := FamilyPayInput{EmployedFrom: base.EmployedFrom, Paid: weeklyPay("2025-01-03", "2025-10-31", 15000)}
	low.Leave = FamilyLeave{Kind: SharedParental, Expected: civil.MustParse("2025-11-10"), Birth: civil.MustParse("2025-11-12"), From: civil.MustParse("2026-03-01"), Weeks: 10}
	r, err = FamilyPay(low)
	if err != nil || !r.Due || len(r.Weeks) != 10 || r.Total != 10*13500 {
		t.Errorf("ShPP at 90%% of £150.00: due %v, %d weeks, total %s, %v %q", r.Due, len(r.Weeks), r.Total.Format(), err, r.Reasons)
	}
}

// gov.uk "Statutory Adoption Pay and Leave: employer guide": 26 weeks by
// the matching week; 39 weeks, the first 6 at 90% of AWE. Someone who
// started too late gets form SAP1.
func TestSAP(t *testing.T) {
	in := FamilyPayInput{
		Leave:        FamilyLeave{Kind: Adoption, Matched: civil.MustParse("2025-09-03"), From: civil.MustParse("2025-10-01"), Weeks: 39},
		EmployedFrom: civil.MustParse("2024-01-08"), Paid: weeklyPay("2025-01-03", "2025-10-31", 30000),
	}
	r, err := FamilyPay(in)
	if err != nil || !r.Due || r.QualifyingWeek != civil.MustParse("2025-08-31") || r.AWE.To != civil.MustParse("2025-09-05") || r.Weeks[0].Rate != 27000 || r.Weeks[6].Rate != 18718 {
		t.Fatalf("SAP: due %v, matching week %s, relevant period to %s, weeks %+v, %v %q", r.Due, r.QualifyingWeek.UK(), r.AWE.To.UK(), r.Weeks[:1], err, r.Reasons)
	}
	in.EmployedFrom = civil.MustParse("2025-06-02")
	r, _ = FamilyPay(in)
	if r.Due || !strings.Contains(r.Tell, "SAP1") {
		t.Errorf("SAP after 13 weeks' employment: due %v, tell %q", r.Due, r.Tell)
	}
}

// gov.uk "Statutory Parental Bereavement Pay and Leave: employer guide":
// 26 weeks up to the end of the relevant week (the week before the week of
// the death), 1 or 2 weeks within 56 weeks, at the lower of the flat rate
// and 90%; and gov.uk "Statutory Neonatal Care Pay and Leave: employer
// guide": for babies born on or after 6 April 2025, up to 12 weeks within
// 68 weeks of the birth.
func TestSPBPAndSNCP(t *testing.T) {
	paid := weeklyPay("2025-01-03", "2025-12-26", 40000)
	r, err := FamilyPay(FamilyPayInput{Leave: FamilyLeave{Kind: Bereavement, Death: civil.MustParse("2025-10-15"), From: civil.MustParse("2025-10-20"), Weeks: 2},
		EmployedFrom: civil.MustParse("2025-04-01"), Paid: paid})
	if err != nil || !r.Due || r.QualifyingWeek != civil.MustParse("2025-10-05") || r.Total != 2*18718 {
		t.Errorf("SPBP: due %v, relevant week %s, total %s, %v %q", r.Due, r.QualifyingWeek.UK(), r.Total.Format(), err, r.Reasons)
	}
	r, _ = FamilyPay(FamilyPayInput{Leave: FamilyLeave{Kind: Bereavement, Death: civil.MustParse("2025-10-15"), From: civil.MustParse("2025-10-20"), Weeks: 2},
		EmployedFrom: civil.MustParse("2025-04-21"), Paid: paid})
	if r.Due || !strings.Contains(r.Tell, "SPBP1") {
		t.Errorf("SPBP after 25 weeks: due %v, tell %q", r.Due, r.Tell)
	}

	r, err = FamilyPay(FamilyPayInput{Leave: FamilyLeave{Kind: Neonatal, Birth: civil.MustParse("2025-11-05"), CareFrom: civil.MustParse("2025-11-05"), From: civil.MustParse("2025-11-06"), Weeks: 3},
		EmployedFrom: civil.MustParse("2024-01-08"), Paid: paid})
	if err != nil || !r.Due || r.QualifyingWeek != civil.MustParse("2025-10-26") || r.Total != 3*18718 {
		t.Errorf("SNCP: due %v, relevant week %s, total %s, %v %q", r.Due, r.QualifyingWeek.UK(), r.Total.Format(), err, r.Reasons)
	}
	r, err = FamilyPay(FamilyPayInput{Leave: FamilyLeave{Kind: Neonatal, Birth: civil.MustParse("2025-03-30"), CareFrom: civil.MustParse("2025-03-30"), From: civil.MustParse("2025-04-07"), Weeks: 3},
		EmployedFrom: civil.MustParse("2024-01-08"), Paid: paid})
	if err != nil || r.Due || !strings.Contains(strings.Join(r.Reasons, " "), "born on or after 6 April 2025") {
		t.Errorf("SNCP for a baby born before 6 April 2025: due %v %v %q", r.Due, err, r.Reasons)
	}
}

// Weeks beyond the rates the toolkit holds are not paid, and say so.
func TestFamilyPayWeeksWithNoRateYet(t *testing.T) {
	r, err := FamilyPay(FamilyPayInput{
		Leave:        FamilyLeave{Kind: Maternity, Expected: civil.MustParse("2026-10-12"), From: civil.MustParse("2026-10-04"), Weeks: 39},
		EmployedFrom: civil.MustParse("2024-01-08"), Paid: weeklyPay("2026-01-02", "2026-10-02", 40000),
	})
	if err != nil {
		t.Fatal(err)
	}
	// 26 weeks from 4 October 2026 start before Sunday 4 April 2027.
	if len(r.Weeks) != 26 || !strings.Contains(strings.Join(r.Reasons, " "), "04/04/2027 is not paid yet") {
		t.Errorf("%d weeks, reasons %q", len(r.Weeks), r.Reasons)
	}
}

func TestFamilyLeaveRefusals(t *testing.T) {
	ok := FamilyLeave{Kind: Maternity, Expected: civil.MustParse("2025-11-10"), From: civil.MustParse("2025-11-02"), Weeks: 39}
	for _, tt := range []struct {
		name, field, want string
		edit              func(*FamilyLeave)
	}{
		{"no kind", "kind", "Choose the kind of leave", func(l *FamilyLeave) { l.Kind = "" }},
		{"unknown kind", "kind", "Choose the kind of leave", func(l *FamilyLeave) { l.Kind = "holiday" }},
		{"no due date", "expected", "MATB1", func(l *FamilyLeave) { l.Expected = civil.Date{} }},
		{"no start", "from", "first day of the maternity leave", func(l *FamilyLeave) { l.From = civil.Date{} }},
		{"ends before it starts", "to", "before it starts", func(l *FamilyLeave) { l.To = civil.MustParse("2025-11-01") }},
		{"too many weeks", "weeks", "1 to 39 weeks", func(l *FamilyLeave) { l.Weeks = 40 }},
		{"no weeks", "weeks", "1 to 39 weeks", func(l *FamilyLeave) { l.Weeks = 0 }},
		{"too early", "from", "no earlier than 24/08/2025", func(l *FamilyLeave) { l.From = civil.MustParse("2025-08-23") }},
		{"three weeks of SPP", "weeks", "1 to 2 weeks", func(l *FamilyLeave) { l.Kind, l.Weeks = Paternity, 3 }},
		{"adoption with no match", "matched", "matched", func(l *FamilyLeave) { l.Kind = Adoption }},
		{"bereavement with no date", "death", "died or was stillborn", func(l *FamilyLeave) { l.Kind, l.Weeks = Bereavement, 1 }},
		{"neonatal with no birth", "birth", "date of birth", func(l *FamilyLeave) { l.Kind, l.Weeks = Neonatal, 1 }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := ok
			tt.edit(&l)
			err := l.Validate()
			var fe field.Error
			if !errors.Is(err, ErrInvalid) || !errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v (field %q), want field %q saying %q", err, fe.Field, tt.field, tt.want)
			}
			if _, err := FamilyPay(FamilyPayInput{Leave: l, EmployedFrom: civil.MustParse("2024-01-08")}); !errors.Is(err, ErrInvalid) {
				t.Errorf("FamilyPay took it: %v", err)
			}
		})
	}
	if err := ok.Validate(); err != nil {
		t.Errorf("a good episode refused: %v", err)
	}
	for _, s := range []string{"maternity", "SMP", " shpp ", "Neonatal"} {
		if _, err := ParseFamilyPayKind(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
}
