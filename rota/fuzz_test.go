package rota

import (
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

// FuzzRules feeds arbitrary shifts to every rule: none may panic.
func FuzzRules(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, int64(0), true)
	f.Add([]byte{0, 255, 0, 255, 7, 7, 7, 7, 200, 1, 2, 3}, int64(-86400*400), false)
	f.Fuzz(func(t *testing.T, data []byte, shift int64, byDay bool) {
		base := time.Date(2026, 3, 20, 0, 0, 0, 0, London()).Add(time.Duration(shift%(86400*3650)) * time.Second)
		types := []ShiftType{Day, WakingNight, SleepIn, "odd"}
		var ss []Shift
		for i := 0; i+5 < len(data) && len(ss) < 64; i += 6 {
			start := base.Add(time.Duration(int(data[i])*53+int(data[i+1])) * time.Minute * 7)
			end := start.Add(time.Duration(int(data[i+2])*int(data[i+3])-2000) * time.Minute)
			st := Statuses[int(data[i+4])%len(Statuses)]
			s := Shift{ID: int64(len(ss) + 1), PAID: int64(data[i+4] % 4), Start: start, End: end,
				Type: types[data[i+5]%4], BreakMinutes: int(data[i+5]) - 20, WokenMinutes: int(data[i+3]) - 10,
				Status: st, CoverForPAID: int64(data[i+5] % 3)}
			ss = append(ss, s)
		}
		from := civil.Of(base.In(London()))
		in := CheckInput{Shifts: ss, From: from, To: from.AddDays(int(shift % 400)), SupportMinutesPerWeek: int(shift % 5000),
			AllowTwoToOne: byDay, HandoverMinutes: int(shift % 60),
			HourlyRate:  func(int64, civil.Date, ShiftType) (money.Money, bool) { return money.Money(shift % 2000), shift%3 != 0 },
			MinimumWage: func(int64, civil.Date) (money.Money, string, bool) { return 1271, "NLW", shift%5 != 0 }}
		ws := Check(in)
		in.From, in.To = civil.Date{}, civil.Date{}
		_ = Check(in)
		w := BuildWeek(from, ss, []WeekPA{{1, "A"}, {2, "B"}}, byDay)
		w.AttachWarnings(ws)
		p := Pos{int(shift % 9), int(shift % 11), int(shift % 3)}
		for _, d := range []Direction{Up, Down, Left, Right, Direction(9)} {
			p = w.Move(p, d)
			_ = w.Describe(p)
		}
		for _, s := range ss {
			_, _ = CostShift(s, fixedRates(testRates))
			_ = paidParts(s)
			_, _ = Cover(s, 2)
			_, _ = AgencyCover(s)
			_, _ = Reinstate(s)
			_ = Overlaps(ss, s)
		}
		ts, err := NewTimesheet(1, from, from.AddDays(30), ss)
		if err == nil {
			_ = ts.Differences()
			_ = ts.Totals()
			_, _ = ts.Pay(fixedRates(testRates))
		}
		_ = HolidayTaken(ss, []Absence{{PAID: 1, Kind: Holiday, From: from, To: from.AddDays(10)}}, 1, from, from.AddDays(40))
	})
}
