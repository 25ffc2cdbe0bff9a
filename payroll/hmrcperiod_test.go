package payroll

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/field"
)

func TestHMRCPeriodOf(t *testing.T) {
	tests := []struct {
		name      string
		date      string
		quarterly bool
		want      HMRCPeriod
	}{
		{"6 April starts month 1", "2026-04-06", false, HMRCPeriod{2026, false, 1}},
		{"5 April ends month 12 of the year before", "2026-04-05", false, HMRCPeriod{2025, false, 12}},
		{"5 May is still month 1", "2026-05-05", false, HMRCPeriod{2026, false, 1}},
		{"6 May starts month 2", "2026-05-06", false, HMRCPeriod{2026, false, 2}},
		{"5 December is month 8", "2026-12-05", false, HMRCPeriod{2026, false, 8}},
		{"6 December is month 9", "2026-12-06", false, HMRCPeriod{2026, false, 9}},
		{"1 January is month 9", "2027-01-01", false, HMRCPeriod{2026, false, 9}},
		{"6 January is month 10", "2027-01-06", false, HMRCPeriod{2026, false, 10}},
		{"6 March is month 12", "2027-03-06", false, HMRCPeriod{2026, false, 12}},
		{"6 April starts quarter 1", "2026-04-06", true, HMRCPeriod{2026, true, 1}},
		{"5 July ends quarter 1", "2026-07-05", true, HMRCPeriod{2026, true, 1}},
		{"6 July starts quarter 2", "2026-07-06", true, HMRCPeriod{2026, true, 2}},
		{"5 October ends quarter 2", "2026-10-05", true, HMRCPeriod{2026, true, 2}},
		{"6 October starts quarter 3", "2026-10-06", true, HMRCPeriod{2026, true, 3}},
		{"5 January ends quarter 3", "2027-01-05", true, HMRCPeriod{2026, true, 3}},
		{"6 January starts quarter 4", "2027-01-06", true, HMRCPeriod{2026, true, 4}},
		{"5 April ends quarter 4", "2027-04-05", true, HMRCPeriod{2026, true, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := civil.MustParse(tt.date)
			got := HMRCPeriodOf(d, tt.quarterly)
			if got != tt.want {
				t.Fatalf("HMRCPeriodOf(%s) = %+v, want %+v", tt.date, got, tt.want)
			}
			if !got.Contains(d) {
				t.Errorf("%s does not contain %s", got.Key(), tt.date)
			}
		})
	}
}

func TestHMRCPeriods(t *testing.T) {
	for _, q := range []bool{false, true} {
		name := "monthly"
		if q {
			name = "quarterly"
		}
		t.Run(name, func(t *testing.T) {
			ps := HMRCPeriods(2026, q)
			if want := map[bool]int{false: 12, true: 4}[q]; len(ps) != want {
				t.Fatalf("%d periods, want %d", len(ps), want)
			}
			// They tile the tax year with no gap or overlap.
			next := TaxYear(2026).Start()
			for i, p := range ps {
				if p.N != i+1 || p.Start() != next || p.Start().Day != 6 || p.End().Day != 5 {
					t.Fatalf("period %d: %+v %s to %s", i, p, p.Start(), p.End())
				}
				if HMRCPeriodOf(p.Start(), q) != p || HMRCPeriodOf(p.End(), q) != p {
					t.Errorf("%s: its own days are not in it", p.Key())
				}
				if p.Contains(p.Start().AddDays(-1)) || p.Contains(p.End().AddDays(1)) {
					t.Errorf("%s: holds a day outside it", p.Key())
				}
				next = p.End().AddDays(1)
			}
			if next != TaxYear(2027).Start() {
				t.Errorf("the periods end on %s", next.AddDays(-1))
			}
		})
	}
}

func TestHMRCPeriodKeyLabel(t *testing.T) {
	tests := []struct {
		p          HMRCPeriod
		key, label string
	}{
		{HMRCPeriod{2026, false, 1}, "2026-27 M01", "Month 1: 6 April to 5 May 2026"},
		{HMRCPeriod{2026, false, 8}, "2026-27 M08", "Month 8: 6 November to 5 December 2026"},
		{HMRCPeriod{2026, false, 9}, "2026-27 M09", "Month 9: 6 December 2026 to 5 January 2027"},
		{HMRCPeriod{2026, false, 12}, "2026-27 M12", "Month 12: 6 March to 5 April 2027"},
		{HMRCPeriod{2026, true, 1}, "2026-27 Q1", "Quarter 1: 6 April to 5 July 2026"},
		{HMRCPeriod{2026, true, 3}, "2026-27 Q3", "Quarter 3: 6 October 2026 to 5 January 2027"},
		{HMRCPeriod{1999, true, 4}, "1999-00 Q4", "Quarter 4: 6 January to 5 April 2000"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if got := tt.p.Key(); got != tt.key {
				t.Errorf("Key = %q, want %q", got, tt.key)
			}
			if got := tt.p.Label(); got != tt.label {
				t.Errorf("Label = %q, want %q", got, tt.label)
			}
			back, err := ParseHMRCPeriod(tt.key)
			if err != nil || back != tt.p {
				t.Errorf("ParseHMRCPeriod(%q) = %+v, %v", tt.key, back, err)
			}
		})
	}
}

func TestParseHMRCPeriodRefuses(t *testing.T) {
	for _, s := range []string{
		"", "2026-27", "2026-27 ", "2026-27 M8", "2026-27 M13", "2026-27 M00", "2026-27 Q0", "2026-27 Q5",
		"2026-27 Q03", "2026/27 M08", "2026-28 M08", " 2026-27 M08", "2026-27 M08 ", "2026-27  M08",
		"2026-27 m08", "2026-27 W08", "2026-27 M+8", "2026-27 M-1", "abcd-ef M01", "2026-27 Mx1",
	} {
		t.Run(s, func(t *testing.T) {
			_, err := ParseHMRCPeriod(s)
			if err == nil {
				t.Fatal("accepted")
			}
			var fe field.Error
			if !errors.Is(err, ErrInvalid) || !errors.As(err, &fe) || !strings.Contains(err.Error(), "2026-27 M08") {
				t.Errorf("error %v", err)
			}
		})
	}
}

func TestHMRCPeriodDueDate(t *testing.T) {
	holiday := func(days ...string) func(civil.Date) bool {
		return func(d civil.Date) bool {
			for _, h := range days {
				if d == civil.MustParse(h) {
					return true
				}
			}
			return false
		}
	}
	tests := []struct {
		name      string
		p         HMRCPeriod
		isHoliday func(civil.Date) bool
		want      string
	}{
		{"month 1 on a Friday", HMRCPeriod{2026, false, 1}, nil, "2026-05-22"},
		{"month 4: Saturday 22 August moves to Friday", HMRCPeriod{2026, false, 4}, nil, "2026-08-21"},
		{"month 7: Sunday 22 November moves to Friday 20", HMRCPeriod{2026, false, 7}, nil, "2026-11-20"},
		{"month 8 on a Tuesday", HMRCPeriod{2026, false, 8}, nil, "2026-12-22"},
		{"month 12 is due in April of the next year", HMRCPeriod{2026, false, 12}, nil, "2027-04-22"},
		{"month 2: a bank holiday on Monday 22 June moves to Friday 19", HMRCPeriod{2026, false, 2}, holiday("2026-06-22"), "2026-06-19"},
		{"a holiday on the Friday before a weekend 22nd", HMRCPeriod{2026, false, 7}, holiday("2026-11-20"), "2026-11-19"},
		{"a holiday func that says no", HMRCPeriod{2026, false, 1}, holiday(), "2026-05-22"},
		{"quarter 1 due 22 July", HMRCPeriod{2026, true, 1}, nil, "2026-07-22"},
		{"quarter 2 due 22 October", HMRCPeriod{2026, true, 2}, nil, "2026-10-22"},
		{"quarter 3 due 22 January", HMRCPeriod{2026, true, 3}, nil, "2027-01-22"},
		{"quarter 4 due 22 April", HMRCPeriod{2026, true, 4}, nil, "2027-04-22"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.DueDate(tt.isHoliday); got != civil.MustParse(tt.want) {
				t.Errorf("DueDate = %s (%s), want %s", got, got.Weekday(), tt.want)
			}
		})
	}
	t.Run("every day a holiday still ends", func(t *testing.T) {
		got := HMRCPeriod{2026, false, 1}.DueDate(func(civil.Date) bool { return true })
		if got.IsZero() || got.After(civil.MustParse("2026-05-22")) {
			t.Errorf("DueDate = %s", got)
		}
	})
}

func TestFilings(t *testing.T) {
	d := civil.MustParse
	type want struct {
		kind FilingKind
		due  string
		key  string
	}
	tests := []struct {
		name     string
		paydays  []string
		from, to string
		claim    bool
		want     []want
	}{
		{
			name:    "monthly paydays all year, allowance claimed",
			paydays: []string{"2026-04-28", "2026-05-28", "2026-06-26"},
			from:    "2026-04-28", to: "2026-07-10", claim: true,
			want: []want{
				{FilingFPS, "2026-04-28", "2026-27 M01"},
				{FilingAllowanceEPS, "2026-05-19", "2026-27 M01"},
				{FilingFPS, "2026-05-28", "2026-27 M02"},
				{FilingFPS, "2026-06-26", "2026-27 M03"},
			},
		},
		{
			name:    "a month with no payday needs a nil EPS once it is over",
			paydays: []string{"2026-04-28", "2026-06-26", "2026-06-26", "2025-12-01", "2027-04-06"},
			from:    "2026-04-28", to: "2026-08-05",
			want: []want{
				{FilingFPS, "2026-04-28", "2026-27 M01"},
				{FilingNilEPS, "2026-06-19", "2026-27 M02"},
				{FilingFPS, "2026-06-26", "2026-27 M03"},
				{FilingNilEPS, "2026-08-19", "2026-27 M04"},
			},
		},
		{
			name:    "months before the first payday and not yet over are left out",
			paydays: []string{"2026-09-30"},
			from:    "2026-09-30", to: "2026-12-04",
			want: []want{
				{FilingFPS, "2026-09-30", "2026-27 M06"},
				{FilingNilEPS, "2026-11-19", "2026-27 M07"},
			},
		},
		{
			name:    "the allowance goes with the first month that holds a payday, though paydays come unsorted",
			paydays: []string{"2026-12-18", "2026-10-16"},
			from:    "2026-10-16", to: "2026-11-05", claim: true,
			want: []want{
				{FilingFPS, "2026-10-16", "2026-27 M07"},
				{FilingAllowanceEPS, "2026-11-19", "2026-27 M07"},
				{FilingFPS, "2026-12-18", "2026-27 M09"},
			},
		},
		{
			name:    "FPS before EPS on the same day",
			paydays: []string{"2026-05-19"},
			from:    "2026-04-06", to: "2026-05-05", claim: true,
			want: []want{
				{FilingFPS, "2026-05-19", "2026-27 M02"},
				{FilingNilEPS, "2026-05-19", "2026-27 M01"},
				{FilingAllowanceEPS, "2026-06-19", "2026-27 M02"},
			},
		},
		{
			name:    "the EPS deadline is not moved off a Sunday",
			paydays: []string{"2026-04-30", "2026-05-29"},
			from:    "2026-04-30", to: "2026-07-05",
			want: []want{
				{FilingFPS, "2026-04-30", "2026-27 M01"},
				{FilingFPS, "2026-05-29", "2026-27 M02"},
				{FilingNilEPS, "2026-07-19", "2026-27 M03"},
			},
		},
		{
			name:    "no payday in the year: no allowance claim, and no nil EPS without a start",
			paydays: nil, from: "", to: "2027-04-05", claim: true,
			want: nil,
		},
		{
			name:    "year end: month 12 ends on 5 April",
			paydays: []string{"2027-02-26"},
			from:    "2027-02-26", to: "2027-04-05",
			want: []want{
				{FilingFPS, "2027-02-26", "2026-27 M11"},
				{FilingNilEPS, "2027-04-19", "2026-27 M12"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var paydays []civil.Date
			for _, p := range tt.paydays {
				paydays = append(paydays, d(p))
			}
			from, _ := civil.ParseOptional(tt.from)
			to, _ := civil.ParseOptional(tt.to)
			got := Filings(2026, paydays, from, to, tt.claim)
			// A year with a payday ends with its year end: the final
			// submission by 19 April and the P60s by 31 May.
			for _, p := range paydays {
				if TaxYear(2026).Contains(p) {
					tt.want = append(tt.want, want{FilingFinal, "2027-04-19", "2026-27 M12"}, want{FilingP60, "2027-05-31", "2026-27 M12"})
					break
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d filings, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Kind != w.kind || g.Due != d(w.due) || g.Period.Key() != w.key || g.What == "" {
					t.Errorf("filing %d = %s %s %s %q, want %s %s %s", i, g.Kind, g.Due, g.Period.Key(), g.What, w.kind, w.due, w.key)
				}
				if (g.Kind == FilingFPS) != !g.Payday.IsZero() || (g.Kind == FilingFPS && g.Payday != g.Due) {
					t.Errorf("filing %d: payday %s", i, g.Payday)
				}
			}
		})
	}
	t.Run("wording", func(t *testing.T) {
		got := Filings(2026, []civil.Date{d("2026-11-28")}, d("2026-10-06"), d("2026-11-05"), true)
		want := []string{
			"Nil Employer Payment Summary (EPS) for tax month 7 (6 October 2026 to 5 November 2026): no one was paid, so tell HMRC by 19/11/2026.",
			"Full Payment Submission (FPS) for the payday 28/11/2026: send it on or before the payday.",
			"Employment Allowance claim for 2026-27 on an Employer Payment Summary (EPS): send it by 19/12/2026, with your first EPS of the year (HMRC accepts the claim at any time in the tax year).",
			"The year end for 2026-27: tell HMRC the year's payroll is complete. On the FPS of the last payday of the year answer Yes to \"final submission for the tax year\"; if that FPS has gone without it, send an EPS marked final for the year instead, by 19 April.",
			"P60s for 2026-27: give one to each PA who worked for you on 5 April 2027, by 31 May (they are not sent to HMRC).",
		}
		if len(got) != len(want) {
			t.Fatalf("%+v", got)
		}
		for i := range want {
			if got[i].What != want[i] {
				t.Errorf("What %d = %q\nwant %q", i, got[i].What, want[i])
			}
		}
	})
}

func TestPenaltyWords(t *testing.T) {
	tests := []struct {
		employees int
		amount    string
	}{{0, "£100"}, {1, "£100"}, {9, "£100"}, {10, "£200"}, {49, "£200"}, {50, "£300"}, {249, "£300"}, {250, "£400"}, {5000, "£400"}}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.employees)+" employees", func(t *testing.T) {
			s := LateFilingPenalty(tt.employees)
			for _, part := range []string{tt.amount + " for each month", "first late month in a tax year is not penalised", "more than 3 months late", "5% of the tax and National Insurance"} {
				if !strings.Contains(s, part) {
					t.Errorf("%q lacks %q", s, part)
				}
			}
		})
	}
	t.Run("late payment", func(t *testing.T) {
		s := LatePaymentPenalty()
		for _, part := range []string{"first late payment in a tax year has no penalty", "1% ", "1st to 3rd", "2% for the 4th to 6th", "3% for the 7th to 9th", "4% for the 10th", "after 6 months", "another 5% after 12 months", "Interest"} {
			if !strings.Contains(s, part) {
				t.Errorf("%q lacks %q", s, part)
			}
		}
	})
}
