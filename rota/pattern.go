package rota

import (
	"fmt"
	"time"

	"patoolkit/civil"
	"patoolkit/field"
)

// Pattern is a weekly or fortnightly template of shifts ("Sarah: Mon-Fri
// 08:00-12:00; Ali: sleep-in Sat") that fills a date range.
//
// To change a pattern from a date, end the old one the day before and
// start a new one on that date (ChangeFrom), then Refill both from that
// date: shifts before it stay as they were.
type Pattern struct {
	ID   int64
	Name string
	// Cycle is 1 for a weekly pattern, 2 for a fortnightly one.
	Cycle int
	// Anchor is a Monday: the first day of week 1 of the cycle. It may be
	// left unset for a weekly pattern.
	Anchor civil.Date
	// From is the first date the pattern applies; Until the last (unset:
	// open-ended).
	From, Until civil.Date
	Entries     []PatternEntry
}

// PatternEntry is one shift of the template.
type PatternEntry struct {
	// ID identifies the entry within its pattern and must not change when
	// the entry is edited, so a refill updates the shifts it made. When 0,
	// the entry's position in Entries (from 1) is used.
	ID   int64
	PAID int64
	// Week is 1, or 2 for the second week of a fortnightly pattern.
	Week    int
	Weekday time.Weekday
	// Start and End are minutes past midnight (ParseClock reads "08:00").
	// An End at or before Start is on the next day; a shift can't start and
	// end at the same time of day.
	Start, End   int
	Type         ShiftType
	BreakMinutes int
}

// maxFillDays is the longest range one fill may cover (about ten years).
const maxFillDays = 3660

// entryID returns the entry's identity: its ID, or its position from 1.
func (p Pattern) entryID(i int) int64 {
	if p.Entries[i].ID != 0 {
		return p.Entries[i].ID
	}
	return int64(i + 1)
}

// minutes returns the entry's length in minutes on an ordinary day.
func (e PatternEntry) minutes() int {
	m := e.End - e.Start
	if m <= 0 {
		m += 24 * 60
	}
	return m
}

// Label shows the entry as "Monday 08:00–12:00 Day" (with "week 2" in a
// fortnightly pattern).
func (e PatternEntry) Label(cycle int) string {
	s := e.Weekday.String() + " " + FormatClock(e.Start) + "–" + FormatClock(e.End) + " " + e.Type.Label()
	if cycle == 2 {
		s = fmt.Sprintf("Week %d, %s", e.Week, s)
	}
	return s
}

// EntryField is the field of a pattern form that shift n (from 1) of a
// pattern is on: "entry 3".
func EntryField(n int) string { return fmt.Sprintf("entry %d", n) }

// Validate checks the pattern and says what to fix: every problem at
// once, each on its field ("cycle", "from", "until", or EntryField(n) for
// shift n).
func (p Pattern) Validate() error { return invalidAll(p.Problems()) }

// Problems is every problem of the pattern, each on its field.
func (p Pattern) Problems() field.Errors {
	var errs field.Errors
	if p.Cycle != 1 && p.Cycle != 2 {
		errs.Add("cycle", "A pattern repeats every week or every 2 weeks: set the cycle to 1 or 2.")
	}
	switch {
	case p.From.IsZero():
		errs.Add("from", "Choose the date the pattern starts.")
	case p.Cycle == 2 && p.Anchor.IsZero():
		errs.Add("from", "A fortnightly pattern needs the Monday that starts its week 1: choose that date.")
	case !p.Anchor.IsZero() && p.Anchor.Weekday() != time.Monday:
		errs.Add("from", "The pattern's week 1 must start on a Monday, and %s is a %s: choose the Monday of that week.", p.Anchor.UK(), p.Anchor.Weekday())
	}
	if !p.From.IsZero() && !p.Until.IsZero() && p.Until.Before(p.From) {
		errs.Add("until", "The pattern ends (%s) before it starts (%s): check the dates.", p.Until.UK(), p.From.UK())
	}
	seen := make(map[int64]bool, len(p.Entries))
	for i, e := range p.Entries {
		n := i + 1
		id := p.entryID(i)
		if seen[id] {
			errs.Add(EntryField(n), "Shift %d of the pattern has the same number as another: this is a program fault, please report it.", n)
			continue
		}
		seen[id] = true
		if msg := p.entryProblem(n, e); msg != "" {
			errs.Add(EntryField(n), "%s", msg)
		}
	}
	return errs
}

// entryProblem is what is wrong with shift n of the pattern, or "".
func (p Pattern) entryProblem(n int, e PatternEntry) string {
	switch {
	case e.PAID <= 0:
		return fmt.Sprintf("Shift %d of the pattern has no PA: choose who works it.", n)
	case (e.Week < 1 || e.Week > p.Cycle) && p.Cycle == 1:
		return fmt.Sprintf("Shift %d of the pattern is in week %d, but the pattern is weekly: set its week to 1.", n, e.Week)
	case e.Week < 1 || e.Week > 2:
		return fmt.Sprintf("Shift %d of the pattern is in week %d: a fortnightly pattern has weeks 1 and 2.", n, e.Week)
	case e.Weekday < time.Sunday || e.Weekday > time.Saturday:
		return fmt.Sprintf("Shift %d of the pattern has no day of the week: choose Monday to Sunday.", n)
	case e.Start < 0 || e.Start >= 24*60 || e.End < 0 || e.End >= 24*60:
		return fmt.Sprintf("Shift %d of the pattern has a time outside 00:00 to 23:59: check its start and end.", n)
	case e.Start == e.End:
		return fmt.Sprintf("Shift %d of the pattern starts and ends at %s: check the end time (a shift of 24 hours can be added by hand).", n, FormatClock(e.Start))
	case !e.Type.Valid():
		return fmt.Sprintf("Shift %d of the pattern has no type: choose day, waking night or sleep-in.", n)
	case e.BreakMinutes < 0:
		return fmt.Sprintf("Shift %d of the pattern has a negative break: enter the break in minutes, or 0.", n)
	case e.Type == SleepIn && e.BreakMinutes != 0:
		return fmt.Sprintf("Shift %d of the pattern is a sleep-in, which has no break: set the break to 0.", n)
	case e.BreakMinutes >= e.minutes():
		return fmt.Sprintf("Shift %d of the pattern has a break as long as the shift: check the break.", n)
	}
	return ""
}

// weekOf returns the week of the cycle (1 or 2) that d falls in.
func (p Pattern) weekOf(d civil.Date) int {
	if p.Cycle < 2 {
		return 1
	}
	days := d.DaysSince(p.Anchor)
	w := days / 7
	if days < 0 && days%7 != 0 {
		w--
	}
	w %= p.Cycle
	if w < 0 {
		w += p.Cycle
	}
	return w + 1
}

// Occurrences returns the shifts the pattern makes from from to to
// (inclusive, limited to the pattern's own From and Until), in date order,
// each Planned with PatternID, PatternEntryID and PatternDate set and ID 0.
// Times are local (Europe/London) and lengths true: a 22:00-08:00 entry on
// the night the clocks go forward is 9 hours long. A time the clocks skip
// (01:30 on that night) moves an hour later; a time that happens twice is
// the first (British Summer Time).
func (p Pattern) Occurrences(from, to civil.Date) ([]Shift, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if from.IsZero() || to.IsZero() {
		return nil, invalidf("Choose the first and last dates to fill.")
	}
	if from.Before(p.From) {
		from = p.From
	}
	if !p.Until.IsZero() && to.After(p.Until) {
		to = p.Until
	}
	if to.Before(from) {
		return nil, nil
	}
	if to.DaysSince(from) > maxFillDays {
		return nil, invalidf("The range from %s to %s is over ten years: fill a shorter range.", from.UK(), to.UK())
	}
	// Entries by week of cycle and weekday, in the order given.
	var byDay [2][7][]int
	for i, e := range p.Entries {
		byDay[e.Week-1][e.Weekday] = append(byDay[e.Week-1][e.Weekday], i)
	}
	n := 0
	for w := range byDay {
		for _, l := range byDay[w] {
			n += len(l)
		}
	}
	days := to.DaysSince(from) + 1
	out := make([]Shift, 0, n*days/(7*p.Cycle)+n)
	d := from
	wd := d.Weekday()
	for i := 0; i < days; i++ {
		for _, ei := range byDay[p.weekOf(d)-1][wd] {
			e := p.Entries[ei]
			start, _ := resolveLocal(d, e.Start)
			end, _ := resolveLocal(EndDay(d, e.Start, e.End), e.End)
			out = append(out, Shift{
				PAID:           e.PAID,
				Start:          start,
				End:            end,
				Type:           e.Type,
				BreakMinutes:   e.BreakMinutes,
				Status:         Planned,
				PatternID:      p.ID,
				PatternEntryID: p.entryID(ei),
				PatternDate:    d,
			})
		}
		d = d.AddDays(1)
		wd = (wd + 1) % 7
	}
	return out, nil
}

// slot identifies one occurrence of one pattern entry.
type slot struct {
	pattern, entry int64
	date           civil.Date
}

func slotOf(s Shift) slot { return slot{s.PatternID, s.PatternEntryID, s.PatternDate} }

// Refill merges the pattern's occurrences from from to to into the
// existing shifts, returning what to store:
//
//   - add: occurrences with no shift yet;
//   - update: existing unedited, still-planned shifts of the same
//     occurrence whose times, PA, type or break changed (ID and note kept);
//   - remove: existing unedited, still-planned shifts of this pattern dated
//     (PatternDate) within from to to that the pattern no longer makes.
//
// A shift edited by hand (Edited), or no longer Planned (needs cover,
// covered, agency, suspended, retained, cancelled), is left alone, and its
// occurrence is not added again. Shifts of other patterns, and shifts
// added by hand, are ignored.
func (p Pattern) Refill(existing []Shift, from, to civil.Date) (add, update, remove []Shift, err error) {
	if p.ID == 0 {
		return nil, nil, nil, invalidf("Save the pattern before filling the rota from it.")
	}
	gen, err := p.Occurrences(from, to)
	if err != nil {
		return nil, nil, nil, err
	}
	have := make(map[slot]int, len(existing))
	for i, s := range existing {
		if s.PatternID == p.ID && s.PatternID != 0 {
			have[slotOf(s)] = i
		}
	}
	made := make(map[slot]bool, len(gen))
	for _, g := range gen {
		k := slotOf(g)
		made[k] = true
		i, ok := have[k]
		if !ok {
			add = append(add, g)
			continue
		}
		e := existing[i]
		if e.Edited || e.Status != Planned {
			continue
		}
		if e.PAID != g.PAID || !e.Start.Equal(g.Start) || !e.End.Equal(g.End) || e.Type != g.Type ||
			e.BreakMinutes != g.BreakMinutes || e.WokenMinutes != 0 || e.CoverForPAID != 0 {
			g.ID = e.ID
			g.Note = e.Note
			update = append(update, g)
		}
	}
	for _, e := range existing {
		if e.PatternID != p.ID || e.PatternID == 0 || e.Edited || e.Status != Planned {
			continue
		}
		if e.PatternDate.Before(from) || e.PatternDate.After(to) {
			continue
		}
		if !made[slotOf(e)] {
			remove = append(remove, e)
		}
	}
	return add, update, remove, nil
}

// ChangeFrom splits a pattern so that entries apply from date d: it
// returns the old pattern ending the day before d, and the new one (ID 0,
// to be stored) starting on d with the given entries and the same cycle,
// anchor, name and end. d must be after the pattern's start; to change a
// pattern from its first day, edit it instead.
func (p Pattern) ChangeFrom(d civil.Date, entries []PatternEntry) (old, next Pattern, err error) {
	if err := p.Validate(); err != nil {
		return Pattern{}, Pattern{}, err
	}
	if d.IsZero() {
		return Pattern{}, Pattern{}, invalidf("Choose the date the change applies from.")
	}
	if !d.After(p.From) {
		return Pattern{}, Pattern{}, invalidf("The change applies from %s, which is not after the pattern starts (%s): edit the pattern itself instead.", d.UK(), p.From.UK())
	}
	if !p.Until.IsZero() && d.After(p.Until) {
		return Pattern{}, Pattern{}, invalidf("The pattern already ends on %s, before %s: start a new pattern instead.", p.Until.UK(), d.UK())
	}
	old = p
	old.Until = d.AddDays(-1)
	next = p
	next.ID = 0
	next.From = d
	next.Entries = append([]PatternEntry(nil), entries...)
	if err := next.Validate(); err != nil {
		return Pattern{}, Pattern{}, err
	}
	return old, next, nil
}
