package rota

import (
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

// benchPatterns is a busy household: six PAs, eleven visits a day. A
// weekly pattern has ten day visits every day, shared among PAs 1 to 5 in
// turn; a fortnightly pattern has a sleep-in every night (PA 6 in week 1;
// PA 5 Monday to Thursday and PA 6 Friday to Sunday in week 2).
func benchPatterns() []Pattern {
	slots := [][2]string{
		{"07:00", "08:00"}, {"08:00", "09:00"}, {"09:00", "10:30"}, {"10:30", "12:00"}, {"12:00", "13:00"},
		{"13:00", "14:30"}, {"14:30", "16:00"}, {"16:00", "17:30"}, {"17:30", "19:00"}, {"19:00", "21:00"},
	}
	from := civil.MustParse("2026-04-06")
	day := Pattern{ID: 1, Name: "Days", Cycle: 1, From: from}
	for wd := 0; wd < 7; wd++ {
		for i, s := range slots {
			st, _ := ParseClock(s[0])
			en, _ := ParseClock(s[1])
			day.Entries = append(day.Entries, PatternEntry{PAID: int64((i+wd)%5 + 1), Week: 1, Weekday: time.Weekday(wd),
				Start: st, End: en, Type: Day})
		}
	}
	night := Pattern{ID: 2, Name: "Nights", Cycle: 2, Anchor: from, From: from}
	for wd := 0; wd < 7; wd++ {
		night.Entries = append(night.Entries, PatternEntry{PAID: 6, Week: 1, Weekday: time.Weekday(wd), Start: 22 * 60, End: 7 * 60, Type: SleepIn})
		pa := int64(6)
		if wd >= 1 && wd <= 4 {
			pa = 5
		}
		night.Entries = append(night.Entries, PatternEntry{PAID: pa, Week: 2, Weekday: time.Weekday(wd), Start: 22 * 60, End: 7 * 60, Type: SleepIn})
	}
	return []Pattern{day, night}
}

var (
	benchFrom = civil.MustParse("2026-04-06")
	benchTo   = civil.MustParse("2027-04-04")
)

// fillYear fills the year from the bench patterns and numbers the shifts.
func fillYear(tb testing.TB) []Shift { return fillYearFrom(tb, benchPatterns()) }

// fillYearFrom fills the year from pats and numbers the shifts.
func fillYearFrom(tb testing.TB, pats []Pattern) []Shift {
	var all []Shift
	for _, p := range pats {
		occ, err := p.Occurrences(benchFrom, benchTo)
		if err != nil {
			tb.Fatal(err)
		}
		all = append(all, occ...)
	}
	for i := range all {
		all[i].ID = int64(i + 1)
	}
	return all
}

func benchInput(shifts []Shift) CheckInput {
	pas := map[int64]CheckPA{}
	for id := int64(1); id <= 6; id++ {
		pas[id] = CheckPA{Name: "PA " + string(rune('0'+id))}
	}
	rates := Rates{Day: 1300, WakingNight: 1400, Weekend: 1450, BankHoliday: 2000, SleepIn: 9000}
	return CheckInput{
		Shifts:                shifts,
		PAs:                   pas,
		SupportMinutesPerWeek: 70 * 60,
		From:                  benchFrom,
		To:                    benchTo,
		HourlyRate: func(_ int64, d civil.Date, t ShiftType) (money.Money, bool) {
			return rates.HourlyFor(d, t), true
		},
		MinimumWage: func(int64, civil.Date) (money.Money, string, bool) {
			return 1271, "National Living Wage for 21 and over", true
		},
	}
}

func TestBenchRotaIsAYearOfSixPAs(t *testing.T) {
	shifts := fillYear(t)
	if n := len(shifts); n != 364*11 {
		t.Errorf("a year of the busy rota has %d shifts, want %d", n, 364*11)
	}
	pas := map[int64]bool{}
	for _, s := range shifts {
		pas[s.PAID] = true
		if err := s.Validate(); err != nil {
			t.Fatal(err)
		}
	}
	if len(pas) != 6 {
		t.Errorf("%d PAs", len(pas))
	}
	ws := Check(benchInput(shifts))
	seen := map[string]int{}
	for _, w := range ws {
		seen[w.Rule]++
	}
	// The busy rota breaks some rules: enough to exercise the checks.
	if seen[RuleRest11h] == 0 || seen[RuleOverlap] != 0 {
		t.Errorf("warnings by rule: %v", seen)
	}
}

// BenchmarkFillYearSixPAs fills a year of patterns for six PAs (4,004
// shifts) and runs every check on it.
func BenchmarkFillYearSixPAs(b *testing.B) {
	pats := benchPatterns()
	b.ReportAllocs()
	for b.Loop() {
		_ = Check(benchInput(fillYearFrom(b, pats)))
	}
}

// BenchmarkCheckYear runs every check on a year's rota already filled.
func BenchmarkCheckYear(b *testing.B) {
	in := benchInput(fillYear(b))
	b.ReportAllocs()
	for b.Loop() {
		_ = Check(in)
	}
}

// BenchmarkWeekView builds one week's view, with its warnings, from a
// year's shifts.
func BenchmarkWeekView(b *testing.B) {
	shifts := fillYear(b)
	ws := Check(benchInput(shifts))
	pas := []WeekPA{{1, "Sarah Jones"}, {2, "Ali Khan"}, {3, "Zoë Ní Bhriain"}, {4, "Jan Kowalski"}, {5, "Priya Patel"}, {6, "Tom Evans"}}
	week := civil.MustParse("2026-10-19")
	b.ReportAllocs()
	for b.Loop() {
		w := BuildWeek(week, shifts, pas, false)
		w.AttachWarnings(ws)
	}
}
