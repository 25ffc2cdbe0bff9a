package rota

import (
	"fmt"
	"sort"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/payroll"
	"patoolkit/text"
)

// LeaveYear is a PA's holiday year, From to To inclusive.
type LeaveYear struct{ From, To civil.Date }

// Days is the number of days in the leave year (365 or 366).
func (y LeaveYear) Days() int { return y.To.DaysSince(y.From) + 1 }

// Contains reports whether d is a day of the leave year.
func (y LeaveYear) Contains(d civil.Date) bool { return !d.Before(y.From) && !d.After(y.To) }

// PALeaveYearOn returns the PA's leave year that d falls in: from the day
// and month of their LeaveYearFrom when set, else of their start date.
// The first leave year may begin before the PA started (they are then
// employed for part of it).
func PALeaveYearOn(p household.PA, d civil.Date) (LeaveYear, error) {
	anchor := p.StartDate
	if !p.LeaveYearFrom.IsZero() && !p.StartDate.IsZero() {
		anchor = anniversary(p.LeaveYearFrom, p.StartDate.Year)
		if anchor.After(p.StartDate) {
			anchor = anniversary(p.LeaveYearFrom, p.StartDate.Year-1)
		}
	}
	return LeaveYearOn(anchor, d)
}

// LeaveYearOn returns the leave year that d falls in for leave years that
// run from the day and month of start each year, start being the first
// day of the first one. A start on 29 February gives leave years from 28
// February in other years.
func LeaveYearOn(start, d civil.Date) (LeaveYear, error) {
	if start.IsZero() {
		return LeaveYear{}, invalidf("Enter the PA's start date: their leave year runs from it.")
	}
	if d.IsZero() {
		return LeaveYear{}, invalidf("Choose the day to work the holiday out on.")
	}
	if d.Before(start) {
		return LeaveYear{}, refusedf("The PA had not started by %s (they start on %s), so they have no leave year yet.", d.UK(), start.UK())
	}
	from := anniversary(start, d.Year)
	if from.After(d) {
		from = anniversary(start, d.Year-1)
	}
	return LeaveYear{From: from, To: anniversary(start, from.Year+1).AddDays(-1)}, nil
}

// anniversary is start's day and month in year y, the day kept inside the
// month (29 February is 28 February outside leap years).
func anniversary(start civil.Date, y int) civil.Date {
	last := civil.New(y, start.Month+1, 1).AddDays(-1).Day
	return civil.New(y, start.Month, min(start.Day, last))
}

// RosteredDaysPerWeek returns the number of days a week the PA paID is
// usually rostered: of the Monday-to-Sunday weeks in which they have a
// shift of their own (planned, or taken off them for an absence; not one
// they cover for someone else, nor a cancelled one), the number of days
// seen most often, the larger on a tie. It is 0 when they have no shifts.
func RosteredDaysPerWeek(shifts []Shift, paID int64) int {
	weeks := map[civil.Date]map[civil.Date]bool{}
	for _, s := range shifts {
		own := (s.PAID == paID && s.CoverForPAID == 0 && s.Status != Cancelled) || (s.CoverForPAID == paID && s.Status != Planned)
		if paID == 0 || !own {
			continue
		}
		d := s.Date()
		monday := d.AddDays(-((int(d.Weekday()) + 6) % 7))
		if weeks[monday] == nil {
			weeks[monday] = map[civil.Date]bool{}
		}
		weeks[monday][d] = true
	}
	var count [8]int
	for _, days := range weeks {
		count[len(days)]++
	}
	best := 0
	for n := 1; n <= 7; n++ {
		if count[n] > 0 && count[n] >= count[best] {
			best = n
		}
	}
	return best
}

// AssumedDaysPerWeek is the working days a week assumed for the 28-day cap
// when the rota does not show them.
const AssumedDaysPerWeek = 5

// WorkedPeriod is one paid period of a PA's: its days and the minutes
// they worked in it (from a stored payslip).
type WorkedPeriod struct {
	From, To civil.Date
	Minutes  int64
}

// HolidayInput is what a PA's holiday record is worked out from.
type HolidayInput struct {
	PA household.PA
	// Contracts are the PA's contracts; the one in force on the day asked
	// about (or their last day, if they have left) is used.
	Contracts []household.Contract
	// On is the day asked about: holiday on or before it is taken, after
	// it booked.
	On civil.Date
	// Shifts and Absences are the rota of the leave year (every PA's may
	// be given; only PA's are used).
	Shifts   []Shift
	Absences []Absence
	// Worked are the PA's paid periods (stored payslips); those ending in
	// the leave year on or before On count for holiday that accrues.
	Worked []WorkedPeriod
}

// HolidayTaking is one holiday absence of the leave year: the part on or
// before the day asked about is taken, the rest booked.
type HolidayTaking struct {
	From, To      civil.Date
	Note          string
	Taken, Booked HolidayUse
}

// HolidayRecord is a PA's holiday in a leave year, as on one day. Minutes
// are whole minutes.
type HolidayRecord struct {
	PAID int64
	On   civil.Date
	Year LeaveYear
	// EmployedFrom and EmployedTo are the days of the leave year the PA is
	// employed; PartYear is set when that is not the whole year.
	EmployedFrom, EmployedTo civil.Date
	PartYear                 bool
	Contract                 household.Contract
	// Accrues is set for irregular hours or rolled-up holiday pay: the
	// entitlement is 12.07% of the minutes worked so far (WorkedMinutes,
	// over WorkedPeriods periods). RolledUp is set when the holiday is paid
	// in each payslip.
	Accrues, RolledUp bool
	WorkedMinutes     int64
	WorkedPeriods     int
	// For fixed hours: DaysPerWeek (from the rota, or AssumedDaysPerWeek
	// when DaysAssumed), the full year's entitlement (5.6 weeks, capped at
	// 28 days: Capped) before any pro rata.
	DaysPerWeek     int
	DaysAssumed     bool
	FullYearMinutes int64
	Capped          bool

	EntitlementMinutes int64
	// CarriedMinutes is holiday carried over from the last leave year: what
	// was left of that year's own entitlement (holiday carried into it is
	// taken first, and what is not taken of it lapses), at most the
	// contract's HolidayCarryMinutes in force on that year's last day.
	// CarryLimit is that limit, and Lapsed what was left over it.
	CarriedMinutes, CarryLimit, LapsedMinutes int64
	TakenMinutes                              int64
	BookedMinutes                             int64
	// TakenSleepIns and BookedSleepIns are sleep-ins missed on holiday:
	// not in the minutes, as how they count depends on the contract.
	TakenSleepIns, BookedSleepIns int
	Holidays                      []HolidayTaking
	// RemainingMinutes is entitlement + carried - taken - booked; it may
	// be below 0.
	RemainingMinutes int64
}

// WorkOutHoliday works out the PA's holiday record for the leave year
// that in.On falls in (or, for a PA who has left, the one their last day
// falls in). Fixed hours: 5.6 weeks of the contracted hours, at most 28
// days, pro rata by days for a part year. Irregular hours or rolled-up
// holiday pay: 12.07% of the minutes worked (payroll.AccruedHolidayMinutes
// per paid period). Taken is holiday on the rota up to in.On
// (HolidayTaken), booked is holiday after it in the leave year.
func WorkOutHoliday(in HolidayInput) (HolidayRecord, error) {
	p := in.PA
	if in.On.IsZero() {
		return HolidayRecord{}, invalidf("Choose the day to work the holiday out on.")
	}
	if !p.StartDate.IsZero() && in.On.Before(p.StartDate) {
		return HolidayRecord{}, refusedf("%s had not started by %s (they start on %s), so they have no holiday yet.", p.Name, in.On.UK(), p.StartDate.UK())
	}
	yearDay := in.On
	if !p.LeavingDate.IsZero() && p.LeavingDate.Before(yearDay) {
		yearDay = p.LeavingDate
	}
	year, err := PALeaveYearOn(p, yearDay)
	if err != nil {
		return HolidayRecord{}, err
	}
	c, ok := household.ContractOn(in.Contracts, yearDay)
	if !ok {
		return HolidayRecord{}, refusedf("%s has no contract in force on %s: add their contract, so their holiday can be worked out.", p.Name, yearDay.UK())
	}
	r := HolidayRecord{PAID: p.ID, On: in.On, Year: year, EmployedFrom: year.From, EmployedTo: year.To, Contract: c}
	if p.StartDate.After(r.EmployedFrom) {
		r.EmployedFrom = p.StartDate
	}
	if !p.LeavingDate.IsZero() && p.LeavingDate.Before(r.EmployedTo) {
		r.EmployedTo = p.LeavingDate
	}
	r.PartYear = r.EmployedFrom != year.From || r.EmployedTo != year.To
	r.RolledUp = c.HolidayMethod == household.HolidayRolledUp
	r.Accrues = c.HoursType == household.IrregularHours || r.RolledUp

	if r.Accrues {
		for _, w := range in.Worked {
			if !year.Contains(w.To) || w.To.After(in.On) {
				continue
			}
			r.WorkedMinutes += w.Minutes
			r.WorkedPeriods++
			r.EntitlementMinutes += payroll.AccruedHolidayMinutes(w.Minutes)
		}
	} else {
		r.DaysPerWeek = RosteredDaysPerWeek(in.Shifts, p.ID)
		if r.DaysPerWeek == 0 {
			r.DaysPerWeek, r.DaysAssumed = AssumedDaysPerWeek, true
		}
		full, err := StatutoryEntitlementMinutes(c.ContractedMinutesWeek, r.DaysPerWeek)
		if err != nil {
			return HolidayRecord{}, err
		}
		r.FullYearMinutes = int64(full)
		r.Capped = r.FullYearMinutes < (56*int64(c.ContractedMinutesWeek)+5)/10
		r.EntitlementMinutes = r.FullYearMinutes
		if r.PartYear {
			days := int64(r.EmployedTo.DaysSince(r.EmployedFrom) + 1)
			yd := int64(year.Days())
			r.EntitlementMinutes = (r.FullYearMinutes*days*2 + yd) / (2 * yd)
		}
	}

	var hols []Absence
	for _, a := range in.Absences {
		if a.Kind == Holiday && a.PAID == p.ID && p.ID != 0 && !a.To.Before(year.From) && !a.From.After(year.To) {
			hols = append(hols, a)
		}
	}
	sort.SliceStable(hols, func(i, j int) bool { return hols[i].From.Before(hols[j].From) })
	for _, a := range hols {
		h := HolidayTaking{From: a.From, To: a.To, Note: a.Note}
		one := []Absence{a}
		from, to := maxDate(a.From, year.From), minDate(a.To, year.To)
		if !from.After(in.On) {
			h.Taken = HolidayTaken(in.Shifts, one, p.ID, from, minDate(to, in.On))
		}
		if to.After(in.On) {
			h.Booked = HolidayTaken(in.Shifts, one, p.ID, maxDate(from, in.On.AddDays(1)), to)
		}
		r.TakenMinutes += int64(h.Taken.Minutes)
		r.BookedMinutes += int64(h.Booked.Minutes)
		r.TakenSleepIns += h.Taken.SleepIns
		r.BookedSleepIns += h.Booked.SleepIns
		r.Holidays = append(r.Holidays, h)
	}
	if err := carryOver(in, &r); err != nil {
		return HolidayRecord{}, err
	}
	r.RemainingMinutes = r.EntitlementMinutes + r.CarriedMinutes - r.TakenMinutes - r.BookedMinutes
	return r, nil
}

// carryOver works out the holiday carried into r's leave year from the
// one before, when the PA was employed then and the contract in force on
// its last day lets holiday be carried over.
func carryOver(in HolidayInput, r *HolidayRecord) error {
	last := r.Year.From.AddDays(-1)
	if in.PA.StartDate.IsZero() || last.Before(in.PA.StartDate) {
		return nil
	}
	c, ok := household.ContractOn(in.Contracts, last)
	if !ok || c.HolidayCarryMinutes <= 0 || c.HolidayMethod == household.HolidayRolledUp {
		return nil
	}
	prevIn := in
	prevIn.On = last
	prev, err := WorkOutHoliday(prevIn)
	if err != nil {
		return err
	}
	own := prev.EntitlementMinutes - max(0, prev.TakenMinutes-prev.CarriedMinutes)
	r.CarryLimit = int64(c.HolidayCarryMinutes)
	r.CarriedMinutes = min(max(own, 0), r.CarryLimit)
	r.LapsedMinutes = max(own, 0) - r.CarriedMinutes
	return nil
}

func maxDate(a, b civil.Date) civil.Date {
	if a.After(b) {
		return a
	}
	return b
}

func minDate(a, b civil.Date) civil.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// Method is how the entitlement is given, in a few words: "5.6 weeks",
// "12.07% of hours worked" or "rolled up: paid in each payslip".
func (r HolidayRecord) Method() string {
	switch {
	case r.RolledUp:
		return "rolled up: paid in each payslip"
	case r.Accrues:
		return "12.07% of hours worked"
	}
	return "5.6 weeks"
}

// Explanation says in plain words how the entitlement was worked out and
// what the record does not hold, one sentence a line.
func (r HolidayRecord) Explanation() []string {
	var out []string
	out = append(out, fmt.Sprintf("The leave year runs from %s to %s.", r.Year.From.UK(), r.Year.To.UK()))
	if r.Accrues {
		why := "The PA works irregular hours"
		if r.RolledUp {
			why = "The PA is paid rolled-up holiday pay"
		}
		out = append(out, fmt.Sprintf("%s, so holiday builds up at 12.07%% of the hours they work: %s worked in %s ending by %s, giving %s.",
			why, text.Hours(int(r.WorkedMinutes)), text.Count(r.WorkedPeriods, "pay period", "pay periods"), r.On.UK(), text.Hours(int(r.EntitlementMinutes))))
		if r.RolledUp {
			out = append(out, "Holiday pay (12.07% of pay) is paid in each payslip, so time off is taken unpaid: the hours show how much time off the PA has earned.")
		}
	} else {
		days := fmt.Sprintf("%s a week (from the rota)", text.Count(r.DaysPerWeek, "day", "days"))
		if r.DaysAssumed {
			days = fmt.Sprintf("%s a week (assumed: the rota has no shifts for them this leave year)", text.Count(r.DaysPerWeek, "day", "days"))
		}
		s := fmt.Sprintf("The contract in force (from %s) is for %s a week over %s. A full year's holiday is 5.6 weeks of that: %s.",
			r.Contract.EffectiveFrom.UK(), text.Hours(r.Contract.ContractedMinutesWeek), days, text.Hours(int(r.FullYearMinutes)))
		if r.Capped {
			s = fmt.Sprintf("The contract in force (from %s) is for %s a week over %s. 5.6 weeks would be more than the 28 days the law requires at most, so a full year's holiday is 28 days: %s.",
				r.Contract.EffectiveFrom.UK(), text.Hours(r.Contract.ContractedMinutesWeek), days, text.Hours(int(r.FullYearMinutes)))
		}
		out = append(out, s)
		if r.PartYear {
			days := r.EmployedTo.DaysSince(r.EmployedFrom) + 1
			out = append(out, fmt.Sprintf("The PA is employed for %s of the leave year's %d (%s to %s), so they get that share: %s.",
				text.Count(days, "day", "days"), r.Year.Days(), r.EmployedFrom.UK(), r.EmployedTo.UK(), text.Hours(int(r.EntitlementMinutes))))
		}
	}
	switch {
	case r.CarryLimit > 0 && r.LapsedMinutes > 0:
		out = append(out, fmt.Sprintf("%s is carried over from the last leave year: the contract allows up to %s, so the other %s left then has lapsed.",
			text.Hours(int(r.CarriedMinutes)), text.Hours(int(r.CarryLimit)), text.Hours(int(r.LapsedMinutes))))
	case r.CarryLimit > 0:
		out = append(out, fmt.Sprintf("%s is carried over from the last leave year (the contract allows up to %s).", text.Hours(int(r.CarriedMinutes)), text.Hours(int(r.CarryLimit))))
	default:
		out = append(out, "The contract does not let holiday be carried over, so nothing is carried from the last leave year. Holiday that could not be taken because of sickness or family leave may still carry over by law: agree it with the PA.")
	}
	out = append(out, fmt.Sprintf("Taken is holiday on the rota up to %s; booked is holiday on the rota after it, to the end of the leave year.", r.On.UK()))
	if n := r.TakenSleepIns + r.BookedSleepIns; n > 0 {
		out = append(out, fmt.Sprintf("%s missed on holiday %s not counted in the hours: how a sleep-in counts against holiday depends on the contract.",
			text.Count(n, "sleep-in", "sleep-ins"), map[bool]string{true: "is", false: "are"}[n == 1]))
	}
	if r.RemainingMinutes < 0 {
		out = append(out, "More holiday is taken and booked than the PA has so far: check the bookings with them.")
	}
	return out
}
