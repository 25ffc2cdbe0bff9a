package rota

import (
	"fmt"
	"sort"
	"time"

	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/text"
)

// The names of the rules Check applies, as shown beside each warning.
const (
	RuleOverlap      = "overlap"
	RuleRest11h      = "rest-11h"
	RuleBreak6h      = "break-6h"
	RuleAverage48h   = "average-48h"
	RuleOver24h      = "shift-over-24h"
	RuleMinimumWage  = "minimum-wage"
	RuleSupportHours = "support-hours"
)

// Rules lists every rule name.
var Rules = []string{RuleOverlap, RuleRest11h, RuleBreak6h, RuleAverage48h, RuleOver24h, RuleMinimumWage, RuleSupportHours}

// ruleNames are the rules' plain names, short enough for a block of the
// week grid, for screens and printed rotas; the codes above are for files
// and scripts. The warning's message says the rest.
var ruleNames = map[string]string{
	RuleOverlap:      "Two shifts at once",
	RuleRest11h:      "11 hours' rest",
	RuleBreak6h:      "Break needed",
	RuleAverage48h:   "Over 48 hours a week",
	RuleOver24h:      "Over 24 hours",
	RuleMinimumWage:  "Minimum wage",
	RuleSupportHours: "Support hours",
}

// RuleName is a rule's plain name ("11 hours' rest" for "rest-11h"), to show in place of its code; an unknown code is
// returned as it is.
func RuleName(rule string) string {
	if n, ok := ruleNames[rule]; ok {
		return n
	}
	return rule
}

// MinBreakMinutes is the shortest break the break rule asks for in a
// shift over 6 hours (Working Time Regulations 1998, regulation 12).
const MinBreakMinutes = 20

// NeedsBreak reports whether the break rule applies to s: a day or
// waking-night shift (not a sleep-in) over 6 hours.
func (s Shift) NeedsBreak() bool { return s.Type != SleepIn && s.Minutes() > 6*60 }

// Warning is one thing on the rota that breaks a rule. Warnings are
// advice to show, never to hide: the rota is saved all the same.
type Warning struct {
	Rule string
	// PAID is the PA concerned (0 for the whole rota or an agency shift).
	PAID int64
	// Date is the day concerned: the shift's start date, or the Monday of
	// the week for weekly rules.
	Date civil.Date
	// ShiftID is the shift concerned, 0 for a weekly rule.
	ShiftID int64
	Message string
}

// CheckPA is what the checks need to know of a PA.
type CheckPA struct {
	Name string
	// OptedOut48h is set when the PA has opted out of the 48-hour average
	// week in writing.
	OptedOut48h bool
}

// CheckInput is everything Check looks at.
type CheckInput struct {
	// Shifts to check. Give at least 16 weeks before From as well, so
	// the 48-hour average and the rest before the first day are right.
	Shifts []Shift
	PAs    map[int64]CheckPA
	// AllowTwoToOne is set when the support plan has two carers at once
	// (2:1 support): different PAs at the same time are then expected.
	AllowTwoToOne bool
	// HandoverMinutes is how long two different carers may overlap for a
	// handover without a warning (0: any overlap is warned about).
	HandoverMinutes int
	// SupportMinutesPerWeek is the support agreed with the council, in
	// minutes a week; 0 turns the support-hours check off.
	SupportMinutesPerWeek int
	// From and To are the days to report on, inclusive (unset: the dates
	// of the shifts).
	From, To civil.Date
	// HourlyRate returns the PA's hourly rate for time of type t on day d
	// (Rates.HourlyFor of the contract in force), false when no contract
	// covers the day. MinimumWage returns the minimum hourly rate for the
	// PA's age on day d and its name ("National Living Wage for 21 and
	// over"), false when it is not known. The minimum-wage check runs only
	// when both are given.
	HourlyRate  func(paID int64, d civil.Date, t ShiftType) (money.Money, bool)
	MinimumWage func(paID int64, d civil.Date) (rate money.Money, label string, ok bool)
}

// Check applies every rule to the rota and returns the warnings about days
// from In.From to In.To, sorted by date, then PA, then rule, then shift.
//
// The rules, as the Working Time Regulations 1998 and the support plan
// set them, with the simplifications made:
//
//   - overlap: one PA on two shifts at once (always); or two different
//     carers (PAs, agency, or a shift still needing cover) at once by more
//     than HandoverMinutes, unless AllowTwoToOne.
//   - rest-11h: less than 11 hours between working days. A PA's shifts
//     that touch or overlap make one working period; a working day is the
//     date a working period starts on. Between working periods starting
//     on different dates the rest must be 11 hours; periods starting on
//     the same date are one split day and are not checked against each
//     other.
//   - break-6h: a day or waking-night shift over 6 hours with less than
//     20 minutes' break recorded.
//   - average-48h: for a PA who has not opted out, working time averaged
//     over the 17 weeks (Monday to Sunday) ending each week is over 48
//     hours. Weeks before the PA's first shift given are not counted, so
//     early on the average is over the weeks there are. A shift counts in
//     the week it starts. One warning per run of weeks over the limit,
//     dated the first such week and giving the highest average.
//   - shift-over-24h: a shift longer than 24 hours.
//   - minimum-wage: the hourly rate of a PA's shift, on the day it starts,
//     is below the minimum wage for their age. Repeats are reported once
//     per PA, shift type, rate and minimum, at the first shift.
//   - support-hours: for each Monday-to-Sunday week wholly inside From to
//     To, the hours planned (paid hours of shifts planned, covered, needing
//     cover or with an agency; sleep-ins count only their woken time) are
//     more or fewer than the hours agreed with the council.
//
// Working time: sleep-ins count in full for rest-11h and average-48h, as
// time on call at the workplace is working time even when asleep (gov.uk,
// "Maximum weekly working hours"); for the minimum wage only woken time
// counts (Royal Mencap Society v Tomlinson-Blake, 2021). Breaks are not
// working time. Only shifts a PA works (planned or covered) count towards
// a PA's working time.
func Check(in CheckInput) []Warning {
	c := newChecker(in)
	if len(c.items) == 0 && c.in.SupportMinutesPerWeek == 0 {
		return nil
	}
	if c.to.Before(c.from) {
		return nil
	}
	c.overlaps()
	c.rest()
	c.perShift()
	c.average48()
	c.minimumWage()
	c.supportHours()
	sort.SliceStable(c.out, func(i, j int) bool {
		a, b := c.out[i], c.out[j]
		if x := a.Date.Compare(b.Date); x != 0 {
			return x < 0
		}
		if a.PAID != b.PAID {
			return a.PAID < b.PAID
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.ShiftID < b.ShiftID
	})
	return c.out
}

// item is a shift with its start date worked out once.
type item struct {
	s    *Shift
	date civil.Date
}

type checker struct {
	in       CheckInput
	from, to civil.Date
	items    []item           // by start time
	byPA     map[int64][]item // shifts a PA works, by start time
	paIDs    []int64          // PAs in byPA, in order
	out      []Warning
}

func newChecker(in CheckInput) *checker {
	c := &checker{in: in, from: in.From, to: in.To, byPA: map[int64][]item{}}
	c.items = make([]item, 0, len(in.Shifts))
	for i := range in.Shifts {
		s := &in.Shifts[i]
		if !s.End.After(s.Start) {
			continue // not a shift; Validate refuses it before it is stored
		}
		c.items = append(c.items, item{s, s.Date()})
	}
	sort.SliceStable(c.items, func(i, j int) bool { return c.items[i].s.Start.Before(c.items[j].s.Start) })
	if len(c.items) > 0 {
		if c.from.IsZero() {
			c.from = c.items[0].date
		}
		if c.to.IsZero() {
			c.to = c.items[0].date
			for _, it := range c.items {
				if it.date.After(c.to) {
					c.to = it.date
				}
			}
		}
	}
	for _, it := range c.items {
		if it.s.PAID != 0 && it.s.Status.WorkedByPA() {
			if _, ok := c.byPA[it.s.PAID]; !ok {
				c.paIDs = append(c.paIDs, it.s.PAID)
			}
			c.byPA[it.s.PAID] = append(c.byPA[it.s.PAID], it)
		}
	}
	sort.Slice(c.paIDs, func(i, j int) bool { return c.paIDs[i] < c.paIDs[j] })
	return c
}

func (c *checker) inRange(d civil.Date) bool { return !d.Before(c.from) && !d.After(c.to) }

func (c *checker) name(paID int64) string {
	if p, ok := c.in.PAs[paID]; ok && p.Name != "" {
		return p.Name
	}
	if paID == 0 {
		return "the agency"
	}
	return fmt.Sprintf("PA number %d", paID)
}

func (c *checker) warn(rule string, paID int64, d civil.Date, shiftID int64, format string, a ...any) {
	c.out = append(c.out, Warning{Rule: rule, PAID: paID, Date: d, ShiftID: shiftID, Message: fmt.Sprintf(format, a...)})
}

// span shows a shift's times: "08:00 to 12:00" or "22:00 to 08:00 the next
// day".
func span(s *Shift) string {
	return clockOf(s.Start) + " to " + clockOf(s.End) + endDayText(s.Date(), s.EndDate())
}

func endDayText(start, end civil.Date) string {
	switch end.DaysSince(start) {
	case 0:
		return ""
	case 1:
		return " the next day"
	}
	return " on " + end.UK()
}

func (c *checker) overlaps() {
	// One PA on two shifts at once.
	for _, id := range c.paIDs {
		list := c.byPA[id]
		var last *item
		for i := range list {
			cur := &list[i]
			if last != nil && Overlap(*last.s, *cur.s) > 0 {
				if c.inRange(cur.date) {
					c.warn(RuleOverlap, id, cur.date, cur.s.ID,
						"%s is booked on two shifts at the same time on %s (%s, and %s). One person can't work both: move one of them or give it to someone else.",
						c.name(id), cur.date.UK(), span(last.s), span(cur.s))
				}
			}
			if last == nil || cur.s.End.After(last.s.End) {
				last = cur
			}
		}
	}
	if c.in.AllowTwoToOne {
		return
	}
	// Two different carers at once.
	type carer struct {
		it  item
		key int64
	}
	keyOf := func(it item) int64 {
		if it.s.Status.WorkedByPA() && it.s.PAID != 0 {
			return it.s.PAID
		}
		return -1 // agency or needing cover: each shift is its own carer
	}
	var active []carer
	for _, it := range c.items {
		if !it.s.Status.Delivered() {
			continue
		}
		k := keyOf(it)
		kept := active[:0]
		for _, a := range active {
			if a.it.s.End.After(it.s.Start) {
				kept = append(kept, a)
			}
		}
		active = kept
		for _, a := range active {
			if k == a.key && k != -1 {
				continue // the same PA: reported above
			}
			if !beyondHandover(*a.it.s, *it.s, c.in.HandoverMinutes) {
				continue
			}
			end := a.it.s.End
			if it.s.End.Before(end) {
				end = it.s.End
			}
			if c.inRange(it.date) {
				first, second := a.it.s, it.s
				if first.PAID == 0 && second.PAID != 0 {
					first, second = second, first // name the PA first
				}
				c.warn(RuleOverlap, it.s.PAID, it.date, it.s.ID,
					"%s and %s are both booked from %s to %s on %s. If two carers are planned at once (2:1 support), turn on 2:1 support in the settings; otherwise move one of the shifts.",
					c.carerName(first), c.carerName(second), clockOf(it.s.Start), clockOf(end), it.date.UK())
			}
			break
		}
		active = append(active, carer{it, k})
	}
}

// carerName names who is on a shift, for a sentence.
func (c *checker) carerName(s *Shift) string {
	switch {
	case s.Status == Agency:
		return "an agency carer"
	case s.Status == NeedsCover:
		return "a carer not yet found (the shift needs cover)"
	}
	return c.name(s.PAID)
}

func (c *checker) rest() {
	const minRest = 11 * time.Hour
	for _, id := range c.paIDs {
		list := c.byPA[id]
		var periodDay civil.Date
		var periodEnd time.Time
		var lastEnded *Shift
		for i := range list {
			cur := &list[i]
			if i > 0 && !cur.s.Start.After(periodEnd) {
				// Touches or overlaps the working period: continues it.
				if cur.s.End.After(periodEnd) {
					periodEnd, lastEnded = cur.s.End, cur.s
				}
				continue
			}
			if i > 0 && cur.date.After(periodDay) {
				gap := cur.s.Start.Sub(periodEnd)
				if gap < minRest && c.inRange(cur.date) {
					c.warn(RuleRest11h, id, cur.date, cur.s.ID,
						"%s has only %s rest between the shift ending %s and the one starting %s; there should be at least 11 hours between working days. Move one of the shifts, or give one to someone else.",
						c.name(id), hoursOf(int(gap/time.Minute)), whenText(lastEnded.End), whenText(cur.s.Start))
				}
			}
			if i == 0 || cur.date.After(periodDay) {
				periodDay = cur.date
			}
			periodEnd, lastEnded = cur.s.End, cur.s
		}
	}
}

// perShift applies the rules about one shift: break-6h and shift-over-24h.
func (c *checker) perShift() {
	for _, it := range c.items {
		s := it.s
		if !c.inRange(it.date) {
			continue
		}
		m := s.Minutes()
		if s.Status.Delivered() && m > 24*60 {
			c.warn(RuleOver24h, s.PAID, it.date, s.ID,
				"The %s from %s to %s is %s long, over 24 hours. Split it into shorter shifts with a handover, or check the end time.",
				s.Type.Phrase(), whenText(s.Start), whenText(s.End), text.Hours(m))
		}
		if s.Status.WorkedByPA() && s.PAID != 0 && s.NeedsBreak() && s.BreakMinutes < MinBreakMinutes {
			had := "has no break recorded"
			if s.BreakMinutes > 0 {
				had = "has only " + hoursOf(s.BreakMinutes) + " break recorded"
			}
			c.warn(RuleBreak6h, s.PAID, it.date, s.ID,
				"%s's %s on %s (%s, %s) %s; a shift over 6 hours needs a break of at least 20 minutes. Add a break of 20 minutes or more.",
				c.name(s.PAID), s.Type.Phrase(), it.date.UK(), span(s), text.Hours(m), had)
		}
	}
}

// monday returns the Monday on or before d.
// WeekStart is the Monday of the week containing d: the rota's weeks, the
// week view and the checks' weeks run Monday to Sunday.
func WeekStart(d civil.Date) civil.Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

func (c *checker) average48() {
	const weeks = 17
	const limit = 48 * 60
	if len(c.items) == 0 {
		return
	}
	firstWeek := WeekStart(c.from)
	lastWeek := WeekStart(c.to)
	base := firstWeek.AddDays(-7 * (weeks - 1))
	n := lastWeek.DaysSince(base)/7 + 1
	for _, id := range c.paIDs {
		if c.in.PAs[id].OptedOut48h {
			continue
		}
		total := make([]int, n)
		firstIdx := -1
		for _, it := range c.byPA[id] {
			off := it.date.DaysSince(base)
			if off < 0 {
				firstIdx = 0 // worked before the first window: count whole windows
				continue
			}
			if it.date.After(c.to) {
				continue
			}
			w := off / 7
			if w >= n {
				continue
			}
			total[w] += it.s.workingMinutes()
			if firstIdx < 0 {
				firstIdx = w
			}
		}
		if firstIdx < 0 {
			continue
		}
		// Sliding window of up to 17 weeks, not before the first week worked.
		sum := 0
		runStart := -1
		peakAvg, peakWeek, peakN := 0, 0, 0
		flush := func() {
			if runStart < 0 {
				return
			}
			d := base.AddDays(7 * runStart)
			over := fmt.Sprintf("over the %d weeks to the week of %s", peakN, base.AddDays(7*peakWeek).UK())
			if peakN == 1 {
				over = "in the week of " + base.AddDays(7*peakWeek).UK()
			}
			first := ""
			if peakWeek != runStart {
				first = fmt.Sprintf(" (first over in the week of %s)", d.UK())
			}
			c.warn(RuleAverage48h, id, d, 0,
				"%s's working time averages %s a week %s, more than the 48-hour limit%s. Reduce their hours, or ask them to opt out of the 48-hour limit in writing.",
				c.name(id), text.Hours(peakAvg), over, first)
			runStart = -1
		}
		for w := 0; w < n; w++ {
			sum += total[w]
			if w-weeks >= 0 {
				sum -= total[w-weeks]
			}
			if w < weeks-1 || w < firstIdx {
				continue // before the first week reported, or before any work
			}
			lo := max(w-weeks+1, firstIdx)
			cnt := w - lo + 1
			if sum > limit*cnt {
				avg := (sum + cnt/2) / cnt
				if runStart < 0 {
					runStart, peakAvg, peakWeek, peakN = w, avg, w, cnt
				} else if avg >= peakAvg {
					peakAvg, peakWeek, peakN = avg, w, cnt
				}
			} else {
				flush()
			}
		}
		flush()
	}
}

func (c *checker) minimumWage() {
	if c.in.HourlyRate == nil || c.in.MinimumWage == nil {
		return
	}
	type key struct {
		pa       int64
		t        ShiftType
		problem  int // 1 below, 2 no rate, 3 no minimum
		rate     money.Money
		min      money.Money
		minLabel string
	}
	type found struct {
		first item
		n     int
		order int
	}
	seen := map[key]*found{}
	var order []key
	for _, it := range c.items {
		s := it.s
		if !s.Status.WorkedByPA() || s.PAID == 0 || !c.inRange(it.date) {
			continue
		}
		k := key{pa: s.PAID, t: s.Type}
		rate, ok := c.in.HourlyRate(s.PAID, it.date, s.Type)
		minRate, label, mok := c.in.MinimumWage(s.PAID, it.date)
		switch {
		case !ok:
			k.problem = 2
			k.t = ""
		case !mok:
			k.problem = 3
			k.t = ""
		case rate < minRate:
			k.problem, k.rate, k.min, k.minLabel = 1, rate, minRate, label
		default:
			continue
		}
		if f, ok := seen[k]; ok {
			f.n++
			continue
		}
		seen[k] = &found{first: it, n: 1}
		order = append(order, k)
	}
	for _, k := range order {
		f := seen[k]
		d := f.first.date
		count := "1 shift"
		if f.n > 1 {
			count = fmt.Sprintf("%d shifts", f.n)
		}
		switch k.problem {
		case 1:
			what := k.t.Phrase() + "s"
			if k.t == SleepIn {
				what = "time woken during sleep-ins"
			}
			c.warn(RuleMinimumWage, k.pa, d, f.first.s.ID,
				"%s is paid %s an hour for %s, below the %s (%s an hour), on %s from %s. Raise the rate in their contract to at least %s an hour.",
				c.name(k.pa), k.rate.Format(), what, k.minLabel, k.min.Format(), count, d.UK(), k.min.Format())
		case 2:
			c.warn(RuleMinimumWage, k.pa, d, f.first.s.ID,
				"There is no pay rate for %s on %s (%s from then), so the minimum wage could not be checked. Add a contract that covers that date.",
				c.name(k.pa), d.UK(), count)
		case 3:
			c.warn(RuleMinimumWage, k.pa, d, f.first.s.ID,
				"The minimum wage for %s on %s is not known (%s from then), so their pay could not be checked. Check their date of birth is entered.",
				c.name(k.pa), d.UK(), count)
		}
	}
}

func (c *checker) supportHours() {
	want := c.in.SupportMinutesPerWeek
	if want <= 0 || c.from.IsZero() {
		return
	}
	first := WeekStart(c.from)
	if first.Before(c.from) {
		first = first.AddDays(7)
	}
	if c.to.DaysSince(first) < 6 {
		return
	}
	n := (c.to.DaysSince(first) + 1) / 7
	planned := make([]int, n)
	cover := make([]int, n)
	hospital := make([]int, n)
	for _, it := range c.items {
		off := it.date.DaysSince(first)
		if off < 0 || off >= n*7 {
			continue
		}
		w := off / 7
		s := it.s
		switch {
		case s.Status.Delivered():
			planned[w] += s.PaidMinutes()
			if s.Status == NeedsCover {
				cover[w] += s.PaidMinutes()
			}
		case s.Status == Suspended || s.Status == Retained:
			hospital[w] += s.PaidMinutes()
		}
	}
	for w := 0; w < n; w++ {
		got := planned[w]
		if got == want {
			continue
		}
		d := first.AddDays(7 * w)
		extra := ""
		if cover[w] > 0 {
			extra += fmt.Sprintf(" This includes %s that still need cover.", text.Hours(cover[w]))
		}
		if got > want {
			c.warn(RuleSupportHours, 0, d, 0,
				"Week of %s: %s planned, %s more than the %s agreed with the council. Check the rota, or talk to the council if the support needed has changed.%s",
				d.UK(), text.Hours(got), text.Hours(got-want), text.Hours(want), extra)
			continue
		}
		if hospital[w] > 0 {
			extra += fmt.Sprintf(" %s were not needed because of a hospital stay.", text.Capitalise(text.Hours(hospital[w])))
		}
		c.warn(RuleSupportHours, 0, d, 0,
			"Week of %s: %s planned, %s fewer than the %s agreed with the council. Add shifts or agency cover, or keep a note of why (the council may ask).%s",
			d.UK(), text.Hours(got), text.Hours(want-got), text.Hours(want), extra)
	}
}

// Overlaps returns the shifts in existing that the same PA works (planned
// or covered) at a time overlapping s: a PA can't be in two places, so the
// service refuses s when this is not empty. A shift with s's own ID is
// skipped, so an edited shift does not clash with itself.
func Overlaps(existing []Shift, s Shift) []Shift {
	if s.PAID == 0 {
		return nil
	}
	var out []Shift
	for _, e := range existing {
		if e.PAID != s.PAID || !e.Status.WorkedByPA() || (s.ID != 0 && e.ID == s.ID) {
			continue
		}
		if Overlap(e, s) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// Concurrent returns the shifts in existing, of other carers (other PAs,
// agency, or needing cover), still to be delivered at a time overlapping
// s: without 2:1 support, the service warns about them.
func Concurrent(existing []Shift, s Shift) []Shift {
	var out []Shift
	for _, e := range existing {
		if !e.Status.Delivered() || (s.ID != 0 && e.ID == s.ID) {
			continue
		}
		if s.PAID != 0 && e.PAID == s.PAID {
			continue
		}
		if Overlap(e, s) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// TwoAtOnce returns the shifts of Concurrent that overlap s by more than a
// handover of handoverMinutes: two carers on at once, which needs 2:1
// support. The rota checks warn about the same shifts.
func TwoAtOnce(existing []Shift, s Shift, handoverMinutes int) []Shift {
	var out []Shift
	for _, e := range Concurrent(existing, s) {
		if beyondHandover(e, s, handoverMinutes) {
			out = append(out, e)
		}
	}
	return out
}

// StandardHandoverMinutes is how long two carers may overlap at a handover
// before it counts as two carers at once (2:1 support).
const StandardHandoverMinutes = 30

// Overlap is how long shifts a and b are both on: 0 when they do not
// overlap (one ending when the other starts does not).
func Overlap(a, b Shift) time.Duration {
	start, end := a.Start, a.End
	if b.Start.After(start) {
		start = b.Start
	}
	if b.End.Before(end) {
		end = b.End
	}
	if !end.After(start) {
		return 0
	}
	return end.Sub(start)
}

// beyondHandover reports whether a and b overlap for longer than a
// handover of handoverMinutes (a negative handover counts as none).
func beyondHandover(a, b Shift, handoverMinutes int) bool {
	return Overlap(a, b) > time.Duration(max(handoverMinutes, 0))*time.Minute
}

// WarningGroup is the warnings of one rule about one PA, for a summary
// ("rest-11h, Sarah Jones: 12 warnings from 06/04/2026 to 29/06/2026").
type WarningGroup struct {
	Rule        string
	PAID        int64
	Count       int
	First, Last civil.Date
	// Example is the first warning's message.
	Example string
}

// GroupWarnings groups warnings by rule and PA, in the order first seen.
func GroupWarnings(ws []Warning) []WarningGroup {
	type k struct {
		rule string
		pa   int64
	}
	idx := map[k]int{}
	var out []WarningGroup
	for _, w := range ws {
		key := k{w.Rule, w.PAID}
		i, ok := idx[key]
		if !ok {
			idx[key] = len(out)
			out = append(out, WarningGroup{Rule: w.Rule, PAID: w.PAID, First: w.Date, Last: w.Date, Example: w.Message})
			i = len(out) - 1
		}
		g := &out[i]
		g.Count++
		if w.Date.Before(g.First) {
			g.First = w.Date
		}
		if w.Date.After(g.Last) {
			g.Last = w.Date
		}
	}
	return out
}
