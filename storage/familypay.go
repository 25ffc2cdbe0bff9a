package storage

import (
	"errors"
	"strings"

	"patoolkit/field"
	"patoolkit/payroll"
	"patoolkit/text"
)

// FamilyLeave is one stored episode of a PA's family leave.
type FamilyLeave struct {
	ID        int64
	AccountID int64
	PAID      int64
	Leave     payroll.FamilyLeave
	Note      string
}

const familyLeaveCols = "id, account_id, pa_id, kind, expected_on, matched_on, born_on, died_on, care_from, leave_from, leave_to, weeks, note"

func scanFamilyLeave(r rowScanner) (FamilyLeave, error) {
	var f FamilyLeave
	var kind string
	l := &f.Leave
	err := r.Scan(&f.ID, &f.AccountID, &f.PAID, &kind, dateScan{&l.Expected}, dateScan{&l.Matched}, dateScan{&l.Birth},
		dateScan{&l.Death}, dateScan{&l.CareFrom}, dateScan{&l.From}, dateScan{&l.To}, &l.Weeks, &f.Note)
	l.Kind = payroll.FamilyPayKind(kind)
	return f, err
}

// FamilyLeaves returns a PA's episodes of family leave, by first day.
func (t *Tx) FamilyLeaves(paID int64) ([]FamilyLeave, error) {
	return queryAll(t, scanFamilyLeave, "SELECT "+familyLeaveCols+" FROM family_leave WHERE pa_id = ? ORDER BY leave_from, id", paID)
}

// AccountFamilyLeaves returns every episode of family leave of a budget,
// by first day and then PA.
func (t *Tx) AccountFamilyLeaves(accountID int64) ([]FamilyLeave, error) {
	return queryAll(t, scanFamilyLeave, "SELECT "+familyLeaveCols+" FROM family_leave WHERE account_id = ? ORDER BY leave_from, pa_id, id", accountID)
}

// FamilyLeave returns one episode.
func (t *Tx) FamilyLeave(id int64) (FamilyLeave, error) {
	f, err := scanFamilyLeave(t.tx.QueryRow("SELECT "+familyLeaveCols+" FROM family_leave WHERE id = ?", id))
	return f, notFound("family leave", err)
}

// maxFamilyNote is the longest note kept with an episode.
const maxFamilyNote = 500

// InsertFamilyLeave stores an episode and sets its ID. Bad input (dates
// that do not fit the kind, a PA of another budget, a long note) is
// refused with a field.Error before anything is written.
func (t *Tx) InsertFamilyLeave(f *FamilyLeave) error {
	f.Note = strings.TrimSpace(f.Note)
	if err := f.Leave.Validate(); err != nil {
		return err
	}
	if msg := text.Check("The note", f.Note, text.Lines.Shorter(maxFamilyNote)); msg != "" {
		return field.New("note", "%s", msg)
	}
	pa, err := t.PA(f.PAID)
	if errors.Is(err, ErrNotFound) || (err == nil && pa.AccountID != f.AccountID) {
		return field.New("pa", "Choose a PA of this budget.")
	} else if err != nil {
		return err
	}
	l := f.Leave
	return t.insertID(&f.ID, `INSERT INTO family_leave (account_id, pa_id, kind, expected_on, matched_on, born_on, died_on, care_from,
		leave_from, leave_to, weeks, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.AccountID, f.PAID, string(l.Kind), l.Expected.String(), l.Matched.String(), l.Birth.String(), l.Death.String(),
		l.CareFrom.String(), l.From.String(), l.To.String(), l.Weeks, f.Note)
}

// DeleteFamilyLeave removes an episode.
func (t *Tx) DeleteFamilyLeave(id int64) error {
	return t.updateOne("family leave", "DELETE FROM family_leave WHERE id = ?", id)
}
