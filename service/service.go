// Package service holds the person's jobs: set up a budget, add a PA,
// record a contract, back up the file. The window and the CLI both call it,
// so every job can be done, tested and timed without a display. Each job
// opens one storage transaction and calls the pure packages.
package service

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"patoolkit/household"
	"patoolkit/outfile"
	"patoolkit/storage"
)

// Service is an open data file and the jobs that can be done with it.
type Service struct {
	db  *storage.DB
	now func() time.Time
}

// DefaultDataPath returns the usual data file, in the user's configuration
// folder (created with mode 0700 when missing), e.g.
// ~/.config/patoolkit/patoolkit.db on Linux.
func DefaultDataPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", internal("finding your data folder", err)
	}
	dir = filepath.Join(dir, "patoolkit")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", internal("making your data folder "+dir, err)
	}
	// The folder is the toolkit's own: keep it private, as the README says,
	// even if it was made or copied with a looser mode.
	if st, err := os.Stat(dir); err == nil && runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return "", internal("making your data folder "+dir+" private", err)
		}
	}
	return filepath.Join(dir, "patoolkit.db"), nil
}

// Open opens the data file at path (creating it when it does not exist).
func Open(path string) (*Service, error) {
	db, err := storage.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	dataOpened(db.Path())
	return &Service{db: db, now: time.Now}, nil
}

// openError explains why a data file could not be opened.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, storage.ErrInUse):
		return Conflictf("%s is open in another copy of PA Employer Toolkit. Close that copy first, then try again.", path)
	case errors.Is(err, storage.ErrNotToolkit):
		return &Error{Code: Invalid, Message: fmt.Sprintf("%s is not a PA Employer Toolkit data file, so it was left untouched. Choose your toolkit file (it usually ends in .db).", path), Err: err}
	case errors.Is(err, storage.ErrDamaged):
		return &Error{Code: Invalid, Message: fmt.Sprintf("%s is damaged and was left untouched. Restore your latest backup with: patoolkit restore --data %s --from BACKUP", path, path), Err: err}
	case errors.Is(err, storage.ErrNewerVersion):
		return &Error{Code: Invalid, Message: fmt.Sprintf("%s was saved by a newer version of PA Employer Toolkit. Install the newer version to open it; this one will not change it.", path), Err: err}
	case errors.Is(err, storage.ErrNotAFile):
		return &Error{Code: Invalid, Message: fmt.Sprintf("%s is not a file the toolkit can keep its data in (it is a folder, a device or a broken link). Nothing was made. Give a file name, like patoolkit.db.", path), Err: err}
	}
	var ir *storage.InterruptedRestoreError
	if errors.As(err, &ir) {
		return &Error{Code: Invalid, Err: err, Message: fmt.Sprintf("%s is missing, but %s is there: a restore stopped part way. Nothing was made, so your records are not hidden behind a new empty file. "+
			"To go back to the file you had, rename %s to %s; or restore a backup with: patoolkit restore --data %s --from BACKUP.", path, ir.Aside, ir.Aside, filepath.Base(ir.Path), path)}
	}
	var se *Error
	if errors.As(err, &se) {
		return err
	}
	return internal("opening "+path, err) // a refusal of the name stays one
}

// Close closes the data file.
func (s *Service) Close() error {
	dataClosed(s.db.Path())
	return s.db.Close()
}

// Path returns the open data file's path.
func (s *Service) Path() string { return s.db.Path() }

// SetClock replaces the clock used for the audit log (tests, the demo).
func (s *Service) SetClock(now func() time.Time) { s.now = now }

func (s *Service) update(doing string, fn func(*storage.Tx) error) error {
	err := s.db.Update(context.Background(), fn)
	if errors.Is(err, storage.ErrDamaged) && ErrorCode(err) == Internal {
		return s.damaged(err)
	}
	return internal(doing, err)
}

func (s *Service) view(doing string, fn func(*storage.Tx) error) error {
	return internal(doing, s.db.View(context.Background(), fn))
}

// Check runs the integrity, foreign-key and schema checks and returns what
// is wrong, or nothing.
func (s *Service) Check() ([]string, error) {
	problems, err := s.db.Check()
	if errors.Is(err, storage.ErrDamaged) {
		return []string{"integrity: " + err.Error()}, nil
	}
	if err != nil {
		return nil, internal("checking the data file", err)
	}
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i] = string(p)
	}
	return out, nil
}

// Verify gives the data file the full check (indexes included, which the
// quick check on opening does not read) and, when it finds the file
// damaged, refuses it with what to do. From then on nothing more is
// written to the file. The window runs it in the background after
// opening; the CLI before every command but "check", which lists the
// problems instead.
func (s *Service) Verify() error {
	problems, err := s.Check()
	if err != nil {
		if errors.Is(err, storage.ErrDamaged) {
			return s.damaged(err)
		}
		return err
	}
	if len(problems) > 0 {
		return s.damaged(errors.New(problems[0]))
	}
	return nil
}

// Backup writes a consistent copy of the data file to out, through the one
// file writer (see WriteFile); replace allows an existing backup to be
// replaced. The copy is given the full check before it takes its name, so
// a damaged data file is never passed off as a good backup.
func (s *Service) Backup(out string, replace bool) error {
	if strings.TrimSpace(out) == "" {
		return Invalidf("Say where to write the backup: a new file name, like patoolkit-backup-2026-11-20.db.")
	}
	err := s.db.BackupTo(out, replace)
	switch {
	case err == nil:
		return nil
	case outfile.KindOf(err) != 0:
		return fileRefusal(err, out)
	case errors.Is(err, storage.ErrDamaged):
		return s.damaged(err)
	}
	return internal("writing the backup", err)
}

// damaged is what the person is told when the data file fails its check.
func (s *Service) damaged(err error) error {
	return &Error{Code: Invalid, Err: err, Message: fmt.Sprintf("Your data file %s is damaged. The toolkit will not write anything more to it, "+
		"and your data has not been changed. Restore your last good backup with: patoolkit restore --data %s --from BACKUP. "+
		"To see what is wrong: patoolkit check --data %s.", s.Path(), s.Path(), s.Path())}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Restore replaces the data file at path with the backup from, after
// checking the backup is a sound toolkit file. The current file is kept
// aside; its new name is returned. The file must not be open.
func Restore(path, from string) (keptAside string, err error) {
	if err := storage.CheckDataPath(path); err != nil {
		var ir *storage.InterruptedRestoreError
		if !errors.As(err, &ir) { // restoring is the way out of that
			return "", openError(path, err)
		}
	}
	if !fileExists(from) {
		return "", Invalidf("The backup %s does not exist.", from)
	}
	aside, err := storage.Restore(path, from)
	if err == nil {
		return aside, nil
	}
	switch {
	case errors.Is(err, storage.ErrInUse):
		return "", openError(path, err)
	case errors.Is(err, storage.ErrNotToolkit):
		return "", &Error{Code: Invalid, Message: fmt.Sprintf("%s is not a PA Employer Toolkit backup. Nothing was changed.", from), Err: err}
	case errors.Is(err, storage.ErrDamaged):
		return "", &Error{Code: Invalid, Message: fmt.Sprintf("The backup %s is damaged. Nothing was changed; try an older backup.", from), Err: err}
	case errors.Is(err, storage.ErrNewerVersion):
		return "", &Error{Code: Invalid, Message: fmt.Sprintf("The backup %s was made by a newer version of PA Employer Toolkit. Nothing was changed.", from), Err: err}
	}
	if errors.Is(err, storage.ErrSameFile) {
		return "", Invalidf("The backup and the data file are the same file. Nothing was changed.")
	}
	if errors.Is(err, storage.ErrNotAFile) {
		return "", &Error{Code: Invalid, Message: fmt.Sprintf("%s is not an ordinary file (a folder, a device or a pipe), so it is not a backup. Nothing was changed.", from), Err: err}
	}
	return "", internal("restoring the backup", err)
}

// read runs one read-only job that returns a value.
func read[T any](s *Service, doing string, get func(*storage.Tx) (T, error)) (T, error) {
	return returning(s.view, doing, get)
}

// returning runs fn as the job (s.view or s.update) and returns its value.
func returning[T any](job func(string, func(*storage.Tx) error) error, doing string, fn func(*storage.Tx) (T, error)) (T, error) {
	var out T
	err := job(doing, func(tx *storage.Tx) (err error) {
		out, err = fn(tx)
		return err
	})
	return out, err
}

// readRecord is read for one record: a record that is not there is
// NotFound, with the message gone ("That PA no longer exists.").
func readRecord[T any](s *Service, doing, gone string, get func(*storage.Tx) (T, error)) (T, error) {
	return read(s, doing, func(tx *storage.Tx) (T, error) {
		v, err := get(tx)
		if errors.Is(err, storage.ErrNotFound) {
			return v, NotFoundf("%s", gone)
		}
		return v, err
	})
}

// readMoney is read for one of a budget's money records, once the
// budget's money side is known to be there (loadMoney).
func readMoney[T any](s *Service, doing string, accountID int64, get func(*storage.Tx) (T, error)) (T, error) {
	return read(s, doing, func(tx *storage.Tx) (T, error) {
		if _, err := loadMoney(tx, accountID); err != nil {
			var none T
			return none, err
		}
		return get(tx)
	})
}

// recordAudit names one kind of record for store: the message when a
// changed record is no longer there, and the audit log's actions.
type recordAudit struct {
	gone, added, changed string
}

// store adds a record (isNew, with insert) or stores a change to it (with
// change), and writes the audit line for the budget accountID with detail.
func (s *Service) store(tx *storage.Tx, accountID int64, isNew bool, r recordAudit, detail string, insert, change func() error) error {
	if isNew {
		if err := insert(); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, r.added, detail)
	}
	if err := change(); errors.Is(err, storage.ErrNotFound) {
		return NotFoundf("%s", r.gone)
	} else if err != nil {
		return err
	}
	return tx.Audit(s.now(), accountID, r.changed, detail)
}

// findBudget reads a budget, NotFound when it is no longer in the file.
func findBudget(tx *storage.Tx, accountID int64) (household.Account, error) {
	a, err := tx.Account(accountID)
	if errors.Is(err, storage.ErrNotFound) {
		return a, NotFoundf("That budget no longer exists.")
	}
	return a, err
}

// budgetExists refuses a job for a budget that is no longer in the file.
func budgetExists(tx *storage.Tx, accountID int64) error {
	_, err := findBudget(tx, accountID)
	return err
}

// remove deletes one record and writes the audit line: find reads the
// record's budget and the audit detail (storage.ErrNotFound when it is no
// longer there: NotFound with the message gone), del deletes it.
func (s *Service) remove(doing, gone, action string, find func(*storage.Tx) (accountID int64, detail string, err error), del func(*storage.Tx) error) error {
	return s.update(doing, func(tx *storage.Tx) error {
		accountID, detail, err := find(tx)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("%s", gone)
		}
		if err != nil {
			return err
		}
		if err := del(tx); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, action, detail)
	})
}

// write runs one job that changes the file and returns a value.
func write[T any](s *Service, doing string, do func(*storage.Tx) (T, error)) (T, error) {
	return returning(s.update, doing, do)
}

// storeMoney is store for one of a budget's money records, as its own
// job, once the budget's money side is known to be there (loadMoney).
func (s *Service) storeMoney(doing string, accountID int64, isNew bool, r recordAudit, detail string, insert, change func(*storage.Tx) error) error {
	return s.update(doing, func(tx *storage.Tx) error {
		if _, err := loadMoney(tx, accountID); err != nil {
			return err
		}
		return s.store(tx, accountID, isNew, r, detail, func() error { return insert(tx) }, func() error { return change(tx) })
	})
}
