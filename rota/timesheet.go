package rota

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/money"
	"patoolkit/text"
)

// TimesheetStatus is where a timesheet stands. It moves Draft -> Signed
// (by the PA) -> Approved (by the employer) -> Locked (once paid); a
// signed timesheet may go back to Draft, which removes the signature.
type TimesheetStatus string

// The timesheet statuses.
const (
	Draft    TimesheetStatus = "draft"
	Signed   TimesheetStatus = "signed"
	Approved TimesheetStatus = "approved"
	Locked   TimesheetStatus = "locked"
)

// Label returns the status as shown.
func (s TimesheetStatus) Label() string { return labelOr(statusLabels, s, "Unknown status") }

var statusLabels = map[TimesheetStatus]string{
	Draft: "Draft", Signed: "Signed by the PA", Approved: "Approved", Locked: "Locked (paid)",
}

// ParseTimesheetStatus reads a status as stored.
func ParseTimesheetStatus(s string) (TimesheetStatus, error) {
	if st := TimesheetStatus(strings.ToLower(strings.TrimSpace(s))); statusLabels[st] != "" {
		return st, nil
	}
	return "", invalidf("%q is not a timesheet status: use draft, signed, approved or locked.", s)
}

// Entry is one line of a timesheet: a shift as actually worked.
type Entry struct {
	// ShiftID is the rota shift this entry records; 0 for work that was
	// not on the rota.
	ShiftID int64
	// Start and End are the actual times.
	Start, End   time.Time
	Type         ShiftType
	BreakMinutes int
	// WokenMinutes is the time woken to work during a sleep-in.
	WokenMinutes int
	// Retained marks a shift not worked but paid as a retainer during a
	// hospital stay of the person supported.
	Retained bool
	// MileageTenths is the business mileage in tenths of a mile (12.5
	// miles is 125).
	MileageTenths int
	// Expenses is money the PA spent for the work, to be paid back.
	Expenses money.Money
	Note     string
}

// maxMileageTenths is the most mileage one entry may record (10,000
// miles); maxExpenses the most expenses (£10,000).
const (
	maxMileageTenths = 100_000
	maxExpenses      = money.Money(1_000_000)
)

// Equal reports whether e and o record the same work: the same shift,
// instants (in any time zone), type, break, woken time, retainer, mileage,
// expenses and note.
func (e Entry) Equal(o Entry) bool {
	return e.ShiftID == o.ShiftID && e.Start.Equal(o.Start) && e.End.Equal(o.End) && e.Type == o.Type &&
		e.BreakMinutes == o.BreakMinutes && e.WokenMinutes == o.WokenMinutes && e.Retained == o.Retained &&
		e.MileageTenths == o.MileageTenths && e.Expenses == o.Expenses && e.Note == o.Note
}

// SameEntries reports whether a and b are the same lines in the same
// order (Entry.Equal).
func SameEntries(a, b []Entry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Equal(b[i]) {
			return false
		}
	}
	return true
}

// shift returns the entry as a shift of the PA paID, for lengths and pay.
func (e Entry) shift(paID int64) Shift {
	st := Planned
	if e.Retained {
		st = Retained
	}
	return Shift{ID: e.ShiftID, PAID: paID, Start: e.Start, End: e.End, Type: e.Type,
		BreakMinutes: e.BreakMinutes, WokenMinutes: e.WokenMinutes, Status: st}
}

// Minutes returns the entry's true length in minutes.
func (e Entry) Minutes() int { return e.shift(1).Minutes() }

// PaidMinutes returns the entry's time paid at hourly rates (see
// Shift.PaidMinutes).
func (e Entry) PaidMinutes() int { return e.shift(1).PaidMinutes() }

// Validate checks the entry on its own.
func (e Entry) Validate() error {
	if err := e.shift(1).Validate(); err != nil {
		return err
	}
	if e.MileageTenths < 0 {
		return invalidf("The mileage can't be negative: enter the miles driven, or 0.")
	}
	if e.MileageTenths > maxMileageTenths {
		return invalidf("%s miles looks like a typing mistake: check the mileage.", mileageText(e.MileageTenths))
	}
	if e.Expenses < 0 {
		return invalidf("Expenses can't be negative: enter what the PA spent, or 0.")
	}
	if e.Expenses > maxExpenses {
		return invalidf("Expenses of %s look like a typing mistake: check the amount.", e.Expenses.Format())
	}
	return nil
}

// Doubt says in plain words why a timesheet line as typed may be a
// mistake, by the rule Shift.Doubt asks about a shift with (a day line
// that runs past midnight, or a line longer than LongShiftMinutes), to
// follow "Line 3 ": "ends before it starts, so it runs past midnight to
// 07:00 the next day (23 hours)." It is "" when the line is not in doubt.
func (e Entry) Doubt() string {
	s := e.shift(1)
	pastMidnight, long := s.doubts()
	if !pastMidnight && !long {
		return ""
	}
	m := text.Hours(s.Minutes())
	if s.EndDate() != s.Date() {
		end := s.End.In(london)
		return fmt.Sprintf("ends before it starts, so it runs past midnight to %s the next day (%s).", FormatClock(end.Hour()*60+end.Minute()), m)
	}
	return fmt.Sprintf("is %s long, more than %s.", m, text.Hours(LongShiftMinutes))
}

// LineField is the field of a timesheet form that line n (from 1) is on:
// "line 3".
func LineField(n int) string { return fmt.Sprintf("line %d", n) }

// CheckEntries checks a timesheet's lines as SetEntries does: every
// line's problem at once, each on LineField(n) and starting "Line n: ".
func CheckEntries(entries []Entry) field.Errors {
	var errs field.Errors
	for i, e := range entries {
		err := e.Validate()
		if err == nil {
			err = CheckNote(e.Note)
		}
		if err != nil {
			errs.Add(LineField(i+1), "Line %d: %s", i+1, err.Error())
		}
	}
	return errs
}

// mileageText shows tenths of a mile as "12.5".
func mileageText(tenths int) string {
	if tenths%10 == 0 {
		return fmt.Sprintf("%d", tenths/10)
	}
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}

// Timesheet is one PA's record of work for a pay period.
type Timesheet struct {
	ID   int64
	PAID int64
	// From and To are the pay period, inclusive.
	From, To civil.Date
	Status   TimesheetStatus
	// Rota is the PA's shifts on the rota for the period when the
	// timesheet was made: Differences compares the entries with it.
	Rota    []Shift
	Entries []Entry
	// SignedName is the name the PA typed as their declaration, on
	// SignedOn.
	SignedName string
	SignedOn   civil.Date
	// ApprovedBy is the employer (or the person managing the payment) who
	// approved it, on ApprovedOn.
	ApprovedBy string
	ApprovedOn civil.Date
	Note       string
}

// StatusText is the timesheet's status with its dates, as the screen and
// the PDF show it: "Draft: not yet signed by the PA", "Signed by the PA on
// 12/04/2026, waiting for approval", "Approved on 14/04/2026 by Sam Jones",
// "Approved on 14/04/2026 by Sam Jones and paid (locked)".
func (t Timesheet) StatusText() string {
	approved := func() string {
		s := "Approved on " + t.ApprovedOn.UK()
		if by := strings.TrimSpace(t.ApprovedBy); by != "" {
			s += " by " + by
		}
		return s
	}
	switch t.Status {
	case Draft:
		return "Draft: not yet signed by the PA"
	case Signed:
		return "Signed by the PA on " + t.SignedOn.UK() + ", waiting for approval"
	case Approved:
		return approved()
	case Locked:
		return approved() + " and paid (locked)"
	}
	return t.Status.Label()
}

// NewTimesheet makes a draft timesheet for the PA paID and the period
// from to to, prefilled from the rota: one entry for each of the PA's
// shifts starting in the period that they work (planned, or covering for
// someone) or are paid for as a retainer (Retained entries), in time
// order. Shifts needing cover, with an agency, suspended or cancelled are
// left out. Each rota shift must have been stored (have an ID).
func NewTimesheet(paID int64, from, to civil.Date, shifts []Shift) (Timesheet, error) {
	if paID <= 0 {
		return Timesheet{}, invalidf("Choose the PA the timesheet is for.")
	}
	if from.IsZero() || to.IsZero() {
		return Timesheet{}, invalidf("Enter the first and last days of the pay period.")
	}
	if to.Before(from) {
		return Timesheet{}, invalidf("The pay period ends (%s) before it starts (%s): check the dates.", to.UK(), from.UK())
	}
	t := Timesheet{PAID: paID, From: from, To: to, Status: Draft}
	seen := map[int64]bool{}
	for _, s := range shifts {
		if s.PAID != paID || !s.Status.PaysPA() {
			continue
		}
		d := s.Date()
		if d.Before(from) || d.After(to) {
			continue
		}
		if err := s.Validate(); err != nil {
			return Timesheet{}, err
		}
		if s.ID == 0 {
			return Timesheet{}, invalidf("The shift on %s has not been saved yet: save the rota before making the timesheet.", d.UK())
		}
		if seen[s.ID] {
			return Timesheet{}, invalidf("The shift on %s is on the rota twice: this is a program fault, please report it.", d.UK())
		}
		seen[s.ID] = true
		t.Rota = append(t.Rota, s)
	}
	sort.SliceStable(t.Rota, func(i, j int) bool { return t.Rota[i].Start.Before(t.Rota[j].Start) })
	for _, s := range t.Rota {
		t.Entries = append(t.Entries, Entry{ShiftID: s.ID, Start: s.Start, End: s.End, Type: s.Type,
			BreakMinutes: s.BreakMinutes, WokenMinutes: s.WokenMinutes, Retained: s.Status == Retained})
	}
	return t, nil
}

// editable says why the timesheet can't be changed, or nil when it can.
func (t *Timesheet) editable() error {
	switch t.Status {
	case Draft:
		return nil
	case Signed:
		return refusedf("The PA has signed this timesheet, so it can't be changed. Return it to draft first (their signature will be removed).")
	case Approved:
		return refusedf("This timesheet was approved on %s, so it can't be changed. Corrections go on the next timesheet.", t.ApprovedOn.UK())
	case Locked:
		return refusedf("This timesheet has been paid and is locked, so it can't be changed. Corrections go on the next timesheet.")
	}
	return invalidf("The timesheet's status %q is not known: this is a program fault, please report it.", string(t.Status))
}

// checkEntry checks e as entry number i (-1: a new one) of t.
func (t *Timesheet) checkEntry(i int, e Entry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	d := civil.Of(e.Start.In(london))
	if d.Before(t.From) || d.After(t.To) {
		return invalidf("This shift starts on %s, outside this timesheet (%s to %s): put it on the timesheet for that period.", d.UK(), t.From.UK(), t.To.UK())
	}
	if e.ShiftID != 0 {
		found := false
		for _, s := range t.Rota {
			if s.ID == e.ShiftID {
				found = true
				break
			}
		}
		if !found {
			return invalidf("This entry refers to a shift that is not on this PA's rota for the period: record it as work not on the rota.")
		}
		for j, o := range t.Entries {
			if j != i && o.ShiftID == e.ShiftID {
				return invalidf("The rota shift on %s is already on this timesheet (line %d): change that line instead.", d.UK(), j+1)
			}
		}
	}
	return nil
}

func (t *Timesheet) checkIndex(i int) error {
	if i < 0 || i >= len(t.Entries) {
		return invalidf("There is no line %d on this timesheet: choose a line from 1 to %d.", i+1, len(t.Entries))
	}
	return nil
}

// SetEntry replaces entry i (from 0). Only a draft can be changed.
func (t *Timesheet) SetEntry(i int, e Entry) error {
	if err := t.editable(); err != nil {
		return err
	}
	if err := t.checkIndex(i); err != nil {
		return err
	}
	if err := t.checkEntry(i, e); err != nil {
		return err
	}
	if err := CheckNote(e.Note); err != nil {
		return err
	}
	t.Entries[i] = e
	return nil
}

// AddEntry adds an entry (work not on the rota has ShiftID 0), keeping the
// entries in time order. Only a draft can be changed.
func (t *Timesheet) AddEntry(e Entry) error {
	if err := t.editable(); err != nil {
		return err
	}
	if err := t.checkEntry(-1, e); err != nil {
		return err
	}
	if err := CheckNote(e.Note); err != nil {
		return err
	}
	i := sort.Search(len(t.Entries), func(i int) bool { return t.Entries[i].Start.After(e.Start) })
	t.Entries = append(t.Entries, Entry{})
	copy(t.Entries[i+1:], t.Entries[i:])
	t.Entries[i] = e
	return nil
}

// RemoveEntry removes entry i (from 0), for a planned shift not worked.
// Only a draft can be changed.
func (t *Timesheet) RemoveEntry(i int) error {
	if err := t.editable(); err != nil {
		return err
	}
	if err := t.checkIndex(i); err != nil {
		return err
	}
	t.Entries = append(t.Entries[:i], t.Entries[i+1:]...)
	return nil
}

// SetEntries replaces every entry with entries, as a person entered the
// whole timesheet; a line that is wrong is refused with its number. Only a
// draft can be changed.
func (t *Timesheet) SetEntries(entries []Entry) error {
	if err := t.editable(); err != nil {
		return err
	}
	if err := invalidAll(CheckEntries(entries)); err != nil {
		return err
	}
	t.Entries = append([]Entry(nil), entries...)
	return nil
}

// SetNote changes the timesheet's note. Only a draft can be changed.
func (t *Timesheet) SetNote(note string) error {
	if err := t.editable(); err != nil {
		return err
	}
	if err := checkText("note", "The timesheet's note", note); err != nil {
		return err
	}
	t.Note = note
	return nil
}

// Validate checks the whole timesheet.
func (t Timesheet) Validate() error {
	if t.PAID <= 0 {
		return invalidf("The timesheet has no PA: choose who it is for.")
	}
	if t.From.IsZero() || t.To.IsZero() || t.To.Before(t.From) {
		return invalidf("The timesheet's pay period is not set or ends before it starts: check the dates.")
	}
	if _, err := ParseTimesheetStatus(string(t.Status)); err != nil {
		return err
	}
	for i, e := range t.Entries {
		if err := t.checkEntry(i, e); err != nil {
			return invalidf("Line %d: %s", i+1, err.Error())
		}
	}
	if t.Status != Draft && (strings.TrimSpace(t.SignedName) == "" || t.SignedOn.IsZero()) {
		return invalidf("The timesheet is %s but has no signature: this is a program fault, please report it.", strings.ToLower(t.Status.Label()))
	}
	if (t.Status == Approved || t.Status == Locked) && (strings.TrimSpace(t.ApprovedBy) == "" || t.ApprovedOn.IsZero()) {
		return invalidf("The timesheet is %s but has no approval: this is a program fault, please report it.", strings.ToLower(t.Status.Label()))
	}
	return nil
}

// normName folds a name for comparison: spaces collapsed, case ignored.
func normName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// Sign records the PA's declaration: typed is the name they typed, which
// must match their name paName (ignoring case and extra spaces), on the
// day on, which can't be before the last day worked on the timesheet.
// Only a draft can be signed.
func (t *Timesheet) Sign(paName, typed string, on civil.Date) error {
	switch t.Status {
	case Draft:
	case Signed:
		return refusedf("The PA has already signed this timesheet, on %s.", t.SignedOn.UK())
	default:
		if err := t.editable(); err != nil {
			return err
		}
	}
	if strings.TrimSpace(paName) == "" {
		return invalidf("The PA's name is not known: enter it on their record first.")
	}
	if strings.TrimSpace(typed) == "" {
		return invalidf("To sign, the PA types their full name (%s).", strings.TrimSpace(paName))
	}
	if err := checkText("signed_name", "The name typed", typed); err != nil {
		return err
	}
	if !strings.EqualFold(normName(typed), normName(paName)) {
		return invalidf("The name typed (%s) does not match the PA's name (%s): the PA should type their own full name.", strings.TrimSpace(typed), strings.TrimSpace(paName))
	}
	if on.IsZero() {
		return invalidf("Enter the date the PA signs.")
	}
	if err := t.Validate(); err != nil {
		return err
	}
	for _, e := range t.Entries {
		if d := civil.Of(e.End.In(london)); on.Before(d) {
			return invalidf("The timesheet includes work on %s, so it can't be signed on %s: sign it after the last shift.", d.UK(), on.UK())
		}
	}
	t.SignedName = strings.Join(strings.Fields(typed), " ")
	t.SignedOn = on
	t.Status = Signed
	return nil
}

// ReturnToDraft sends a signed timesheet back for changes, removing the
// PA's signature. An approved or locked timesheet can't go back.
func (t *Timesheet) ReturnToDraft() error {
	switch t.Status {
	case Signed:
		t.Status = Draft
		t.SignedName = ""
		t.SignedOn = civil.Date{}
		return nil
	case Draft:
		return refusedf("This timesheet is already a draft.")
	}
	return t.editable()
}

// Approve records the employer's approval, by the person by on the day
// on (not before the PA signed). The PA must sign first.
func (t *Timesheet) Approve(by string, on civil.Date) error {
	switch t.Status {
	case Signed:
	case Draft:
		return refusedf("The PA must sign this timesheet before you approve it.")
	case Approved:
		return refusedf("This timesheet was already approved on %s.", t.ApprovedOn.UK())
	default:
		return t.editable()
	}
	if strings.TrimSpace(by) == "" {
		return invalidf("Enter the name of the person approving the timesheet.")
	}
	if err := checkText("approved_by", "The approver's name", by); err != nil {
		return err
	}
	if on.IsZero() {
		return invalidf("Enter the date of the approval.")
	}
	if on.Before(t.SignedOn) {
		return invalidf("The approval date (%s) is before the PA signed (%s): check the date.", on.UK(), t.SignedOn.UK())
	}
	t.ApprovedBy = strings.Join(strings.Fields(by), " ")
	t.ApprovedOn = on
	t.Status = Approved
	return nil
}

// EarlyApproval is the warning to give before approving the timesheet on
// day on when its pay period has not yet ended (on is before its last
// day): the PA may still work in the period, and an approved timesheet
// can't be changed. It is "" from the period's last day on.
func (t Timesheet) EarlyApproval(on civil.Date) string {
	if on.IsZero() || !on.Before(t.To) {
		return ""
	}
	return fmt.Sprintf("This timesheet's pay period runs until %s, so it has not ended on %s. Any work done after that would be missing, and once it is approved it can't be changed. It is best to approve it on or after %s.",
		t.To.UK(), on.UK(), t.To.UK())
}

// Lock locks an approved timesheet once it has been paid. A locked
// timesheet never changes again.
func (t *Timesheet) Lock() error {
	switch t.Status {
	case Approved:
		t.Status = Locked
		return nil
	case Locked:
		return refusedf("This timesheet is already locked.")
	}
	return refusedf("Only an approved timesheet can be locked (once it is paid): approve it first.")
}

// Unlock returns a locked timesheet to approved when the pay run that paid
// it is reversed (with a reason, in the audit log), so a new run can pay
// it. It is the only way a locked timesheet changes.
func (t *Timesheet) Unlock() error {
	if t.Status != Locked {
		return refusedf("Only a locked timesheet can be unlocked, when the pay run that paid it is reversed.")
	}
	t.Status = Approved
	return nil
}

// DiffKind names what differs between a timesheet and the rota.
type DiffKind string

// The kinds of difference.
const (
	DiffStart   DiffKind = "start"
	DiffEnd     DiffKind = "end"
	DiffBreak   DiffKind = "break"
	DiffWoken   DiffKind = "woken"
	DiffType    DiffKind = "type"
	DiffAdded   DiffKind = "added"   // worked, not on the rota
	DiffMissing DiffKind = "missing" // on the rota, not on the timesheet
)

// Difference is one way a timesheet differs from the rota, to highlight.
type Difference struct {
	Kind DiffKind
	// Entry is the timesheet line (from 0), -1 for a missing shift.
	Entry   int
	ShiftID int64
	Date    civil.Date
	Message string
}

// Differences compares each entry with its rota shift, in date order:
// start or end moved, break, woken time or type changed, work added that
// was not on the rota, and rota shifts missing from the timesheet.
func (t Timesheet) Differences() []Difference {
	planned := make(map[int64]Shift, len(t.Rota))
	for _, s := range t.Rota {
		planned[s.ID] = s
	}
	used := map[int64]bool{}
	var out []Difference
	for i, e := range t.Entries {
		d := civil.Of(e.Start.In(london))
		add := func(k DiffKind, format string, a ...any) {
			out = append(out, Difference{Kind: k, Entry: i, ShiftID: e.ShiftID, Date: d, Message: fmt.Sprintf(format, a...)})
		}
		p, ok := planned[e.ShiftID]
		if e.ShiftID == 0 || !ok {
			add(DiffAdded, "Not on the rota: %s, %s on %s (%s).", e.Type.Phrase(), timesText(e.Start, e.End), d.UK(), text.Hours(e.Minutes()))
			continue
		}
		used[e.ShiftID] = true
		if !e.Start.Equal(p.Start) {
			add(DiffStart, "Started %s, planned %s (%s).", moved(e.Start, p.Start), moved(p.Start, e.Start), lateness(e.Start.Sub(p.Start), "late", "early"))
		}
		if !e.End.Equal(p.End) {
			add(DiffEnd, "Finished %s, planned %s (%s).", moved(e.End, p.End), moved(p.End, e.End), lateness(e.End.Sub(p.End), "later", "earlier"))
		}
		if e.Type != p.Type {
			add(DiffType, "Recorded as a %s, planned as a %s.", e.Type.Phrase(), p.Type.Phrase())
		}
		if e.Retained != (p.Status == Retained) {
			if e.Retained {
				add(DiffType, "Recorded as retained (not worked), planned as worked.")
			} else {
				add(DiffType, "Recorded as worked, planned as retained during a hospital stay.")
			}
		}
		if e.BreakMinutes != p.BreakMinutes && !breakAsRuleAsks(e, p) {
			add(DiffBreak, "%s, %s.", text.Capitalise(breakText(e.BreakMinutes)), plannedText(p.BreakMinutes))
		}
		if e.WokenMinutes != p.WokenMinutes {
			w := "No time woken"
			if e.WokenMinutes > 0 {
				w = "Woken for " + text.Hours(e.WokenMinutes)
			}
			add(DiffWoken, "%s during the sleep-in, %s.", w, plannedText(p.WokenMinutes))
		}
	}
	for _, s := range t.Rota {
		if used[s.ID] {
			continue
		}
		out = append(out, Difference{Kind: DiffMissing, Entry: -1, ShiftID: s.ID, Date: s.Date(),
			Message: fmt.Sprintf("On the rota but not on the timesheet: %s, %s on %s.", s.Type.Phrase(), timesText(s.Start, s.End), s.Date().UK())})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// MaxUsualBreakMinutes is the longest break taken in place of a planned
// one that fell short of the break rule that is still not a difference:
// a break of 20 minutes to an hour is what the rule's warning asks for;
// a longer one changes the pay enough to be looked at.
const MaxUsualBreakMinutes = 60

// breakAsRuleAsks reports whether entry e's break is one the break rule
// asked for and the rota p did not plan: the planned shift needed a break
// and had too short a one (the check warned), and the break taken meets
// the rule. Taking the break the rule asks for is not a difference.
func breakAsRuleAsks(e Entry, p Shift) bool {
	return p.NeedsBreak() && p.BreakMinutes < MinBreakMinutes && e.shift(p.PAID).NeedsBreak() &&
		e.BreakMinutes >= MinBreakMinutes && e.BreakMinutes <= MaxUsualBreakMinutes
}

// timesText shows "08:00 to 12:00" or "22:00 to 08:00 the next day".
func timesText(start, end time.Time) string {
	return clockOf(start) + " to " + clockOf(end) + endDayText(civil.Of(start.In(london)), civil.Of(end.In(london)))
}

// moved shows t as a clock time, with its date when other is on another
// day.
func moved(t, other time.Time) string {
	if civil.Of(t.In(london)) == civil.Of(other.In(london)) {
		return clockOf(t)
	}
	return clockOf(t) + " on " + civil.Of(t.In(london)).UK()
}

func lateness(d time.Duration, later, earlier string) string {
	m := int(d / time.Minute)
	if m >= 0 {
		return text.Hours(m) + " " + later
	}
	return text.Hours(-m) + " " + earlier
}

func breakText(m int) string {
	if m == 0 {
		return "no break"
	}
	return "break of " + text.Hours(m)
}

func plannedText(m int) string {
	if m == 0 {
		return "none planned"
	}
	return "planned " + text.Hours(m)
}

// Totals are a timesheet's sums, for the payslip and the council.
type Totals struct {
	// Shifts is the number of entries worked (not retained).
	Shifts int
	// PaidMinutes is the hourly time worked, woken time included; the
	// class fields split it as it is paid (see ClassOn).
	PaidMinutes                                                        int
	DayMinutes, WakingNightMinutes, WeekendMinutes, BankHolidayMinutes int
	// SleepIns is the number of sleep-ins worked; WokenMinutes the time
	// woken during them (already in PaidMinutes).
	SleepIns     int
	WokenMinutes int
	// RetainedMinutes and RetainedSleepIns are paid as a retainer, not
	// worked.
	RetainedMinutes  int
	RetainedSleepIns int
	MileageTenths    int
	Expenses         money.Money
}

// Totals adds up the entries of a valid timesheet (see Validate; an entry
// longer than 7 days counts no paid time).
func (t Timesheet) Totals() Totals {
	var out Totals
	for _, e := range t.Entries {
		out.MileageTenths += e.MileageTenths
		out.Expenses += e.Expenses
		s := e.shift(t.PAID)
		if e.Retained {
			out.RetainedMinutes += s.PaidMinutes()
			if s.Type == SleepIn {
				out.RetainedSleepIns++
			}
			continue
		}
		out.Shifts++
		if s.Type == SleepIn {
			out.SleepIns++
			out.WokenMinutes += max(s.WokenMinutes, 0)
		}
		for _, p := range paidParts(s) {
			out.PaidMinutes += p.minutes
			switch p.class {
			case ClassDay:
				out.DayMinutes += p.minutes
			case ClassWakingNight:
				out.WakingNightMinutes += p.minutes
			case ClassWeekend:
				out.WeekendMinutes += p.minutes
			case ClassBankHoliday:
				out.BankHolidayMinutes += p.minutes
			}
		}
	}
	return out
}

// PayLine is one line of a timesheet's pay: all the time of one class at
// one rate.
type PayLine struct {
	Class PayClass
	// Retained lines are paid as a retainer during a hospital stay.
	Retained bool
	Minutes  int // hourly time (0 on a sleep-in allowance line)
	Count    int // sleep-ins (allowance lines only)
	Rate     money.Money
	Amount   money.Money
}

// TimesheetPay is the gross pay a timesheet earns.
type TimesheetPay struct {
	Lines []PayLine
	// Total is the sum of the lines: gross pay, before expenses.
	Total       money.Money
	PaidMinutes int
	// Expenses and mileage are paid back, not earnings.
	Expenses      money.Money
	MileageTenths int
}

// Pay works out the gross pay of the timesheet's entries, each at the
// contract rates in force on the day it starts (rates returns them; see
// CostShift). The parts of every entry are gathered into one line per
// class, rate and retainer, and each line's amount is its minutes x rate /
// 60 rounded to the nearest penny, half up (an allowance line is count x
// the allowance). So a line reads as a payslip does: "40 hours at £13.00 =
// £520.00".
func (t Timesheet) Pay(rates func(civil.Date) (Rates, bool)) (TimesheetPay, error) {
	type key struct {
		class    PayClass
		retained bool
		rate     money.Money
	}
	lines := map[key]*PayLine{}
	var out TimesheetPay
	for i, e := range t.Entries {
		out.Expenses += e.Expenses
		out.MileageTenths += e.MileageTenths
		sp, err := CostShift(e.shift(t.PAID), rates)
		if err != nil {
			return TimesheetPay{}, invalidf("Line %d: %s", i+1, err.Error())
		}
		for _, p := range sp.Lines {
			k := key{p.Class, e.Retained, p.Rate}
			l, ok := lines[k]
			if !ok {
				l = &PayLine{Class: p.Class, Retained: e.Retained, Rate: p.Rate}
				lines[k] = l
			}
			if p.Class == ClassSleepIn {
				l.Count++
			} else {
				l.Minutes += p.Minutes
			}
		}
		out.PaidMinutes += sp.PaidMinutes
	}
	order := map[PayClass]int{ClassDay: 0, ClassWakingNight: 1, ClassWeekend: 2, ClassBankHoliday: 3, ClassSleepIn: 4}
	for _, l := range lines {
		if l.Class == ClassSleepIn {
			l.Amount = money.Money(l.Count) * l.Rate
		} else {
			l.Amount = AmountFor(l.Minutes, l.Rate)
		}
		out.Lines = append(out.Lines, *l)
		out.Total += l.Amount
	}
	sort.Slice(out.Lines, func(i, j int) bool {
		a, b := out.Lines[i], out.Lines[j]
		if a.Retained != b.Retained {
			return !a.Retained
		}
		if order[a.Class] != order[b.Class] {
			return order[a.Class] < order[b.Class]
		}
		return a.Rate < b.Rate
	})
	return out, nil
}
