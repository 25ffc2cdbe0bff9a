package service

import (
	"fmt"
	"strings"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/rota"
	"patoolkit/storage"
)

// Patterns returns an account's rota patterns.
func (s *Service) Patterns(accountID int64) ([]rota.Pattern, error) {
	return read(s, "reading the patterns", func(tx *storage.Tx) ([]rota.Pattern, error) {
		return tx.Patterns(accountID)
	})
}

// FillResult says what filling a pattern did to the rota.
type FillResult struct {
	Added, Updated, Removed int
}

func (f FillResult) String() string {
	return fmt.Sprintf("%d shifts added, %d changed, %d removed", f.Added, f.Updated, f.Removed)
}

// SavePattern stores a pattern (ID 0: a new one) and fills the rota with it
// from from to to. Shifts changed by hand, or no longer planned (needing
// cover, covered, cancelled), are left as they are.
func (s *Service) SavePattern(accountID int64, p rota.Pattern, from, to civil.Date) (rota.Pattern, FillResult, error) {
	p.Name = strings.TrimSpace(p.Name)
	if err := s.CheckPattern(p, from, to); err != nil {
		return p, FillResult{}, err
	}
	var res FillResult
	err := s.update("saving the pattern", func(tx *storage.Tx) error {
		rc, err := loadRotaContext(tx, accountID)
		if err != nil {
			return err
		}
		for _, e := range p.Entries {
			if _, ok := rc.pas[e.PAID]; !ok {
				return NotFoundf("A PA in the pattern is not on this budget.")
			}
		}
		if err := tx.SavePattern(accountID, &p); err != nil {
			return err
		}
		res, err = s.fill(tx, rc, p, from, to)
		if err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "pattern saved", fmt.Sprintf("%s, filled %s to %s: %s", p.Name, from.UK(), to.UK(), res))
	})
	return p, res, err
}

// ChangePattern applies new entries to a pattern from date d: the old
// pattern ends the day before, a new one starts on d, and the rota from d
// to to is refilled. Shifts before d are not touched.
func (s *Service) ChangePattern(accountID, patternID int64, d civil.Date, entries []rota.PatternEntry, to civil.Date) (rota.Pattern, FillResult, error) {
	var next rota.Pattern
	var res FillResult
	err := s.update("changing the pattern", func(tx *storage.Tx) error {
		rc, old, err := loadPattern(tx, accountID, patternID)
		if err != nil {
			return err
		}
		oldEnded, n, err := old.ChangeFrom(d, entries)
		if err != nil {
			return rotaError(err)
		}
		if err := tx.SavePattern(accountID, &oldEnded); err != nil {
			return err
		}
		if _, err := s.fill(tx, rc, oldEnded, d, to); err != nil {
			return err
		}
		if err := tx.SavePattern(accountID, &n); err != nil {
			return err
		}
		if res, err = s.fill(tx, rc, n, d, to); err != nil {
			return err
		}
		next = n
		return tx.Audit(s.now(), accountID, "pattern changed", fmt.Sprintf("%s from %s: %s", n.Name, d.UK(), res))
	})
	return next, res, err
}

// fill refills the rota with a pattern's shifts from from to to.
func (s *Service) fill(tx *storage.Tx, rc rotaContext, p rota.Pattern, from, to civil.Date) (FillResult, error) {
	if p := rota.CheckDays(from, to); p != nil {
		return FillResult{}, invalid(p)
	}
	if to.DaysSince(from) > 3*366 {
		return FillResult{}, Invalidf("Fill at most three years at a time.")
	}
	existing, err := tx.PatternShifts(p.ID)
	if err != nil {
		return FillResult{}, err
	}
	add, update, remove, err := p.Refill(existing, from, to)
	if err != nil {
		return FillResult{}, rotaError(err)
	}
	for _, sh := range add {
		// A PA who has not started or has left is not put on the rota.
		if pa, ok := rc.pas[sh.PAID]; ok && !pa.Active(sh.Date()) {
			continue
		}
		if err := tx.InsertShift(rc.account.ID, &sh); err != nil {
			return FillResult{}, err
		}
	}
	for _, sh := range update {
		if err := tx.UpdateShift(rc.account.ID, sh); err != nil {
			return FillResult{}, err
		}
	}
	for _, sh := range remove {
		if err := tx.DeleteShift(sh.ID); err != nil {
			return FillResult{}, err
		}
	}
	return FillResult{Added: len(add), Updated: len(update), Removed: len(remove)}, nil
}

// CheckPattern checks a pattern and the dates to fill the rota for as
// SavePattern does, every problem at once, each on its field ("name",
// "cycle", "from", "until", rota.EntryField(n) for shift n, "fill_from"),
// and stores nothing.
func (s *Service) CheckPattern(p rota.Pattern, from, to civil.Date) error {
	var errs field.Errors
	if err := rota.CheckPatternName(strings.TrimSpace(p.Name)); err != nil {
		errs = append(errs, field.Of(err)...)
	}
	errs = append(errs, p.Problems()...)
	if from.IsZero() {
		errs.Add("fill_from", "Type the first day to fill the rota from, as DD/MM/YYYY.")
	}
	if len(errs) > 0 {
		return invalid(errs)
	}
	return nil
}

// FillPattern refills the rota with a stored pattern from from to to.
func (s *Service) FillPattern(accountID, patternID int64, from, to civil.Date) (FillResult, error) {
	var res FillResult
	err := s.update("filling the rota", func(tx *storage.Tx) error {
		rc, p, err := loadPattern(tx, accountID, patternID)
		if err != nil {
			return err
		}
		if res, err = s.fill(tx, rc, p, from, to); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "rota filled", fmt.Sprintf("%s, %s to %s: %s", p.Name, from.UK(), to.UK(), res))
	})
	return res, err
}

// findPattern returns one of the account's patterns.
// loadPattern is loadRotaContext and one of the budget's patterns.
func loadPattern(tx *storage.Tx, accountID, patternID int64) (rotaContext, rota.Pattern, error) {
	rc, err := loadRotaContext(tx, accountID)
	if err != nil {
		return rc, rota.Pattern{}, err
	}
	p, err := findPattern(tx, accountID, patternID)
	return rc, p, err
}

func findPattern(tx *storage.Tx, accountID, patternID int64) (rota.Pattern, error) {
	pats, err := tx.Patterns(accountID)
	if err != nil {
		return rota.Pattern{}, err
	}
	for _, p := range pats {
		if p.ID == patternID {
			return p, nil
		}
	}
	return rota.Pattern{}, NotFoundf("That pattern no longer exists.")
}

// RecordAbsence stores a PA's holiday, sickness or other leave, or a
// hospital stay of the person supported, and marks the shifts it touches:
// the absent PA's shifts need cover; a hospital stay suspends or retains
// every planned shift. It returns the shifts changed.
func (s *Service) RecordAbsence(accountID int64, a rota.Absence) ([]rota.Shift, error) {
	a.Note = strings.TrimSpace(a.Note)
	if err := a.Validate(); err != nil {
		return nil, rotaError(err)
	}
	return write(s, "recording the absence", func(tx *storage.Tx) ([]rota.Shift, error) {
		return s.recordAbsence(tx, accountID, a)
	})
}

// CheckAbsence checks an absence as RecordAbsence does, every problem at
// once on its field, and stores nothing: a form that could not read some
// of its boxes still shows every other problem in the same round.
func (s *Service) CheckAbsence(a rota.Absence) error {
	a.Note = strings.TrimSpace(a.Note)
	return rotaError(a.Validate())
}

func (s *Service) recordAbsence(tx *storage.Tx, accountID int64, a rota.Absence) ([]rota.Shift, error) {
	rc, err := loadRotaContext(tx, accountID)
	if err != nil {
		return nil, err
	}
	who := "the person supported"
	if a.Kind != rota.HospitalStay {
		if _, ok := rc.pas[a.PAID]; !ok {
			return nil, NotFoundf("That PA is not on this budget.")
		}
		who = rc.name(a.PAID)
	}
	shifts, err := tx.Shifts(accountID, dayStart(a.From), dayStart(a.To.AddDays(1)))
	if err != nil {
		return nil, err
	}
	changed, err := rota.ApplyAbsence(shifts, a)
	if err != nil {
		return nil, rotaError(err)
	}
	for _, sh := range changed {
		if err := s.refuseIfTimesheetLocked(tx, accountID, shiftBefore(shifts, sh.ID)); err != nil {
			return nil, err
		}
		if err := tx.UpdateShift(accountID, sh); err != nil {
			return nil, err
		}
	}
	if err := tx.InsertAbsence(accountID, &a); err != nil {
		return nil, err
	}
	return changed, tx.Audit(s.now(), accountID, "absence recorded", fmt.Sprintf("%s: %s, %s to %s; %d shifts changed",
		who, a.Kind, a.From.UK(), a.To.UK(), len(changed)))
}

func shiftBefore(shifts []rota.Shift, id int64) rota.Shift {
	for _, sh := range shifts {
		if sh.ID == id {
			return sh
		}
	}
	return rota.Shift{}
}

// Absences returns an account's absences overlapping from..to.
func (s *Service) Absences(accountID int64, from, to civil.Date) ([]rota.Absence, error) {
	return read(s, "reading the absences", func(tx *storage.Tx) ([]rota.Absence, error) {
		return tx.Absences(accountID, from, to)
	})
}

// CoverShift gives a shift that needs cover to another PA (paID), or to an
// agency when paID is 0.
func (s *Service) CoverShift(shiftID, paID int64) (rota.Shift, error) {
	return write(s, "covering the shift", func(tx *storage.Tx) (rota.Shift, error) {
		return s.coverShift(tx, shiftID, paID)
	})
}

func (s *Service) coverShift(tx *storage.Tx, shiftID, paID int64) (rota.Shift, error) {
	sh, accountID, err := findShift(tx, shiftID)
	if err != nil {
		return sh, err
	}
	rc, err := loadRotaContext(tx, accountID)
	if err != nil {
		return sh, err
	}
	var out rota.Shift
	if paID == 0 {
		out, err = rota.AgencyCover(sh)
	} else {
		out, err = rota.Cover(sh, paID)
	}
	if err != nil {
		return sh, rotaError(err)
	}
	if paID != 0 {
		if err := rc.allowed(tx, out); err != nil {
			return sh, err
		}
	}
	if err := tx.UpdateShift(accountID, out); err != nil {
		return sh, err
	}
	return out, tx.Audit(s.now(), accountID, "shift covered", rc.describe(out))
}

// ReinstateShift puts a shift back as it was before an absence, a hospital
// stay or a cancellation: back to the PA it was taken from, and planned.
func (s *Service) ReinstateShift(shiftID int64) (rota.Shift, error) {
	var out rota.Shift
	err := s.update("putting the shift back", func(tx *storage.Tx) error {
		sh, accountID, err := findShift(tx, shiftID)
		if err != nil {
			return err
		}
		if sh.Status == rota.Planned {
			return Invalidf("This shift is already planned as it is: there is nothing to put back.")
		}
		if err := s.refuseIfTimesheetLocked(tx, accountID, sh); err != nil {
			return err
		}
		rc, err := loadRotaContext(tx, accountID)
		if err != nil {
			return err
		}
		if out, err = rota.Reinstate(sh); err != nil {
			return rotaError(err)
		}
		if err := rc.allowed(tx, out); err != nil {
			return err
		}
		if err := tx.UpdateShift(accountID, out); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "shift put back", rc.describe(out))
	})
	return out, err
}
