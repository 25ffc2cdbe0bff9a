package storage

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/payroll"
)

func TestPensionRecords(t *testing.T) {
	db, acc := seeded(t)
	pa := household.PA{AccountID: acc.ID, Name: "Ada Lovelace", StartDate: civil.MustParse("2026-04-01")}
	mustUpdate(t, db, func(tx *Tx) error { return tx.InsertPA(&pa) })
	view(db, func(tx *Tx) {
		if _, ok, err := tx.PensionDuties(acc.ID); ok || err != nil {
			t.Errorf("duties before any were saved: %v %v", ok, err)
		}
	})
	want := PensionDuties{AccountID: acc.ID, Duties: payroll.Duties{Start: civil.MustParse("2026-04-01"), PostponeMonths: 3,
		ReEnrolment: civil.MustParse("2029-04-01")}, Declared: civil.MustParse("2026-08-20"), SchemeRef: "EMP123456789", PaymentSource: "Direct debit"}
	st := payroll.PensionState{Enrolled: civil.MustParse("2026-07-01"), InfoGiven: civil.MustParse("2026-07-03"), OptedOut: civil.MustParse("2026-07-20")}
	mustUpdate(t, db, func(tx *Tx) error { return tx.SavePensionDuties(want) }, func(tx *Tx) error { return tx.SavePensionState(pa.ID, st) })
	view(db, func(tx *Tx) {
		got, ok, err := tx.PensionDuties(acc.ID)
		if !ok || err != nil || got != want {
			t.Errorf("duties %+v %v %v, want %+v", got, ok, err, want)
		}
		states, err := tx.PensionStates(acc.ID)
		if err != nil || states[pa.ID] != st || len(states) != 1 {
			t.Errorf("states %+v %v, want %+v", states, err, st)
		}
	})
	// Saving again replaces.
	st.OptedOut = civil.Date{}
	mustUpdate(t, db, func(tx *Tx) error { return tx.SavePensionState(pa.ID, st) })
	view(db, func(tx *Tx) {
		if states, _ := tx.PensionStates(acc.ID); states[pa.ID] != st {
			t.Errorf("after replacing: %+v", states[pa.ID])
		}
	})
}

// TestMigrationNumbersMayHaveGaps: two branches may add migrations at
// once (0006 and 0007); a build with only the later one opens files, and
// one that later brings the earlier number applies it too.
func TestMigrationNumbersMayHaveGaps(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.db")
	all := fstest.MapFS{}
	ms, _ := fs.ReadDir(migrationFiles, "migrations")
	for _, m := range ms {
		b, _ := fs.ReadFile(migrationFiles, "migrations/"+m.Name())
		all["migrations/"+m.Name()] = &fstest.MapFile{Data: b}
	}
	latest := LatestVersion()
	gap := fstest.MapFS{}
	for k, v := range all {
		gap[k] = v
	}
	gap[fmt.Sprintf("migrations/%04d_later.sql", latest+2)] = &fstest.MapFile{Data: []byte("CREATE TABLE later (id INTEGER PRIMARY KEY);")}
	migrationFS = gap
	defer func() { migrationFS = migrationFiles }()
	db, err := Open(path)
	if err != nil {
		t.Fatalf("a gap in the numbers: %v", err)
	}
	if v, _ := db.Version(); v != latest+2 {
		t.Errorf("version %d, want %d", v, latest+2)
	}
	db.Close()
	filled := fstest.MapFS{}
	for k, v := range gap {
		filled[k] = v
	}
	filled[fmt.Sprintf("migrations/%04d_earlier.sql", latest+1)] = &fstest.MapFile{Data: []byte("CREATE TABLE earlier (id INTEGER PRIMARY KEY);")}
	migrationFS = filled
	db, err = Open(path)
	if err != nil {
		t.Fatalf("the missing number arriving later: %v", err)
	}
	defer db.Close()
	var n int
	if err := db.sql.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name IN ('earlier', 'later')").Scan(&n); err != nil || n != 2 {
		t.Errorf("tables made: %d %v", n, err)
	}
	dup := fstest.MapFS{}
	for k, v := range filled {
		dup[k] = v
	}
	dup[fmt.Sprintf("migrations/%04d_again.sql", latest+1)] = &fstest.MapFile{Data: []byte("SELECT 1;")}
	migrationFS = dup
	if _, err := migrations(); err == nil {
		t.Error("two migrations with one number were accepted")
	}
}
