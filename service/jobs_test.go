package service

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	ical "github.com/emersion/go-ical"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/rota"
	"patoolkit/storage"
	"patoolkit/storage/storagetest"
)

// Service tests for the jobs the window calls that had tests only through
// the window.

// noError stands in a table for a job that must succeed.
const noError Code = -1

// codeOf is err's code, or noError.
func codeOf(err error) Code {
	if err == nil {
		return noError
	}
	return ErrorCode(err)
}

// lastAudit is the last change recorded for the account.
func lastAudit(t *testing.T, s *Service, accountID int64) string {
	t.Helper()
	return lastAuditEntry(t, s, accountID).Action
}
func lastAuditEntry(t *testing.T, s *Service, accountID int64) storage.AuditEntry {
	t.Helper()
	var log []storage.AuditEntry
	if err := s.view("reading the audit log", func(tx *storage.Tx) (err error) {
		log, err = tx.AuditLog(accountID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(log) == 0 {
		return storage.AuditEntry{}
	}
	return log[len(log)-1]
}

// signedTimesheet is Sarah's timesheet for November 2026, one shift, signed.
func signedTimesheet(t *testing.T) (*Service, household.Account, rota.Timesheet) {
	t.Helper()
	s, a, sarah, _ := rotaSetup(t)
	_, ts := sarahsNovember(t, s, a, sarah)
	ts, err := s.SignTimesheet(ts.ID, "Sarah Lee", civil.MustParse("2026-11-30"))
	if err != nil {
		t.Fatal(err)
	}
	return s, a, ts
}

func TestReturnTimesheet(t *testing.T) {
	t.Run("signed goes back to draft", func(t *testing.T) {
		s, a, ts := signedTimesheet(t)
		got, err := s.ReturnTimesheet(ts.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != rota.Draft || got.SignedName != "" || !got.SignedOn.IsZero() {
			t.Errorf("returned = %+v, want a draft with no signature", got)
		}
		if stored, _ := s.Timesheet(ts.ID); stored.Status != rota.Draft {
			t.Errorf("stored status = %s", stored.Status)
		}
		if got := lastAudit(t, s, a.ID); got != "timesheet returned to draft" {
			t.Errorf("audit = %q", got)
		}
		// A draft can be corrected and signed again.
		entries := got.Entries
		entries[0].End = at("2026-11-16 12:30")
		if _, err := s.SetTimesheetEntries(ts.ID, entries, "Corrected"); err != nil {
			t.Errorf("correcting the returned timesheet: %v", err)
		}
		if _, err := s.SignTimesheet(ts.ID, "Sarah Lee", civil.MustParse("2026-12-01")); err != nil {
			t.Errorf("signing again: %v", err)
		}
	})
	t.Run("refused", func(t *testing.T) {
		s, _, ts := signedTimesheet(t)
		if _, err := s.ApproveTimesheet(ts.ID, "Jane Smith", civil.MustParse("2026-11-30")); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			id   int64
			want Code
		}{
			{"approved", ts.ID, Invalid},
			{"no such timesheet", ts.ID + 100, NotFound},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if _, err := s.ReturnTimesheet(tc.id); codeOf(err) != tc.want {
					t.Errorf("ReturnTimesheet = %v, want code %v", err, tc.want)
				}
			})
		}
		if stored, _ := s.Timesheet(ts.ID); stored.Status != rota.Approved || stored.SignedName != "Sarah Lee" {
			t.Errorf("a refused return changed the timesheet: %+v", stored)
		}
	})
}

func TestPayPeriods(t *testing.T) {
	s := openTemp(t)
	tom := setupTom(t, s) // paid monthly, on the 25th
	noEmployer, err := s.SaveAccount(household.Account{Name: "No employer yet", PersonSupported: "Alex Doe", Capacity: household.Self,
		Council: "Wigan Council", Payment: money.MustParse("100"), PaymentFrequency: household.Monthly,
		StartDate: civil.MustParse("2026-04-01"), ReturnPeriod: household.ReturnYearly, SurplusLimitWeeks: 8})
	if err != nil {
		t.Fatal(err)
	}
	d := civil.MustParse
	for _, tc := range []struct {
		name      string
		accountID int64
		from, to  civil.Date
		want      []household.PayPeriod
		code      Code
	}{
		{"one month", tom.ID, d("2026-11-10"), d("2026-11-20"), []household.PayPeriod{{From: d("2026-11-01"), To: d("2026-11-30")}}, noError},
		{"across a month end", tom.ID, d("2026-11-10"), d("2026-12-05"),
			[]household.PayPeriod{{From: d("2026-11-01"), To: d("2026-11-30")}, {From: d("2026-12-01"), To: d("2026-12-31")}}, noError},
		{"no employer", noEmployer.ID, d("2026-11-10"), d("2026-11-20"), nil, Invalid},
		{"no such budget", tom.ID + 100, d("2026-11-10"), d("2026-11-20"), nil, NotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.PayPeriods(tc.accountID, tc.from, tc.to)
			if codeOf(err) != tc.code {
				t.Fatalf("PayPeriods = %v, want code %v", err, tc.code)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("periods = %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i].From != tc.want[i].From || got[i].To != tc.want[i].To {
					t.Errorf("period %d = %s to %s, want %s to %s", i, got[i].From, got[i].To, tc.want[i].From, tc.want[i].To)
				}
			}
		})
	}
}

func TestSettleCandidates(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	o, err := s.AddOwed(a.ID, budget.Owed{Kind: budget.OwedInvoice, Payee: "Sample Agency", Amount: money.MustParse("300"),
		Raised: civil.MustParse("2026-05-01"), Due: civil.MustParse("2026-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	// Payees unlike the invoice's, so none is matched to it on its own.
	addTx(t, s, a.ID, "2026-06-02", "Council", "1300.00", budget.CatCouncil) // money in: never
	near := addTx(t, s, a.ID, "2026-06-02", "FPO 111", "-120.00", "")        // the nearest
	exact := addTx(t, s, a.ID, "2026-06-20", "FPO 222", "-300.00", "")       // the exact amount comes first
	far := addTx(t, s, a.ID, "2026-05-10", "Cafe", "-5.00", budget.CatOther)
	addTx(t, s, a.ID, "2026-09-01", "FPO 333", "-300.00", "") // over 60 days after the due date: never
	other, err := s.AddOwed(a.ID, budget.Owed{Kind: budget.OwedInvoice, Payee: "Other Agency", Amount: money.MustParse("250"),
		Raised: civil.MustParse("2026-05-01"), Due: civil.MustParse("2026-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	used := addTx(t, s, a.ID, "2026-06-01", "FPO 444", "-250.00", "")
	if err := s.SettleOwed(other.ID, used.ID); err != nil { // settles something already: never
		t.Fatal(err)
	}

	got, err := s.SettleCandidates(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	want := []int64{exact.ID, near.ID, far.ID}
	if len(ids) != len(want) {
		t.Fatalf("candidates = %+v, want ids %v", got, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Errorf("candidates = %v, want %v (exact amount first, then nearest the due date)", ids, want)
			break
		}
	}
	if _, err := s.SettleCandidates(o.ID + 100); ErrorCode(err) != NotFound {
		t.Errorf("no such owed item: %v, want NotFound", err)
	}
}

func TestRemoveBillAndSetAside(t *testing.T) {
	s := openTemp(t)
	a := setupMoney(t, s, false)
	b, err := s.SaveBill(Bill{AccountID: a.ID, Bill: budget.Bill{Payee: "Insurer", Amount: 12490, Date: civil.MustParse("2027-04-06"), Repeat: "yearly"}})
	if err != nil {
		t.Fatal(err)
	}
	sa, err := s.SaveSetAside(SetAside{AccountID: a.ID, Purpose: "Holiday cover", Amount: money.MustParse("150")})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		remove func(id int64) error
		id     int64
		left   func() int
		audit  string
	}{
		{"bill", s.RemoveBill, b.ID, func() int { bs, _ := s.Bills(a.ID); return len(bs) }, "bill removed"},
		{"set aside", s.RemoveSetAside, sa.ID, func() int { ss, _ := s.SetAsides(a.ID); return len(ss) }, "money no longer set aside"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.remove(tc.id); err != nil {
				t.Fatal(err)
			}
			if n := tc.left(); n != 0 {
				t.Errorf("%d left after removing", n)
			}
			if got := lastAudit(t, s, a.ID); got != tc.audit {
				t.Errorf("audit = %q, want %q", got, tc.audit)
			}
			if err := tc.remove(tc.id); ErrorCode(err) != NotFound {
				t.Errorf("removing again = %v, want NotFound", err)
			}
		})
	}
}

func TestSaveEmployer(t *testing.T) {
	s := openTemp(t)
	a := setupTom(t, s)
	for _, tc := range []struct {
		name string
		e    household.Employer
		code Code
	}{
		{"saved, tidied", household.Employer{AccountID: a.ID, Name: "  Jane Smith ", PayFrequency: household.Weekly, Payday: "friday"}, noError},
		{"no name", household.Employer{AccountID: a.ID, PayFrequency: household.Weekly, Payday: "friday"}, Invalid},
		{"no such budget", household.Employer{AccountID: a.ID + 100, Name: "Jane Smith", PayFrequency: household.Weekly, Payday: "friday"}, NotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.SaveEmployer(tc.e); codeOf(err) != tc.code {
				t.Fatalf("SaveEmployer = %v, want code %v", err, tc.code)
			}
		})
	}
	e, ok, err := s.Employer(a.ID)
	if err != nil || !ok || e.Name != "Jane Smith" || e.PayFrequency != household.Weekly {
		t.Errorf("stored employer = %+v %v %v", e, ok, err)
	}
}

func TestExports(t *testing.T) {
	s, accs := demoService(t)
	priya, tom := accs["Priya's support"], accs["Tom's care"]
	lukasz, err := s.FindPA(tom.ID, "łukasz nowak")
	if err != nil {
		t.Fatal(err)
	}
	d := civil.MustParse
	export := map[string]func(w *bytes.Buffer, accountID int64, from, to civil.Date, paID int64) error{
		"rota": func(w *bytes.Buffer, accountID int64, from, to civil.Date, _ int64) error {
			return s.ExportRotaPDF(w, accountID, from, to)
		},
		"timesheets": func(w *bytes.Buffer, accountID int64, from, to civil.Date, paID int64) error {
			return s.ExportTimesheetsPDF(w, accountID, from, to, paID)
		},
		"ics": func(w *bytes.Buffer, accountID int64, from, to civil.Date, paID int64) error {
			return s.ExportICS(w, accountID, from, to, paID)
		},
	}
	t.Run("made", func(t *testing.T) {
		for _, tc := range []struct {
			what      string
			accountID int64
			paID      int64
			prefix    string
		}{
			{"rota", priya.ID, 0, "%PDF-"},
			{"timesheets", tom.ID, 0, "%PDF-"},
			{"timesheets", tom.ID, lukasz.ID, "%PDF-"},
			{"ics", tom.ID, lukasz.ID, "BEGIN:VCALENDAR\r\n"},
		} {
			t.Run(tc.what, func(t *testing.T) {
				var a, b bytes.Buffer
				if err := export[tc.what](&a, tc.accountID, d("2026-11-16"), d("2026-11-29"), tc.paID); err != nil {
					t.Fatal(err)
				}
				export[tc.what](&b, tc.accountID, d("2026-11-16"), d("2026-11-29"), tc.paID)
				if !strings.HasPrefix(a.String(), tc.prefix) {
					t.Errorf("starts %q, want %q", a.String()[:min(20, a.Len())], tc.prefix)
				}
				if !bytes.Equal(a.Bytes(), b.Bytes()) {
					t.Error("the same export gave different bytes")
				}
			})
		}
	})
	t.Run("calendar", func(t *testing.T) {
		var buf bytes.Buffer
		if err := s.ExportICS(&buf, tom.ID, d("2026-11-16"), d("2026-11-29"), lukasz.ID); err != nil {
			t.Fatal(err)
		}
		cal, err := ical.NewDecoder(&buf).Decode()
		if err != nil {
			t.Fatalf("the calendar does not parse: %v", err)
		}
		if n := len(cal.Events()); n != 6 {
			t.Errorf("events = %d, want the fortnight's 6 shifts", n)
		}
	})
	t.Run("refused", func(t *testing.T) {
		for _, tc := range []struct {
			name, what string
			accountID  int64
			from, to   civil.Date
			paID       int64
			code       Code
			message    string
		}{
			{"rota with no dates", "rota", tom.ID, civil.Date{}, civil.Date{}, 0, Invalid, "first and last dates"},
			{"rota backwards", "rota", tom.ID, d("2026-11-29"), d("2026-11-16"), 0, Invalid, "before the start date"},
			{"rota too long", "rota", tom.ID, d("2025-01-01"), d("2026-11-29"), 0, Invalid, "at most 400 days"},
			{"rota of no budget", "rota", tom.ID + 100, d("2026-11-16"), d("2026-11-29"), 0, NotFound, ""},
			{"timesheets of another budget's PA", "timesheets", priya.ID, d("2026-11-16"), d("2026-11-29"), lukasz.ID, NotFound, "not on this budget"},
			{"timesheets backwards", "timesheets", tom.ID, d("2026-11-29"), d("2026-11-16"), 0, Invalid, "before the start date"},
			{"calendar for no one", "ics", tom.ID, d("2026-11-16"), d("2026-11-29"), 0, Invalid, "A calendar file is for one PA"},
			{"calendar of another budget's PA", "ics", priya.ID, d("2026-11-16"), d("2026-11-29"), lukasz.ID, NotFound, "not on this budget"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				var buf bytes.Buffer
				err := export[tc.what](&buf, tc.accountID, tc.from, tc.to, tc.paID)
				if codeOf(err) != tc.code || !strings.Contains(ErrorMessage(err), tc.message) {
					t.Errorf("%v, want code %v saying %q", err, tc.code, tc.message)
				}
				if buf.Len() != 0 {
					t.Errorf("a refused export wrote %d bytes", buf.Len())
				}
			})
		}
	})
}

func TestFindPAAndOneRecord(t *testing.T) {
	s, a, sarah, _ := rotaSetup(t)
	for _, tc := range []struct {
		name, find string
		code       Code
	}{
		{"exact", "Sarah Lee", noError},
		{"any case, spaces", "  sarah LEE ", noError},
		{"no one", "Sam Jones", NotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := s.FindPA(a.ID, tc.find)
			if codeOf(err) != tc.code {
				t.Fatalf("FindPA(%q) = %v, want code %v", tc.find, err, tc.code)
			}
			if err == nil && p.ID != sarah.ID {
				t.Errorf("FindPA(%q) = %s", tc.find, p.Name)
			}
		})
	}
	if p, err := s.PA(sarah.ID); err != nil || p.Name != "Sarah Lee" {
		t.Errorf("PA = %+v %v", p, err)
	}
	if _, err := s.PA(sarah.ID + 100); ErrorCode(err) != NotFound {
		t.Errorf("PA of no one = %v", err)
	}
	sh, _ := sarahsNovember(t, s, a, sarah)
	if got, err := s.Shift(sh.ID); err != nil || !got.Start.Equal(sh.Start) || got.PAID != sarah.ID {
		t.Errorf("Shift = %+v %v", got, err)
	}
	if _, err := s.Shift(sh.ID + 100); ErrorCode(err) != NotFound {
		t.Errorf("Shift of none = %v", err)
	}
	// The contract rates a timesheet is paid at: TestTimesheetPay.
}

func TestVerify(t *testing.T) {
	t.Run("sound", func(t *testing.T) {
		s := openTemp(t)
		setupTom(t, s)
		if err := s.Verify(); err != nil {
			t.Errorf("Verify of a sound file = %v", err)
		}
	})
	t.Run("damaged", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "d.db")
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Demo(); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if err := storagetest.DamageIndex(path); err != nil {
			t.Fatal(err)
		}
		if s, err = Open(path); err != nil {
			t.Fatal(err) // the quick check on opening does not see it
		}
		defer s.Close()
		if s.Path() != path {
			t.Errorf("Path = %q, want %q", s.Path(), path)
		}
		err = s.Verify()
		if ErrorCode(err) != Invalid || !strings.Contains(ErrorMessage(err), "Your data file "+path+" is damaged") ||
			!strings.Contains(ErrorMessage(err), "patoolkit restore --data "+path) {
			t.Errorf("Verify of a damaged file = %v", err)
		}
		tom, err := s.FindAccount("Tom's care")
		if err != nil {
			t.Fatal(err)
		}
		tom.Name = "Renamed"
		if _, err := s.SaveAccount(tom); err == nil {
			t.Error("a damaged file was written to after Verify refused it")
		}
	})
}
