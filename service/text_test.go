package service

import (
	"strings"
	"testing"
	"time"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/rota"
	"patoolkit/text"
)

const esc = "x\x1b[2J"

var controlWords = "can't contain a control character (an invisible character such as Escape). Type it again without it."

// TestTypedTextIsRefusedBesideItsField: every job that stores typed text
// refuses text that is not text (a control character, a terminal code,
// bytes that are not UTF-8, a line break in a one-line field, more than
// 500 characters) as bad input, beside the field it was typed in, and
// stores nothing.
func TestTypedTextIsRefusedBesideItsField(t *testing.T) {
	s, a, sarah, _ := rotaSetup(t)
	if _, err := s.SaveMoneyAccount(MoneyAccount{AccountID: a.ID, OpeningBalance: money.MustParse("1000"),
		OpeningDate: civil.MustParse("2026-04-01"), PaymentFirst: civil.MustParse("2026-04-01")}); err != nil {
		t.Fatal(err)
	}
	sh, ts := sarahsNovember(t, s, a, sarah)
	tx := budget.Transaction{Date: civil.MustParse("2026-11-20"), Payee: "Sample Chemist", Amount: money.MustParse("-5"), Category: budget.CatOther}
	withTx := func(f func(*budget.Transaction)) func() error {
		return func() error { t := tx; f(&t); _, err := s.SaveTransaction(a.ID, t); return err }
	}
	withPA := func(f func(*household.PA)) func() error {
		return func() error { p := sarah; f(&p); _, err := s.SavePA(p); return err }
	}
	owed := budget.Owed{Kind: budget.OwedInvoice, Payee: "Sample Agency", Amount: 5000, Due: civil.MustParse("2026-12-01")}
	bill := Bill{AccountID: a.ID, Bill: budget.Bill{Payee: "Insurer", Amount: 12490, Date: civil.MustParse("2027-04-06")}}
	pattern := rota.Pattern{Name: "Mornings", Cycle: 1, From: civil.MustParse("2026-12-07"),
		Entries: []rota.PatternEntry{{PAID: sarah.ID, Week: 1, Weekday: time.Monday, Start: 8 * 60, End: 12 * 60, Type: rota.Day}}}
	for _, c := range []struct {
		name, field, want string
		job               func() error
	}{
		{"ledger payee", "payee", "The payee " + controlWords, withTx(func(t *budget.Transaction) { t.Payee = "Shop\x1b[2J" })},
		{"ledger payee on two lines", "payee", "The payee must be on one line", withTx(func(t *budget.Transaction) { t.Payee = "Shop\nLtd" })},
		{"ledger reference", "reference", "The reference can't be read", withTx(func(t *budget.Transaction) { t.Reference = "Caf\xe9" })},
		{"ledger note", "note", "The note " + controlWords, withTx(func(t *budget.Transaction) { t.Note = esc })},
		{"owed payee", "payee", "The payee " + controlWords, func() error { o := owed; o.Payee = esc; _, err := s.AddOwed(a.ID, o); return err }},
		{"owed payee too long", "payee", "under 500", func() error { o := owed; o.Payee = strings.Repeat("x", 501); _, err := s.AddOwed(a.ID, o); return err }},
		{"set-aside purpose", "purpose", "The purpose " + controlWords, func() error {
			_, err := s.SaveSetAside(SetAside{AccountID: a.ID, Purpose: esc, Amount: 100})
			return err
		}},
		{"bill payee", "payee", "The payee must be on one line", func() error { b := bill; b.Payee = "A\nB"; _, err := s.SaveBill(b); return err }},
		{"new category", "name", "The category name " + controlWords, func() error { return s.AddCategory(a.ID, esc, false) }},
		{"renamed category", "name", "The category name can't be read", func() error { return s.RenameCategory(a.ID, string(budget.CatOther), "Caf\xe9") }},
		{"shift note of 131,000 characters", "note", "The note is too long: keep it under 500 characters.", func() error {
			_, _, err := s.AddShift(a.ID, ShiftInput{PAID: sarah.ID, Start: at("2026-11-17 08:00"), End: at("2026-11-17 12:00"), Type: rota.Day, Note: strings.Repeat("x", 131_000)})
			return err
		}},
		{"shift note with a terminal code", "note", "The note " + controlWords, func() error {
			_, _, err := s.AddShift(a.ID, ShiftInput{PAID: sarah.ID, Start: at("2026-11-18 08:00"), End: at("2026-11-18 12:00"), Type: rota.Day, Note: esc})
			return err
		}},
		{"changed shift's note", "note", "The note " + controlWords, func() error { c := sh; c.Note = esc; _, _, err := s.UpdateShift(c); return err }},
		{"absence note", "note", "The note must be on one line", func() error {
			_, err := s.RecordAbsence(a.ID, rota.Absence{PAID: sarah.ID, Kind: rota.Holiday, From: civil.MustParse("2026-11-16"), To: civil.MustParse("2026-11-16"), Note: "one\ntwo"})
			return err
		}},
		{"pattern name", "name", "The pattern's name " + controlWords, func() error {
			p := pattern
			p.Name = "Mornings\x1b[2J"
			_, _, err := s.SavePattern(a.ID, p, civil.MustParse("2026-12-07"), civil.MustParse("2026-12-13"))
			return err
		}},
		{"pattern without a name", "name", "Give the pattern a name", func() error {
			p := pattern
			p.Name = " "
			_, _, err := s.SavePattern(a.ID, p, civil.MustParse("2026-12-07"), civil.MustParse("2026-12-13"))
			return err
		}},
		{"timesheet note", "note", "The timesheet's note " + controlWords, func() error { _, err := s.SetTimesheetEntries(ts.ID, ts.Entries, esc); return err }},
		{"timesheet line's note", "line 1", "Line 1: The note " + controlWords, func() error {
			es := append([]rota.Entry(nil), ts.Entries...)
			es[0].Note = esc
			_, err := s.SetTimesheetEntries(ts.ID, es, "")
			return err
		}},
		{"signature", "signed_name", "The name typed " + controlWords, func() error {
			_, err := s.SignTimesheet(ts.ID, "Sarah\x1b[2J Lee", civil.MustParse("2026-11-30"))
			return err
		}},
		{"PA's name", "name", "The PA's name " + controlWords, withPA(func(p *household.PA) { p.Name = "Sarah\x1b[2J" })},
		{"PA's notes", "notes", "The notes is too long", withPA(func(p *household.PA) { p.Notes = strings.Repeat("x", 501) })},
		{"budget's notes", "notes", "The notes " + controlWords, func() error { b := a; b.Notes = esc; _, err := s.SaveAccount(b); return err }},
		{"leaving reason", "leaving_reason", "The reason for leaving " + controlWords, func() error {
			_, err := s.RecordLeaving(sarah.ID, civil.MustParse("2026-12-31"), esc)
			return err
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := everything(t, s, a.ID)
			err := c.job()
			if ErrorCode(err) != Invalid {
				t.Fatalf("%v (code %v), want it refused as bad input", err, ErrorCode(err))
			}
			if got := FieldProblems(err).For(c.field); !strings.Contains(got, c.want) {
				t.Fatalf("%q beside %s (%v), want %q", got, c.field, FieldProblems(err), c.want)
			}
			if msg := ErrorMessage(err); strings.ContainsAny(msg, "\x1b\a") || strings.Contains(msg, "\xe9") {
				t.Fatalf("the message echoes the character: %q", msg)
			}
			if after := everything(t, s, a.ID); after != before {
				t.Fatalf("a refused job changed the data:\n%s\n---\n%s", before, after)
			}
		})
	}
	// The signature and approval of a timesheet are checked too.
	if _, err := s.SignTimesheet(ts.ID, "Sarah Lee", civil.MustParse("2026-11-30")); err != nil {
		t.Fatal(err)
	}
	_, err := s.ApproveTimesheet(ts.ID, esc, civil.MustParse("2026-11-30"))
	if got := FieldProblems(err).For("approved_by"); !strings.Contains(got, "The approver's name "+controlWords) {
		t.Errorf("approve: %v", err)
	}
	if ts, _ := s.Timesheet(ts.ID); ts.Status != rota.Signed {
		t.Errorf("a refused approval changed the timesheet: %s", ts.Status)
	}
}

// everything is a fingerprint of what the jobs above store.
func everything(t *testing.T, s *Service, accountID int64) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(rows(t, s, accountID))
	shifts, _ := s.Shifts(accountID, civil.MustParse("2026-01-01"), civil.MustParse("2027-12-31"))
	for _, sh := range shifts {
		b.WriteString(sh.Start.String() + string(sh.Status) + sh.Note + "\n")
	}
	abs, _ := s.Absences(accountID, civil.MustParse("2026-01-01"), civil.MustParse("2027-12-31"))
	for _, a := range abs {
		b.WriteString(a.From.String() + a.Note + "\n")
	}
	pats, _ := s.Patterns(accountID)
	for _, p := range pats {
		b.WriteString(p.Name + "\n")
	}
	sas, _ := s.SetAsides(accountID)
	for _, sa := range sas {
		b.WriteString(sa.Purpose + "\n")
	}
	bills, _ := s.Bills(accountID)
	for _, bl := range bills {
		b.WriteString(bl.Payee + "\n")
	}
	tss, _ := s.Timesheets(accountID, civil.MustParse("2026-01-01"), civil.MustParse("2027-12-31"))
	for _, ts := range tss {
		b.WriteString(string(ts.Status) + ts.Note + ts.SignedName + ts.ApprovedBy + "\n")
		for _, e := range ts.Entries {
			b.WriteString(e.Note + "\n")
		}
	}
	pas, _ := s.PAs(accountID)
	for _, p := range pas {
		b.WriteString(p.Name + p.Notes + p.LeavingReason + "\n")
	}
	acc, _ := s.Account(accountID)
	b.WriteString(acc.Notes + "\n")
	return b.String()
}

// TestImportedTextIsStoredClean: a statement's terminal codes, control
// characters and stray bytes are cleaned before the ledger keeps them, and
// a receipt's file name is cleaned too.
func TestImportedTextIsStoredClean(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	csv := "Date,Description,Amount,Reference\n" +
		"02/04/2026,\"SHOP\x1b[2J\x1b]0;pwned\a  LTD\",-1.00,INV\x0712\n" +
		"03/04/2026,CAF\xc3\x89 \xff ROYAL,-2.00,\n"
	prev, err := s.PlanImport(a.ID, strings.NewReader(csv), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportStatement(a.ID, prev.Plan, nil); err != nil {
		t.Fatal(err)
	}
	l, err := s.Ledger(a.ID, LedgerFilter{Sort: OldestFirst})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range l.Entries {
		got = append(got, e.Payee+"|"+e.Reference)
	}
	if want := "SHOP LTD|INV12\nCAFÉ \uFFFD ROYAL|"; strings.Join(got, "\n") != want {
		t.Errorf("stored %q, want %q", strings.Join(got, "\n"), want)
	}
	pdf := append([]byte("%PDF-1.7\n"), make([]byte, 100)...)
	rc, err := s.AddReceipt(l.Entries[0].ID, "receipt\x1b[2J\n.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	if rc.FileName != "receipt .pdf" || text.Check("The file name", rc.FileName, text.Line) != "" {
		t.Errorf("receipt kept as %q", rc.FileName)
	}
}
