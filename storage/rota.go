package storage

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"patoolkit/civil"
	"patoolkit/rota"
)

// Shift times are stored as RFC 3339 with the offset in force, and in UTC
// for ordering.
func timeText(t time.Time) string { return t.In(rota.London()).Format(time.RFC3339) }
func utcText(t time.Time) string  { return t.UTC().Format(time.RFC3339) }

type timeScan struct{ t *time.Time }

func (s timeScan) Scan(v any) error {
	str, ok := v.(string)
	if !ok {
		return fmt.Errorf("time column holds %T", v)
	}
	t, err := time.Parse(time.RFC3339, str)
	if err != nil {
		return err
	}
	*s.t = t.In(rota.London())
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

const shiftCols = `id, coalesce(pa_id, 0), start_at, end_at, type, break_minutes, woken_minutes, status,
	coalesce(cover_for_pa_id, 0), coalesce(pattern_id, 0), pattern_entry_id, pattern_date, edited, note`

func scanShift(r rowScanner) (rota.Shift, error) {
	var s rota.Shift
	var edited int
	err := r.Scan(&s.ID, &s.PAID, timeScan{&s.Start}, timeScan{&s.End}, &s.Type, &s.BreakMinutes, &s.WokenMinutes,
		&s.Status, &s.CoverForPAID, &s.PatternID, &s.PatternEntryID, dateScan{&s.PatternDate}, &edited, &s.Note)
	s.Edited = edited == 1
	return s, err
}

// Shifts returns an account's shifts starting from from up to (not
// including) to, in order of start.
func (t *Tx) Shifts(accountID int64, from, to time.Time) ([]rota.Shift, error) {
	return queryAll(t, scanShift, "SELECT "+shiftCols+" FROM shifts WHERE account_id = ? AND start_utc >= ? AND start_utc < ? ORDER BY start_utc, id",
		accountID, utcText(from), utcText(to))
}

// PatternShifts returns the shifts a pattern made, in order of start.
func (t *Tx) PatternShifts(patternID int64) ([]rota.Shift, error) {
	return queryAll(t, scanShift, "SELECT "+shiftCols+" FROM shifts WHERE pattern_id = ? ORDER BY start_utc, id", patternID)
}

// Shift returns one shift and the account it belongs to.
func (t *Tx) Shift(id int64) (rota.Shift, int64, error) {
	var accountID int64
	s, err := scanShift(t.tx.QueryRow("SELECT "+shiftCols+" FROM shifts WHERE id = ?", id))
	if err == nil {
		err = t.tx.QueryRow("SELECT account_id FROM shifts WHERE id = ?", id).Scan(&accountID)
	}
	return s, accountID, notFound("shift", err)
}

func shiftArgs(accountID int64, s rota.Shift) []any {
	return []any{accountID, nullID(s.PAID), timeText(s.Start), timeText(s.End), utcText(s.Start), s.Type,
		s.BreakMinutes, s.WokenMinutes, s.Status, nullID(s.CoverForPAID), nullID(s.PatternID), s.PatternEntryID,
		s.PatternDate.String(), boolInt(s.Edited), s.Note}
}

// InsertShift stores a new shift and sets its ID.
func (t *Tx) InsertShift(accountID int64, s *rota.Shift) error {
	return t.insertID(&s.ID, `INSERT INTO shifts (account_id, pa_id, start_at, end_at, start_utc, type, break_minutes,
		woken_minutes, status, cover_for_pa_id, pattern_id, pattern_entry_id, pattern_date, edited, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, shiftArgs(accountID, *s)...)
}

// UpdateShift stores changes to a shift.
func (t *Tx) UpdateShift(accountID int64, s rota.Shift) error {
	return t.updateOne("shift", `UPDATE shifts SET account_id = ?, pa_id = ?, start_at = ?, end_at = ?, start_utc = ?,
		type = ?, break_minutes = ?, woken_minutes = ?, status = ?, cover_for_pa_id = ?, pattern_id = ?,
		pattern_entry_id = ?, pattern_date = ?, edited = ?, note = ? WHERE id = ?`, append(shiftArgs(accountID, s), s.ID)...)
}

// DeleteShift removes a shift.
func (t *Tx) DeleteShift(id int64) error {
	_, err := t.exec("DELETE FROM shifts WHERE id = ?", id)
	return err
}

// Patterns returns an account's patterns with their entries.
func (t *Tx) Patterns(accountID int64) ([]rota.Pattern, error) {
	out, err := queryAll(t, func(r rowScanner) (rota.Pattern, error) {
		var p rota.Pattern
		err := r.Scan(&p.ID, &p.Name, &p.Cycle, dateScan{&p.Anchor}, dateScan{&p.From}, dateScan{&p.Until})
		return p, err
	}, "SELECT id, name, cycle, anchor, from_date, until_date FROM patterns WHERE account_id = ? ORDER BY from_date, id", accountID)
	return filled(out, err, func(p *rota.Pattern) (err error) {
		p.Entries, err = t.patternEntries(p.ID)
		return err
	})
}

func (t *Tx) patternEntries(patternID int64) ([]rota.PatternEntry, error) {
	return queryAll(t, func(r rowScanner) (rota.PatternEntry, error) {
		var e rota.PatternEntry
		var wd int
		err := r.Scan(&e.ID, &e.PAID, &e.Week, &wd, &e.Start, &e.End, &e.Type, &e.BreakMinutes)
		e.Weekday = time.Weekday(wd)
		return e, err
	}, `SELECT entry_id, pa_id, week, weekday, start_minute, end_minute, type, break_minutes
		FROM pattern_entries WHERE pattern_id = ? ORDER BY entry_id`, patternID)
}

// SavePattern stores a pattern and its entries (ID 0: a new one).
func (t *Tx) SavePattern(accountID int64, p *rota.Pattern) error {
	if p.ID == 0 {
		if err := t.insertID(&p.ID, "INSERT INTO patterns (account_id, name, cycle, anchor, from_date, until_date) VALUES (?, ?, ?, ?, ?, ?)",
			accountID, p.Name, p.Cycle, p.Anchor.String(), p.From.String(), p.Until.String()); err != nil {
			return err
		}
	} else if err := t.updateOne("pattern", "UPDATE patterns SET name = ?, cycle = ?, anchor = ?, from_date = ?, until_date = ? WHERE id = ?",
		p.Name, p.Cycle, p.Anchor.String(), p.From.String(), p.Until.String(), p.ID); err != nil {
		return err
	}
	if _, err := t.exec("DELETE FROM pattern_entries WHERE pattern_id = ?", p.ID); err != nil {
		return err
	}
	for i := range p.Entries {
		e := &p.Entries[i]
		if e.ID == 0 {
			e.ID = int64(i + 1)
		}
		if _, err := t.exec(`INSERT INTO pattern_entries (pattern_id, entry_id, pa_id, week, weekday, start_minute,
			end_minute, type, break_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.ID, e.ID, e.PAID, e.Week, int(e.Weekday), e.Start, e.End, e.Type, e.BreakMinutes); err != nil {
			return err
		}
	}
	return nil
}

func weekdaysText(ds []time.Weekday) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = strconv.Itoa(int(d))
	}
	return strings.Join(parts, ",")
}

func parseWeekdays(s string) ([]time.Weekday, error) {
	if s == "" {
		return nil, nil
	}
	var out []time.Weekday
	for _, p := range strings.Split(s, ",") {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 6 {
			return nil, fmt.Errorf("bad weekday list %q", s)
		}
		out = append(out, time.Weekday(n))
	}
	return out, nil
}

func scanAbsence(r rowScanner) (rota.Absence, error) {
	var a rota.Absence
	var days string
	if err := r.Scan(&a.ID, &a.PAID, &a.Kind, dateScan{&a.From}, dateScan{&a.To}, &days, &a.Hospital, &a.Note); err != nil {
		return a, err
	}
	var err error
	a.QualifyingDays, err = parseWeekdays(days)
	return a, err
}

// Absences returns an account's absences that overlap from..to (inclusive).
func (t *Tx) Absences(accountID int64, from, to civil.Date) ([]rota.Absence, error) {
	return queryAll(t, scanAbsence, `SELECT id, coalesce(pa_id, 0), kind, from_date, to_date, qualifying_days, hospital_mode, note FROM absences
		WHERE account_id = ? AND from_date <= ? AND to_date >= ? ORDER BY from_date, id`, accountID, to.String(), from.String())
}

// PASickness returns a PA's sickness absences that overlap from..to, in
// date order.
func (t *Tx) PASickness(paID int64, from, to civil.Date) ([]rota.Absence, error) {
	return queryAll(t, scanAbsence, `SELECT id, coalesce(pa_id, 0), kind, from_date, to_date, qualifying_days, hospital_mode, note FROM absences
		WHERE pa_id = ? AND kind = 'sickness' AND from_date <= ? AND to_date >= ? ORDER BY from_date, id`, paID, to.String(), from.String())
}

// InsertAbsence stores an absence and sets its ID.
func (t *Tx) InsertAbsence(accountID int64, a *rota.Absence) error {
	return t.insertID(&a.ID, `INSERT INTO absences (account_id, pa_id, kind, from_date, to_date, qualifying_days, hospital_mode, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, accountID, nullID(a.PAID), a.Kind, a.From.String(), a.To.String(),
		weekdaysText(a.QualifyingDays), a.Hospital, a.Note)
}

const timesheetCols = `id, pa_id, from_date, to_date, status, rota_snapshot, signed_name, signed_on, approved_by, approved_on, note`

func (t *Tx) scanTimesheet(r rowScanner) (rota.Timesheet, error) {
	var ts rota.Timesheet
	var snapshot string
	err := r.Scan(&ts.ID, &ts.PAID, dateScan{&ts.From}, dateScan{&ts.To}, &ts.Status, &snapshot, &ts.SignedName,
		dateScan{&ts.SignedOn}, &ts.ApprovedBy, dateScan{&ts.ApprovedOn}, &ts.Note)
	if err != nil {
		return ts, err
	}
	if err := json.Unmarshal([]byte(snapshot), &ts.Rota); err != nil {
		return ts, fmt.Errorf("timesheet %d's rota: %w", ts.ID, err)
	}
	for i := range ts.Rota {
		ts.Rota[i].Start = ts.Rota[i].Start.In(rota.London())
		ts.Rota[i].End = ts.Rota[i].End.In(rota.London())
	}
	return ts, nil
}

func (t *Tx) timesheetEntries(id int64) ([]rota.Entry, error) {
	return queryAll(t, func(r rowScanner) (rota.Entry, error) {
		var e rota.Entry
		var retained int
		err := r.Scan(&e.ShiftID, timeScan{&e.Start}, timeScan{&e.End}, &e.Type, &e.BreakMinutes, &e.WokenMinutes,
			&retained, &e.MileageTenths, &e.Expenses, &e.Note)
		e.Retained = retained == 1
		return e, err
	}, `SELECT shift_id, start_at, end_at, type, break_minutes, woken_minutes, retained, mileage_tenths, expenses_pence, note
		FROM timesheet_entries WHERE timesheet_id = ? ORDER BY position`, id)
}

// Timesheets returns an account's timesheets for periods overlapping
// from..to (inclusive), with their entries, by start then PA.
func (t *Tx) Timesheets(accountID int64, from, to civil.Date) ([]rota.Timesheet, error) {
	out, err := queryAll(t, t.scanTimesheet, "SELECT "+timesheetCols+` FROM timesheets WHERE account_id = ? AND from_date <= ? AND to_date >= ?
		ORDER BY from_date, pa_id`, accountID, to.String(), from.String())
	return filled(out, err, func(ts *rota.Timesheet) (err error) {
		ts.Entries, err = t.timesheetEntries(ts.ID)
		return err
	})
}

// Timesheet returns one timesheet with its entries, and its account.
func (t *Tx) Timesheet(id int64) (rota.Timesheet, int64, error) {
	ts, err := t.scanTimesheet(t.tx.QueryRow("SELECT "+timesheetCols+" FROM timesheets WHERE id = ?", id))
	if err != nil {
		return ts, 0, notFound("timesheet", err)
	}
	var accountID int64
	if err := t.tx.QueryRow("SELECT account_id FROM timesheets WHERE id = ?", id).Scan(&accountID); err != nil {
		return ts, 0, err
	}
	ts.Entries, err = t.timesheetEntries(id)
	return ts, accountID, err
}

// SaveTimesheet stores a timesheet and its entries (ID 0: a new one).
func (t *Tx) SaveTimesheet(accountID int64, ts *rota.Timesheet) error {
	snapshot, err := json.Marshal(ts.Rota)
	if err != nil {
		return err
	}
	args := []any{ts.PAID, ts.From.String(), ts.To.String(), ts.Status, string(snapshot), ts.SignedName,
		ts.SignedOn.String(), ts.ApprovedBy, ts.ApprovedOn.String(), ts.Note}
	if ts.ID == 0 {
		if err := t.insertID(&ts.ID, `INSERT INTO timesheets (account_id, pa_id, from_date, to_date, status, rota_snapshot,
			signed_name, signed_on, approved_by, approved_on, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			append([]any{accountID}, args...)...); err != nil {
			return err
		}
	} else if err := t.updateOne("timesheet", `UPDATE timesheets SET pa_id = ?, from_date = ?, to_date = ?, status = ?,
		rota_snapshot = ?, signed_name = ?, signed_on = ?, approved_by = ?, approved_on = ?, note = ? WHERE id = ?`,
		append(args, ts.ID)...); err != nil {
		return err
	}
	if _, err := t.exec("DELETE FROM timesheet_entries WHERE timesheet_id = ?", ts.ID); err != nil {
		return err
	}
	for i, e := range ts.Entries {
		if _, err := t.exec(`INSERT INTO timesheet_entries (timesheet_id, position, shift_id, start_at, end_at, type,
			break_minutes, woken_minutes, retained, mileage_tenths, expenses_pence, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, ts.ID, i, e.ShiftID, timeText(e.Start), timeText(e.End), e.Type,
			e.BreakMinutes, e.WokenMinutes, boolInt(e.Retained), e.MileageTenths, e.Expenses, e.Note); err != nil {
			return err
		}
	}
	return nil
}
