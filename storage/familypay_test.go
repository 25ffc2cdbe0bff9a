package storage

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/payroll"
)

func TestFamilyLeaveRoundTripAndRefusals(t *testing.T) {
	db, _ := openTemp(t)
	a, p := seedPA(t, db)
	smp := FamilyLeave{AccountID: a.ID, PAID: p.ID, Note: " MATB1 seen 02/07/2026 ",
		Leave: payroll.FamilyLeave{Kind: payroll.Maternity, Expected: civil.MustParse("2026-11-10"), From: civil.MustParse("2026-11-01"), Weeks: 39}}
	spbp := FamilyLeave{AccountID: a.ID, PAID: p.ID,
		Leave: payroll.FamilyLeave{Kind: payroll.Bereavement, Death: civil.MustParse("2026-06-03"), From: civil.MustParse("2026-06-08"), To: civil.MustParse("2026-06-21"), Weeks: 2}}
	mustUpdate(t, db, func(tx *Tx) error { return tx.InsertFamilyLeave(&smp) }, func(tx *Tx) error { return tx.InsertFamilyLeave(&spbp) })
	view(db, func(tx *Tx) {
		got, err := tx.FamilyLeaves(p.ID)
		if err != nil || len(got) != 2 || got[0].ID != spbp.ID || got[1].Leave != smp.Leave || got[1].Note != "MATB1 seen 02/07/2026" || got[0].Leave != spbp.Leave {
			t.Errorf("FamilyLeaves = %+v %v", got, err)
		}
		one, err := tx.FamilyLeave(smp.ID)
		if err != nil || one.AccountID != a.ID || one.PAID != p.ID || one.Leave != smp.Leave {
			t.Errorf("FamilyLeave = %+v %v", one, err)
		}
		if all, err := tx.AccountFamilyLeaves(a.ID); err != nil || len(all) != 2 {
			t.Errorf("AccountFamilyLeaves = %d %v", len(all), err)
		}
	})

	other := sampleAccount()
	other.Name = "Another budget"
	mustUpdate(t, db, func(tx *Tx) error { return tx.InsertAccount(&other) })
	for _, tt := range []struct {
		name, field, want string
		edit              func(*FamilyLeave)
	}{
		{"weeks", "weeks", "1 to 39 weeks", func(f *FamilyLeave) { f.Leave.Weeks = 52 }},
		{"no due date", "expected", "MATB1", func(f *FamilyLeave) { f.Leave.Expected = civil.Date{} }},
		{"another budget's PA", "pa", "PA of this budget", func(f *FamilyLeave) { f.AccountID = other.ID }},
		{"no PA", "pa", "PA of this budget", func(f *FamilyLeave) { f.PAID = 0 }},
		{"a note with a control character", "note", "The note", func(f *FamilyLeave) { f.Note = "bad\x00" }},
		{"a long note", "note", "The note", func(f *FamilyLeave) { f.Note = strings.Repeat("x", 501) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := smp
			f.ID = 0
			tt.edit(&f)
			err := db.Update(t.Context(), func(tx *Tx) error { return tx.InsertFamilyLeave(&f) })
			if fe := field.Of(err); len(fe) != 1 || fe[0].Field != tt.field || !strings.Contains(fe[0].Message, tt.want) {
				t.Errorf("error %v, want field %q saying %q", err, tt.field, tt.want)
			}
			view(db, func(tx *Tx) {
				if got, _ := tx.AccountFamilyLeaves(a.ID); len(got) != 2 {
					t.Errorf("%d episodes after a refusal, want the 2 there were", len(got))
				}
			})
		})
	}

	mustUpdate(t, db, func(tx *Tx) error { return tx.DeleteFamilyLeave(spbp.ID) })
	err := db.Update(t.Context(), func(tx *Tx) error { return tx.DeleteFamilyLeave(spbp.ID) })
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again: %v", err)
	}
	view(db, func(tx *Tx) {
		if _, err := tx.FamilyLeave(spbp.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("deleted episode: %v", err)
		}
	})
}

// A file made before migration 0008 gains the family_leave table, its
// records kept, and the table refuses what the rules refuse.
func TestFamilyLeaveMigration(t *testing.T) {
	older := fstest.MapFS{}
	ms, _ := fs.ReadDir(migrationFiles, "migrations")
	found := false
	for _, m := range ms {
		if strings.HasPrefix(m.Name(), "0008_") {
			found = m.Name() == "0008_family_pay.sql"
			break
		}
		b, _ := fs.ReadFile(migrationFiles, "migrations/"+m.Name())
		older["migrations/"+m.Name()] = &fstest.MapFile{Data: b}
	}
	if !found {
		t.Fatal("no migration 0008_family_pay.sql")
	}
	migrationFS = older
	defer func() { migrationFS = migrationFiles }()
	db, path := openTemp(t)
	a := seedOld(t, db)
	p := samplePA(a.ID)
	mustUpdate(t, db, func(tx *Tx) error { return tx.InsertPA(&p) })
	if v, _ := db.Version(); v != 7 {
		t.Fatalf("version before = %d, want 7", v)
	}
	db.Close()

	migrationFS = migrationFiles
	db2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if v, _ := db2.Version(); v < 8 {
		t.Fatalf("version after = %d", v)
	}
	f := FamilyLeave{AccountID: a.ID, PAID: p.ID, Leave: payroll.FamilyLeave{Kind: payroll.Paternity, Expected: civil.MustParse("2026-11-10"), From: civil.MustParse("2026-11-12"), Weeks: 2}}
	mustUpdate(t, db2, func(tx *Tx) error { return tx.InsertFamilyLeave(&f) })
	for _, bad := range []string{
		"INSERT INTO family_leave (account_id, pa_id, kind, leave_from, weeks) VALUES (?, ?, 'holiday', '2026-11-12', 1)",
		"INSERT INTO family_leave (account_id, pa_id, kind, leave_from, weeks) VALUES (?, ?, 'paternity', '2026-11-12', 40)",
		"INSERT INTO family_leave (account_id, pa_id, kind, leave_from, leave_to, weeks) VALUES (?, ?, 'paternity', '2026-11-12', '2026-11-01', 1)",
	} {
		if _, err := db2.sql.Exec(bad, a.ID, p.ID); err == nil {
			t.Errorf("the table took %s", bad)
		}
	}
}
