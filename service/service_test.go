package service

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/rota"
)

func openTemp(t *testing.T) *Service {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.SetClock(func() time.Time { return time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC) })
	t.Cleanup(func() { s.Close() })
	return s
}

// mustSetup sets up a budget and its employer, or fails the test or
// benchmark.
func mustSetup(tb testing.TB, s *Service, a household.Account, e household.Employer) household.Account {
	tb.Helper()
	a, err := s.Setup(a, e)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

func setupTom(t *testing.T, s *Service) household.Account {
	t.Helper()
	a := mustSetup(t, s, household.Account{Name: "Tom's care", PersonSupported: "Tom Smith", ManagedBy: "Jane Smith",
		Capacity: household.SuitablePerson, Council: "Wigan Council", Payment: money.MustParse("1150"),
		PaymentFrequency: household.Monthly, StartDate: civil.MustParse("2025-04-06"),
		ReturnPeriod: household.ReturnYearly, SurplusLimitWeeks: 8},
		household.Employer{Name: "Jane Smith", PayFrequency: household.Monthly, Payday: "25"})
	return a
}

func TestSetupIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	_, err := s.Setup(household.Account{Name: "Tom's care", PersonSupported: "Tom Smith", Capacity: household.Self},
		household.Employer{Name: "", PayFrequency: household.Monthly, Payday: "friday"})
	if err == nil || ErrorCode(err) != Invalid {
		t.Fatalf("Setup = %v, want Invalid", err)
	}
	p := FieldProblems(err)
	for _, f := range []string{"council", "payment", "employer_name", "employer_payday"} {
		t.Run(f, func(t *testing.T) {
			if p.For(f) == "" {
				t.Errorf("no message for %s in %v", f, p)
			}
		})
	}
	if accs, _ := s.Accounts(); len(accs) != 0 {
		t.Fatalf("refused setup stored %v", accs)
	}
	a := setupTom(t, s)
	e, ok, err := s.Employer(a.ID)
	if err != nil || !ok || e.Name != "Jane Smith" || e.Payday != "25" {
		t.Errorf("Employer = %+v %v %v", e, ok, err)
	}
	// The same name again is refused as a field problem, and nothing more is stored.
	_, err = s.SaveAccount(func() household.Account { b := a; b.ID = 0; return b }())
	if FieldProblems(err).For("name") == "" {
		t.Errorf("duplicate name: %v", err)
	}
	if accs, _ := s.Accounts(); len(accs) != 1 {
		t.Errorf("accounts = %d", len(accs))
	}
}

func TestFindAccount(t *testing.T) {
	s := openTemp(t)
	if _, err := s.FindAccount(""); ErrorCode(err) != NotFound {
		t.Errorf("empty file: %v", err)
	}
	tom := setupTom(t, s)
	if a, err := s.FindAccount(""); err != nil || a.ID != tom.ID {
		t.Errorf("one account, no name: %v %v", a, err)
	}
	if _, err := s.FindAccount("tom's CARE"); err != nil {
		t.Errorf("case-insensitive: %v", err)
	}
	other := tom
	other.ID, other.Name = 0, "Jane's own"
	if _, err := s.SaveAccount(other); err != nil {
		t.Fatal(err)
	}
	_, err := s.FindAccount("")
	if ErrorCode(err) != Invalid || !strings.Contains(ErrorMessage(err), `"Jane's own", "Tom's care"`) {
		t.Errorf("two accounts, no name: %v", err)
	}
	_, err = s.FindAccount("Bob")
	if ErrorCode(err) != NotFound || !strings.Contains(ErrorMessage(err), "no budget called \"Bob\"") {
		t.Errorf("unknown: %v", err)
	}
}

func TestSavePARefusalsStoreNothing(t *testing.T) {
	s := openTemp(t)
	a := setupTom(t, s)
	p := household.PA{AccountID: a.ID, Name: "  Łukasz Nowak ", NINumber: "sn 11 22 33 d",
		StartDate: civil.MustParse("2025-04-06"), TaxCode: "1257l"}
	got, err := s.SavePA(p)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Łukasz Nowak" || got.NINumber != "SN112233D" || got.TaxCode != "1257L" || got.NICategory != "A" {
		t.Errorf("tidied PA = %+v", got)
	}
	bad := []household.PA{
		{AccountID: a.ID, Name: "Bad NI", NINumber: "QQ123456Z", StartDate: civil.MustParse("2025-04-06"), TaxCode: "1257L"},
		{AccountID: a.ID, Name: "łukasz nowak", StartDate: civil.MustParse("2025-04-06"), TaxCode: "1257L"},
		{AccountID: a.ID + 99, Name: "No budget", StartDate: civil.MustParse("2025-04-06"), TaxCode: "1257L"},
	}
	for _, b := range bad {
		if _, err := s.SavePA(b); err == nil || !IsInput(err) {
			t.Errorf("SavePA(%s) = %v, want a refusal", b.Name, err)
		}
	}
	pas, _ := s.PAs(a.ID)
	if len(pas) != 1 {
		t.Errorf("PAs after refusals = %d", len(pas))
	}
	// Record leaving.
	left, err := s.RecordLeaving(got.ID, civil.MustParse("2026-10-31"), " Moved away ")
	if err != nil || left.LeavingDate.String() != "2026-10-31" || left.LeavingReason != "Moved away" {
		t.Errorf("RecordLeaving = %+v %v", left, err)
	}
	if _, err := s.RecordLeaving(got.ID, civil.MustParse("2020-01-01"), ""); FieldProblems(err).For("leaving_date") == "" {
		t.Errorf("leaving before starting: %v", err)
	}
}

func TestContractsKeepHistory(t *testing.T) {
	s := openTemp(t)
	a := setupTom(t, s)
	p, _ := s.SavePA(household.PA{AccountID: a.ID, Name: "Sam", StartDate: civil.MustParse("2025-04-06"), TaxCode: "1257L"})
	c := household.Contract{PAID: p.ID, EffectiveFrom: civil.MustParse("2025-04-06"), HoursType: household.IrregularHours,
		DayRate: money.MustParse("12.40"), HolidayMethod: household.HolidayRolledUp, PensionMethod: household.PensionNone,
		PensionScheme: "ignored", PensionEmployeeBP: 0}
	c1, err := s.SaveContract(c)
	if err != nil {
		t.Fatal(err)
	}
	if c1.PensionScheme != "" {
		t.Errorf("scheme kept with no pension: %q", c1.PensionScheme)
	}
	c.EffectiveFrom = civil.MustParse("2026-04-01")
	c.DayRate = money.MustParse("12.90")
	if _, err := s.SaveContract(c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveContract(c); FieldProblems(err).For("effective_from") == "" {
		t.Errorf("two contracts on one date: %v", err)
	}
	on, ok, err := s.ContractOn(p.ID, civil.MustParse("2026-03-31"))
	if err != nil || !ok || on.DayRate != money.MustParse("12.40") {
		t.Errorf("ContractOn = %+v %v %v", on, ok, err)
	}
	if _, ok, _ := s.ContractOn(p.ID, civil.MustParse("2025-01-01")); ok {
		t.Error("a contract before the first")
	}
	cs, _ := s.Contracts(p.ID)
	if len(cs) != 2 {
		t.Errorf("contracts = %d", len(cs))
	}
}

func TestInsurance(t *testing.T) {
	s := openTemp(t)
	a := setupTom(t, s)
	i := household.Insurance{AccountID: a.ID, Insurer: "Example Mutual", PolicyNumber: "EL-1",
		Cover: money.FromPounds(5_000_000), StartDate: civil.MustParse("2026-04-06"), RenewalDate: civil.MustParse("2027-04-06")}
	if _, err := s.SaveInsurance(i); err != nil {
		t.Fatal(err)
	}
	i.Cover = money.FromPounds(4_999_999)
	if _, err := s.SaveInsurance(i); FieldProblems(err).For("cover") == "" {
		t.Errorf("low cover: %v", err)
	}
	list, _ := s.Insurance(a.ID)
	if len(list) != 1 {
		t.Errorf("policies = %d", len(list))
	}
}

func TestDemo(t *testing.T) {
	s := openTemp(t)
	if err := s.Demo(); err != nil {
		t.Fatal(err)
	}
	accs, _ := s.Accounts()
	if len(accs) != 2 {
		t.Fatalf("accounts = %d", len(accs))
	}
	var self, indirect int
	allPAs := 0
	names := ""
	for _, a := range accs {
		if a.Capacity == household.Self {
			self++
		} else {
			indirect++
		}
		pas, _ := s.PAs(a.ID)
		allPAs += len(pas)
		for _, p := range pas {
			names += p.Name + ";"
			if cs, _ := s.Contracts(p.ID); len(cs) == 0 {
				t.Errorf("%s has no contract", p.Name)
			}
		}
		if ins, _ := s.Insurance(a.ID); len(ins) == 0 {
			t.Errorf("%s has no insurance", a.Name)
		}
		if _, ok, _ := s.Employer(a.ID); !ok {
			t.Errorf("%s has no employer", a.Name)
		}
	}
	if self != 1 || indirect != 1 || allPAs != 5 || !strings.Contains(names, "Zoë Ní Bhriain") {
		t.Errorf("demo: self=%d indirect=%d PAs=%d names=%s", self, indirect, allPAs, names)
	}
	if err := s.Demo(); ErrorCode(err) != Conflict {
		t.Errorf("second demo = %v", err)
	}
	if problems, err := s.Check(); err != nil || len(problems) != 0 {
		t.Errorf("Check = %v %v", problems, err)
	}
}

func TestOpenRefusals(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	if ErrorCode(err) != Conflict || !strings.Contains(ErrorMessage(err), "open in another copy") {
		t.Errorf("second open = %v", err)
	}
	s.Close()
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("not a database, only some words to fill the header"), 0o600)
	if _, err := Open(notes); ErrorCode(err) != Invalid || !strings.Contains(ErrorMessage(err), "not a PA Employer Toolkit data file") {
		t.Errorf("text file = %v", err)
	}
	if _, err := Open(filepath.Join(dir, "missing", "t.db")); ErrorCode(err) != Invalid {
		t.Errorf("missing folder = %v", err)
	}
}

func TestBackupRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.db")
	s, _ := Open(path)
	setupTom(t, s)
	out := filepath.Join(dir, "backup.db")
	if err := s.Backup(out, false); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(out, false); ErrorCode(err) != Invalid {
		t.Errorf("backup over a file = %v", err)
	}
	if _, err := Restore(path, out); ErrorCode(err) != Conflict {
		t.Errorf("restore while open = %v", err)
	}
	s.Close()
	if _, err := Restore(path, filepath.Join(dir, "nope.db")); ErrorCode(err) != Invalid {
		t.Errorf("restore missing = %v", err)
	}
	aside, err := Restore(path, out)
	if err != nil || !strings.HasSuffix(aside, ".before-restore.db") {
		t.Errorf("Restore = %q %v", aside, err)
	}
}

func TestSavePAChecksTaxCode(t *testing.T) {
	s := openTemp(t)
	a := setupTom(t, s)
	for _, code := range []string{"1257L", "S1257L", "C1257L M1", "K475", "BR", "SD2", "NT", "0T W1"} {
		t.Run(code, func(t *testing.T) {
			if _, err := s.SavePA(household.PA{AccountID: a.ID, Name: "PA " + code, StartDate: civil.MustParse("2025-04-06"), TaxCode: code}); err != nil {
				t.Errorf("tax code %q refused: %v", code, err)
			}
		})
	}
	for _, code := range []string{"12X7L", "1257Q", "KK1", "SD4", "L1257"} {
		t.Run(code, func(t *testing.T) {
			_, err := s.SavePA(household.PA{AccountID: a.ID, Name: "Bad " + code, StartDate: civil.MustParse("2025-04-06"), TaxCode: code})
			if msg := FieldProblems(err).For("tax_code"); msg == "" {
				t.Errorf("tax code %q accepted: %v", code, err)
			}
		})
	}
}

func TestDemoRota(t *testing.T) {
	s := openTemp(t)
	if err := s.Demo(); err != nil {
		t.Fatal(err)
	}
	priya, _ := s.FindAccount("Priya's support")
	tom, _ := s.FindAccount("Tom's care")
	shifts, err := s.Shifts(priya.ID, DemoStart, DemoEnd)
	if err != nil || len(shifts) < 900 {
		t.Fatalf("Priya's shifts = %d %v", len(shifts), err)
	}
	count := map[rota.Status]int{}
	var sleepIns, bankHoliday int
	for _, sh := range shifts {
		count[sh.Status]++
		if sh.Type == rota.SleepIn {
			sleepIns++
		}
		if rota.IsBankHoliday(sh.Date()) && sh.Status.WorkedByPA() {
			bankHoliday++
		}
	}
	if count[rota.Covered] == 0 || count[rota.Agency] == 0 || sleepIns == 0 || bankHoliday == 0 {
		t.Errorf("statuses %v, sleep-ins %d, bank holiday shifts %d", count, sleepIns, bankHoliday)
	}
	tomShifts, _ := s.Shifts(tom.ID, DemoStart, DemoEnd)
	retained := 0
	for _, sh := range tomShifts {
		if sh.Status == rota.Retained {
			retained++
		}
	}
	if retained == 0 {
		t.Error("no retained shifts for Tom's hospital stay")
	}
	abs, _ := s.Absences(priya.ID, DemoStart, DemoEnd)
	kinds := map[rota.AbsenceKind]bool{}
	for _, a := range abs {
		kinds[a.Kind] = true
	}
	if !kinds[rota.Holiday] || !kinds[rota.Sickness] {
		t.Errorf("absences = %v", kinds)
	}
	sheets, _ := s.Timesheets(priya.ID, DemoStart, DemoEnd)
	status := map[rota.TimesheetStatus]int{}
	for _, ts := range sheets {
		status[ts.Status]++
	}
	// Monthly pay: April 2025 to October 2026 paid (Zoë to her maternity
	// leave in October 2026, Sam all along, Chris to August 2026, Dana from
	// October 2026); November 2026 a draft (Sam and Dana).
	if status[rota.Locked] != 19+19+17+1 || status[rota.Draft] != 2 {
		t.Errorf("timesheet statuses = %v", status)
	}
	// The rota is planned past the demo's date, for the forecast.
	if ahead, _ := s.Shifts(priya.ID, DemoEnd.AddDays(1), DemoEnd.AddDays(28)); len(ahead) == 0 {
		t.Error("no shifts planned after the demo's date")
	}
	if ws, err := s.CheckRota(priya.ID, civil.MustParse("2026-10-01"), DemoEnd); err != nil || len(ws) != 0 {
		t.Errorf("the demo's recent rota has warnings: %v %v", ws, err)
	}
}

// TestNewRecords: the forms start a PA with the starter tax code of
// today's tax year and a budget with the typical surplus limit.
func TestNewRecords(t *testing.T) {
	s := openTemp(t)
	tests := []struct {
		name, day, code string
	}{
		{"2026-27", "2026-11-16", "1257L"},
		{"the last day of 2025-26", "2026-04-05", "1257L"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day, _ := time.Parse(time.DateOnly, tt.day)
			s.SetClock(func() time.Time { return day.Add(12 * time.Hour) })
			p := s.NewPA(7)
			if p.AccountID != 7 || p.TaxCode != tt.code || p.NICategory != "A" {
				t.Errorf("NewPA = %+v", p)
			}
		})
	}
	if a := NewAccount(); a.SurplusLimitWeeks != budget.TypicalSurplusLimitWeeks {
		t.Errorf("NewAccount = %+v", a)
	}
}

func TestNewContract(t *testing.T) {
	d := civil.MustParse
	older := household.Contract{ID: 1, PAID: 5, EffectiveFrom: d("2025-04-06"), DayRate: 1280, PensionScheme: "NEST"}
	newer := household.Contract{ID: 2, PAID: 5, EffectiveFrom: d("2026-04-01"), DayRate: 1400, PensionScheme: "People's Pension"}
	tests := []struct {
		name      string
		contracts []household.Contract
		dayRate   money.Money
		scheme    string
		from      civil.Date // the PA's first day for their first terms
	}{
		{"the first contract", nil, 0, "NEST", d("2026-12-01")},
		{"copies the latest, oldest first", []household.Contract{older, newer}, 1400, "People's Pension", civil.Date{}},
		{"copies the latest, newest first", []household.Contract{newer, older}, 1400, "People's Pension", civil.Date{}},
	}
	pa := household.PA{ID: 5, StartDate: d("2026-12-01")}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewContract(pa, tt.contracts)
			if c.ID != 0 || c.EffectiveFrom != tt.from || c.PAID != 5 || c.DayRate != tt.dayRate || c.PensionScheme != tt.scheme {
				t.Errorf("NewContract = %+v", c)
			}
			if tt.contracts == nil && (c.PensionEmployeeBP != 500 || c.PensionEmployerBP != 300 || c.HolidayMethod != household.HolidayAccrued) {
				t.Errorf("first contract defaults = %+v", c)
			}
		})
	}
}
