package rota

import (
	"fmt"
	"strings"
	"time"

	"patoolkit/civil"
	"patoolkit/text"
)

// ShiftType is the kind of shift.
type ShiftType string

// The shift types.
const (
	// Day is an ordinary shift, paid by the hour.
	Day ShiftType = "day"
	// WakingNight is a night awake and working, paid by the hour.
	WakingNight ShiftType = "waking-night"
	// SleepIn is a night asleep on call: a flat allowance for the sleeping
	// part plus any time woken to work (WokenMinutes) at the hourly rate.
	SleepIn ShiftType = "sleep-in"
)

// ShiftTypes lists the types in the order a menu shows them.
var ShiftTypes = []ShiftType{Day, WakingNight, SleepIn}

// ParseShiftType reads a type as stored ("day", "waking-night",
// "sleep-in") or as shown ("Day", "Waking night", "Sleep-in"), ignoring
// case and spaces or hyphens between words.
func ParseShiftType(s string) (ShiftType, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.NewReplacer(" ", "", "-", "", "_", "").Replace(k)
	switch k {
	case "day":
		return Day, nil
	case "wakingnight", "night":
		return WakingNight, nil
	case "sleepin":
		return SleepIn, nil
	}
	return "", invalidf("%q is not a shift type: choose day, waking night or sleep-in", s)
}

// Valid reports whether t is one of the shift types.
func (t ShiftType) Valid() bool {
	_, ok := shiftTypeLabels[t]
	return ok
}

var shiftTypeLabels = map[ShiftType]string{Day: "Day", WakingNight: "Waking night", SleepIn: "Sleep-in"}

// Label returns the type as shown: "Day", "Waking night", "Sleep-in".
func (t ShiftType) Label() string { return labelOr(shiftTypeLabels, t, "Unknown type") }

// phrase is the type inside a sentence: "day shift", "waking night",
// "sleep-in".
// Phrase is the shift type inside a sentence: "day shift", "waking
// night", "sleep-in".
func (t ShiftType) Phrase() string {
	switch t {
	case Day:
		return "day shift"
	case WakingNight:
		return "waking night"
	case SleepIn:
		return "sleep-in"
	}
	return "shift"
}

// Status is where a shift stands.
type Status string

// The shift statuses.
const (
	// Planned: the PA in PAID is to work it.
	Planned Status = "planned"
	// NeedsCover: the PA (kept in CoverForPAID) is absent; nobody is on
	// it yet (PAID is 0).
	NeedsCover Status = "needs-cover"
	// Covered: given to another PA (PAID); CoverForPAID is the absent PA.
	Covered Status = "covered"
	// Agency: covered by an agency, not by a PA (PAID is 0).
	Agency Status = "agency"
	// Suspended: the person supported is in hospital; not worked, not paid.
	Suspended Status = "suspended"
	// Retained: the person supported is in hospital; not worked, but the
	// PA is paid for it as a retainer.
	Retained Status = "retained"
	// Cancelled: not worked, not paid.
	Cancelled Status = "cancelled"
)

// Statuses lists every status.
var Statuses = []Status{Planned, NeedsCover, Covered, Agency, Suspended, Retained, Cancelled}

// Valid reports whether s is one of the statuses.
func (s Status) Valid() bool {
	for _, st := range Statuses {
		if s == st {
			return true
		}
	}
	return false
}

// Label returns the status as shown: "Planned", "Needs cover", ...
func (s Status) Label() string {
	switch s {
	case Planned:
		return "Planned"
	case NeedsCover:
		return "Needs cover"
	case Covered:
		return "Covered"
	case Agency:
		return "Agency cover"
	case Suspended:
		return "Suspended (hospital stay)"
	case Retained:
		return "Retained (hospital stay)"
	case Cancelled:
		return "Cancelled"
	}
	return "Unknown status"
}

// WorkedByPA reports whether a PA (the shift's PAID) works the shift:
// Planned or Covered.
func (s Status) WorkedByPA() bool { return s == Planned || s == Covered }

// PaysPA reports whether the PA in PAID is paid wages for the shift:
// Planned, Covered or Retained.
func (s Status) PaysPA() bool { return s == Planned || s == Covered || s == Retained }

// Delivered reports whether the support happens: somebody works it or
// somebody still has to (Planned, Covered, NeedsCover, Agency).
func (s Status) Delivered() bool { return s.WorkedByPA() || s == NeedsCover || s == Agency }

// MaxShiftMinutes is the longest shift accepted at all (7 days): anything
// longer is taken to be a typing mistake. Shifts over 24 hours are accepted
// but warned about (rule "shift-over-24h").
const MaxShiftMinutes = 7 * 24 * 60

// Shift is one shift on the rota.
//
// Start and End are instants; they are read in Europe/London whatever
// their location, so they may be stored with their UTC offset. Durations
// are whole minutes (seconds are ignored).
type Shift struct {
	ID int64
	// PAID is the PA who works it; 0 when it needs cover or an agency
	// covers it.
	PAID       int64
	Start, End time.Time
	Type       ShiftType
	// BreakMinutes is the unpaid break (day and waking-night shifts only).
	BreakMinutes int
	// WokenMinutes is the time woken to work during a sleep-in, paid at
	// the hourly rate (sleep-ins only).
	WokenMinutes int
	Status       Status
	// CoverForPAID is the absent PA whose shift this was (NeedsCover,
	// Covered, Agency after an absence).
	CoverForPAID int64
	// PatternID, PatternEntryID and PatternDate say which pattern entry and
	// which occurrence (the date it was generated for) the shift came
	// from; all zero for a shift added by hand.
	PatternID      int64
	PatternEntryID int64
	PatternDate    civil.Date
	// Edited is set when a person changed a pattern shift by hand: a
	// refill of the pattern leaves it alone.
	Edited bool
	Note   string
}

// NewShift returns a checked shift for the PA paID (0: it needs cover)
// with status Planned (NeedsCover when paID is 0).
func NewShift(paID int64, start, end time.Time, t ShiftType, breakMinutes, wokenMinutes int) (Shift, error) {
	s := Shift{PAID: paID, Start: start, End: end, Type: t, BreakMinutes: breakMinutes, WokenMinutes: wokenMinutes, Status: Planned}
	if paID == 0 {
		s.Status = NeedsCover
	}
	return s, s.Validate()
}

// Minutes returns the true elapsed length of the shift in whole minutes,
// counting an hour more or less across a clock change.
func (s Shift) Minutes() int {
	if !s.End.After(s.Start) {
		return 0
	}
	return int(s.End.Sub(s.Start) / time.Minute)
}

// ClockChangeMinutes is how much longer (positive) or shorter (negative)
// the shift truly is than its clock times in the UK read, because the
// clocks go back or forward during it: 60 for 22:00 to 08:00 on the night
// of 24/10/2026, -60 on the night of 28/03/2026, otherwise 0.
func (s Shift) ClockChangeMinutes() int {
	if !s.End.After(s.Start) {
		return 0
	}
	a, b := s.Start.In(london), s.End.In(london)
	wall := civil.Of(b).DaysSince(civil.Of(a))*24*60 + (b.Hour()*60 + b.Minute()) - (a.Hour()*60 + a.Minute())
	return s.Minutes() - wall
}

// PaidMinutes returns the time paid at hourly rates: for day and
// waking-night shifts the length less the unpaid break; for a sleep-in the
// woken minutes only (the sleeping part is the flat allowance). It does not
// look at the status: Status.PaysPA says whether the shift is paid at all.
func (s Shift) PaidMinutes() int {
	if s.Type == SleepIn {
		return max(s.WokenMinutes, 0)
	}
	return max(s.Minutes()-max(s.BreakMinutes, 0), 0)
}

// workingMinutes is the shift's working time for the Working Time
// Regulations: a sleep-in counts in full (time on call at the workplace is
// working time, even asleep), other shifts less their break.
func (s Shift) workingMinutes() int {
	if s.Type == SleepIn {
		return s.Minutes()
	}
	return s.PaidMinutes()
}

// Date returns the local (Europe/London) date the shift starts on.
func (s Shift) Date() civil.Date { return civil.Of(s.Start.In(london)) }

// EndDate returns the local date the shift ends on.
func (s Shift) EndDate() civil.Date { return civil.Of(s.End.In(london)) }

// LongShiftMinutes is the length past which a shift is asked about before
// it is saved: a shift that long is most often an end time typed wrongly.
const LongShiftMinutes = 16 * 60

// Doubt says in plain words why a shift as typed may be a mistake, to ask
// before it is saved: a day shift that runs past midnight (its end typed
// before its start makes it end the next day), or any shift longer than
// LongShiftMinutes. It is "" when neither. A day shift that ends at
// midnight exactly is not doubted.
func (s Shift) Doubt() string {
	var why []string
	pastMidnight, long := s.doubts()
	end := s.End.In(london)
	if pastMidnight {
		why = append(why, "This day shift ends the next day, at "+FormatClock(end.Hour()*60+end.Minute())+" on "+s.EndDate().UK()+
			", because its end time is before its start time. For a night, choose waking night or sleep-in as the type.")
	}
	if long {
		why = append(why, "It is "+text.Hours(s.Minutes())+" long, more than "+text.Hours(LongShiftMinutes)+".")
	}
	return strings.Join(why, " ")
}

// doubts is the rule Doubt words: a day shift that runs past midnight
// (not one that ends at midnight exactly), and a shift longer than
// LongShiftMinutes.
func (s Shift) doubts() (pastMidnight, long bool) {
	end := s.End.In(london)
	endsAtMidnight := end.Hour() == 0 && end.Minute() == 0 && s.EndDate() == s.Date().AddDays(1)
	return s.Type == Day && s.EndDate() != s.Date() && !endsAtMidnight, s.Minutes() > LongShiftMinutes
}

// Validate checks the shift and says what to fix.
func (s Shift) Validate() error {
	if s.Start.IsZero() || s.End.IsZero() {
		return invalidf("The shift needs a start and an end time.")
	}
	if !s.Type.Valid() {
		return invalidf("%q is not a shift type: choose day, waking night or sleep-in.", string(s.Type))
	}
	if !s.End.After(s.Start) {
		return invalidf("The shift ends before it starts (%s to %s): check the end time; a night shift ends on the next day.",
			whenText(s.Start), whenText(s.End))
	}
	if s.End.Sub(s.Start) > MaxShiftMinutes*time.Minute {
		return invalidf("The shift is longer than 7 days (%s to %s): check the dates.", whenText(s.Start), whenText(s.End))
	}
	m := s.Minutes()
	if m == 0 {
		return invalidf("The shift is shorter than a minute: check the start and end times.")
	}
	if s.BreakMinutes < 0 {
		return invalidf("The break can't be negative: enter the break in minutes, or 0 for none.")
	}
	if s.Type == SleepIn && s.BreakMinutes != 0 {
		return invalidf("A sleep-in has no break to deduct: the sleeping part is paid as a flat allowance. Set the break to 0, or record the woken time instead.")
	}
	if s.BreakMinutes >= m {
		return invalidf("The break (%s) is as long as the shift (%s) or longer: check the break.", text.Hours(s.BreakMinutes), text.Hours(m))
	}
	if s.WokenMinutes < 0 {
		return invalidf("The woken time can't be negative: enter it in minutes, or 0 for none.")
	}
	if s.WokenMinutes != 0 && s.Type != SleepIn {
		return invalidf("Woken time is only for sleep-ins; on a %s all the time is paid. Set the woken time to 0.", s.Type.Phrase())
	}
	if s.WokenMinutes > m {
		return invalidf("The woken time (%s) is longer than the sleep-in (%s): check it.", text.Hours(s.WokenMinutes), text.Hours(m))
	}
	if s.Status == "" {
		return invalidf("The shift has no status: it should be planned, needs cover, covered, agency, suspended, retained or cancelled.")
	}
	if !s.Status.Valid() {
		return invalidf("%q is not a shift status: use planned, needs cover, covered, agency, suspended, retained or cancelled.", string(s.Status))
	}
	if s.PAID < 0 || s.CoverForPAID < 0 {
		return invalidf("The shift names a PA that does not exist: choose the PA again.")
	}
	switch s.Status {
	case Planned, Covered, Retained:
		if s.PAID == 0 {
			return invalidf("Choose the PA who works this shift, or mark it as needing cover.")
		}
	case NeedsCover, Agency:
		if s.PAID != 0 {
			return invalidf("A shift that needs cover or has agency cover has no PA on it: give it to the PA with Cover instead.")
		}
	}
	if s.Status == Covered && s.CoverForPAID == s.PAID {
		return invalidf("A PA can't cover their own shift: choose another PA.")
	}
	return nil
}

// ParseLocal reads a local date and time in Europe/London: "2026-03-28
// 22:00", "2026-03-28T22:00" or "28/03/2026 22:00" (any date civil.Parse
// reads, then a 24-hour clock time, see ParseClock).
//
// A time the clocks skip (01:30 on 29/03/2026: at 01:00 the clocks go
// forward to 02:00) is refused with a plain error. A time that happens
// twice (01:30 on 25/10/2026: at 02:00 BST the clocks go back to 01:00) is
// read as the first of the two, in British Summer Time.
func ParseLocal(s string) (time.Time, error) {
	t := strings.TrimSpace(s)
	i := strings.LastIndexAny(t, " T")
	if i <= 0 || i == len(t)-1 {
		return time.Time{}, invalidf("%q is not a date and time: write it like 28/03/2026 22:00.", s)
	}
	d, err := civil.Parse(strings.TrimSpace(t[:i]))
	if err != nil {
		why := strings.TrimPrefix(err.Error(), civil.ErrFormat.Error()+": ")
		return time.Time{}, invalidf("%q has no valid date (%s): write it like 28/03/2026 22:00.", s, why)
	}
	m, err := ParseClock(t[i+1:])
	if err != nil {
		return time.Time{}, err
	}
	return LocalTime(d, m)
}

// EndDay is the day a shift that starts at startMinute on d ends at
// endMinute (minutes past midnight): the next day when the end is at or
// before the start, as for a night shift. Forms, patterns and timesheets
// all read an end time this way.
func EndDay(d civil.Date, startMinute, endMinute int) civil.Date {
	if endMinute <= startMinute {
		return d.AddDays(1)
	}
	return d
}

// LocalTime returns the instant in Europe/London at minute (0 to 1439
// minutes past midnight) on d. A time that does not exist because the
// clocks go forward is refused; a time that happens twice because the
// clocks go back is the first one (British Summer Time).
func LocalTime(d civil.Date, minute int) (time.Time, error) {
	if minute < 0 || minute >= 24*60 {
		return time.Time{}, invalidf("%d minutes past midnight is not a time of day: use 00:00 to 23:59.", minute)
	}
	if d.IsZero() {
		return time.Time{}, invalidf("The date is missing: enter it as DD/MM/YYYY.")
	}
	t, ok := resolveLocal(d, minute)
	if !ok {
		return time.Time{}, invalidf("There is no %s on %s in the UK: the clocks go forward an hour that night. Check the time (for example, use %s).",
			FormatClock(minute), d.UK(), FormatClock(civil.Of(t).DaysSince(d)*24*60+t.Hour()*60+t.Minute()))
	}
	return t, nil
}

// resolveLocal returns the earliest instant showing minute on d in
// London, and true; or, when the clocks skip that time, the instant as far
// after midnight as that time would have been (01:30 becomes 02:30), and
// false.
func resolveLocal(d civil.Date, minute int) (time.Time, bool) {
	h, mi := minute/60, minute%60
	wall := time.Date(d.Year, d.Month, d.Day, h, mi, 0, 0, time.UTC).Unix()
	var best time.Time
	found := false
	// Offsets in force a day either side cover both sides of any change.
	for _, probe := range [...]int64{wall - 86400, wall, wall + 86400} {
		_, off := time.Unix(probe, 0).In(london).Zone()
		t := time.Unix(wall-int64(off), 0).In(london)
		y, m, dd := t.Date()
		if y == d.Year && m == d.Month && dd == d.Day && t.Hour() == h && t.Minute() == mi {
			if !found || t.Before(best) {
				best, found = t, true
			}
		}
	}
	if found {
		return best, true
	}
	return time.Date(d.Year, d.Month, d.Day, h, mi, 0, 0, london), false
}

// ParseClock reads a time of day on the 24-hour clock, "08:00", "8:00",
// "22.30" or "2230", and returns minutes past midnight (0 to 1439).
func ParseClock(s string) (int, error) {
	t := strings.TrimSpace(s)
	fail := func() (int, error) {
		return 0, invalidf("%q is not a time of day: write it as HH:MM on the 24-hour clock, for example 08:00 or 22:30.", s)
	}
	var hs, ms string
	if i := strings.IndexAny(t, ":."); i >= 0 {
		hs, ms = t[:i], t[i+1:]
	} else if len(t) == 4 {
		hs, ms = t[:2], t[2:]
	} else {
		return fail()
	}
	if len(hs) < 1 || len(hs) > 2 || len(ms) != 2 {
		return fail()
	}
	h, ok1 := digits(hs)
	m, ok2 := digits(ms)
	if !ok1 || !ok2 {
		return fail()
	}
	if h > 23 || m > 59 {
		return 0, invalidf("%q is not a time of day: hours go from 00 to 23 and minutes from 00 to 59 (midnight is 00:00).", s)
	}
	return h*60 + m, nil
}

func digits(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}

// FormatClock shows minutes past midnight as "08:00" (values outside a day
// wrap round it).
func FormatClock(minute int) string {
	minute %= 24 * 60
	if minute < 0 {
		minute += 24 * 60
	}
	return fmt.Sprintf("%02d:%02d", minute/60, minute%60)
}

// clockOf shows the London clock time of t: "08:00".
func clockOf(t time.Time) string { return t.In(london).Format("15:04") }

// whenText shows t as "28/03/2026 22:00" in London.
func whenText(t time.Time) string {
	return civil.Of(t.In(london)).UK() + " " + clockOf(t)
}

// hoursOf shows a length before a noun: "10 hours' rest", "1 hour's
// break".
func hoursOf(m int) string {
	h := text.Hours(m)
	if strings.HasSuffix(h, "s") {
		return h + "'"
	}
	return h + "'s"
}

// dayText shows d as "Monday 6 April".
func dayText(d civil.Date) string {
	return fmt.Sprintf("%s %d %s", d.Weekday(), d.Day, d.Month)
}
