package storage

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
)

func sampleAccount() household.Account {
	return household.Account{
		Name: "Tom's care", PersonSupported: "Tom Smith", ManagedBy: "Jane Smith",
		Capacity: household.SuitablePerson, Council: "Wigan Council", CouncilReference: "DP-0042",
		Payment: money.MustParse("1840.00"), PaymentFrequency: household.FourWeekly,
		Contribution: money.MustParse("25.50"), ContributionFrequency: household.Weekly,
		SupportMinutesPerWeek: 30 * 60, StartDate: civil.MustParse("2025-04-06"),
		ReturnPeriod: household.ReturnQuarterly, SurplusLimitWeeks: 8, Contingency: money.MustParse("500.00"),
		ReviewDate: civil.MustParse("2026-12-01"), Notes: "Zoë helps with the paperwork.", AllowTwoToOne: true,
	}
}

func seed(t *testing.T, db *DB) household.Account {
	t.Helper()
	a := sampleAccount()
	mustUpdate(t, db, func(tx *Tx) error { return tx.InsertAccount(&a) })
	return a
}

func TestAccountRoundTrip(t *testing.T) {
	db, a := seeded(t)
	ctx := context.Background()
	view(db, func(tx *Tx) {
		got, err := tx.Account(a.ID)
		if err != nil || !reflect.DeepEqual(got, a) {
			t.Errorf("Account = %+v, %v\nwant %+v", got, err, a)
		}
		if _, err := tx.Account(999); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing account: %v", err)
		}
	})
	a.Notes = ""
	a.ReviewDate = civil.Date{}
	a.Capacity = household.Self
	mustUpdate(t, db, func(tx *Tx) error { return tx.UpdateAccount(a) })
	view(db, func(tx *Tx) {
		all, err := tx.Accounts()
		if err != nil || len(all) != 1 || !reflect.DeepEqual(all[0], a) {
			t.Errorf("Accounts = %+v, %v", all, err)
		}
		taken, _ := tx.AccountNameTaken("TOM'S CARE", 0)
		free, _ := tx.AccountNameTaken("TOM'S CARE", a.ID)
		if !taken || free {
			t.Errorf("AccountNameTaken = %v, %v", taken, free)
		}
	})
	// A second account with the same name is refused by the schema too.
	dup := sampleAccount()
	if err := db.Update(ctx, func(tx *Tx) error { return tx.InsertAccount(&dup) }); err == nil {
		t.Error("duplicate account name stored")
	}
}

func TestEmployerRoundTrip(t *testing.T) {
	db, a := seeded(t)
	e := household.Employer{AccountID: a.ID, Name: "Jane Smith", Address: "1 Example Road\nWigan",
		PAYEReference: "123/AB45678", AccountsOfficeReference: "123PA00045678", EmploymentAllowance: true,
		PayFrequency: household.Monthly, Payday: "last-working-day"}
	mustUpdate(t, db, func(tx *Tx) error { return tx.SaveEmployer(e) })
	e.Payday = "25"
	e.EmploymentAllowance = false
	mustUpdate(t, db, func(tx *Tx) error { return tx.SaveEmployer(e) })
	view(db, func(tx *Tx) {
		got, err := tx.Employer(a.ID)
		if err != nil || !reflect.DeepEqual(got, e) {
			t.Errorf("Employer = %+v, %v", got, err)
		}
		if _, err := tx.Employer(a.ID + 1); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing employer: %v", err)
		}
	})
}

func samplePA(accountID int64) household.PA {
	return household.PA{AccountID: accountID, Name: "Zoë Ní Bhriain", Address: "2 Example Street",
		Phone: "07700 900123", Email: "zoe@example.org", DateOfBirth: civil.MustParse("1990-02-14"),
		NINumber: "JT123456C", StartDate: civil.MustParse("2025-04-07"), RightToWorkDate: civil.MustParse("2025-04-01"),
		RightToWorkDoc: "UK passport", DBSNumber: "001234567890", DBSIssueDate: civil.MustParse("2025-03-20"),
		EmergencyContact: "Pat, 07700 900456", Notes: "Prefers mornings.", OptedOut48h: true, TaxCode: "1257L",
		NICategory: "A", StudentLoan: "plan2", PostgradLoan: true, StarterStatement: "A",
		P45PayToDate: money.MustParse("1200.00"), P45TaxToDate: money.MustParse("35.40")}
}

func TestPAAndContractRoundTrip(t *testing.T) {
	db, a := seeded(t)
	p := samplePA(a.ID)
	mustUpdate(t, db, func(tx *Tx) error { return tx.InsertPA(&p) })
	p.LeavingDate = civil.MustParse("2026-10-31")
	p.LeavingReason = "Moved away"
	p.Week1Month1 = true
	mustUpdate(t, db, func(tx *Tx) error { return tx.UpdatePA(p) })
	c1 := household.Contract{PAID: p.ID, EffectiveFrom: civil.MustParse("2025-04-07"), HoursType: household.FixedHours,
		ContractedMinutesWeek: 20 * 60, DayRate: money.MustParse("12.60"), WakingNightRate: money.MustParse("13.10"),
		WeekendRate: money.MustParse("13.60"), BankHolidayRate: money.MustParse("18.90"),
		SleepInAllowance: money.MustParse("85.00"), HolidayMethod: household.HolidayAccrued,
		PensionScheme: "NEST", PensionMethod: household.PensionReliefAtSource, PensionBasis: household.PensionQualifying,
		PensionEmployeeBP: 500, PensionEmployerBP: 300}
	c2 := c1
	c2.EffectiveFrom = civil.MustParse("2026-04-01")
	c2.DayRate = money.MustParse("13.10")
	mustUpdate(t, db,
		func(tx *Tx) error { return tx.InsertContract(&c2) },
		func(tx *Tx) error { return tx.InsertContract(&c1) })
	view(db, func(tx *Tx) {
		got, err := tx.PA(p.ID)
		if err != nil || !reflect.DeepEqual(got, p) {
			t.Errorf("PA = %+v, %v\nwant %+v", got, err, p)
		}
		list, err := tx.PAs(a.ID)
		if err != nil || len(list) != 1 || list[0].Name != "Zoë Ní Bhriain" {
			t.Errorf("PAs = %+v, %v", list, err)
		}
		cs, err := tx.Contracts(p.ID)
		if err != nil || len(cs) != 2 || !reflect.DeepEqual(cs[0], c1) || !reflect.DeepEqual(cs[1], c2) {
			t.Errorf("Contracts = %+v, %v", cs, err)
		}
		// Which contract is in force is household.ContractOn's rule, on
		// the contracts as stored.
		on, ok := household.ContractOn(cs, civil.MustParse("2026-03-31"))
		if !ok || on.ID != c1.ID {
			t.Errorf("ContractOn(31 Mar 2026) = %+v, %v", on, ok)
		}
		on, ok = household.ContractOn(cs, civil.MustParse("2026-04-01"))
		if !ok || on.ID != c2.ID {
			t.Errorf("ContractOn(1 Apr 2026) = %+v, %v", on, ok)
		}
		if _, ok := household.ContractOn(cs, civil.MustParse("2025-01-01")); ok {
			t.Errorf("ContractOn before any contract: %v", ok)
		}
		taken, _ := tx.ContractDateTaken(p.ID, c1.EffectiveFrom, 0)
		if !taken {
			t.Error("ContractDateTaken missed a clash")
		}
	})
}

func TestInsuranceRoundTrip(t *testing.T) {
	db, a := seeded(t)
	i := household.Insurance{AccountID: a.ID, Insurer: "Example Mutual", PolicyNumber: "EL-000123",
		Cover: money.FromPounds(10_000_000), StartDate: civil.MustParse("2026-04-01"),
		RenewalDate: civil.MustParse("2027-04-01"), Premium: money.MustParse("112.80"), Notes: "Renew online"}
	mustUpdate(t, db, func(tx *Tx) error { return tx.InsertInsurance(&i) })
	i.Premium = money.MustParse("118.00")
	mustUpdate(t, db, func(tx *Tx) error { return tx.UpdateInsurance(i) })
	view(db, func(tx *Tx) {
		list, err := tx.Insurance(a.ID)
		if err != nil || len(list) != 1 || !reflect.DeepEqual(list[0], i) {
			t.Errorf("Insurance = %+v, %v\nwant %+v", list, err, i)
		}
	})
}

func TestAuditAndRollback(t *testing.T) {
	db, a := seeded(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	mustUpdate(t, db, func(tx *Tx) error { return tx.Audit(at, a.ID, "add PA", "Zoë Ní Bhriain") })
	// A failing job stores nothing.
	p := samplePA(a.ID)
	boom := errors.New("refused")
	err := db.Update(ctx, func(tx *Tx) error {
		if err := tx.InsertPA(&p); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	view(db, func(tx *Tx) {
		log, err := tx.AuditLog(a.ID)
		if err != nil || len(log) != 1 || !log[0].At.Equal(at) || log[0].Detail != "Zoë Ní Bhriain" {
			t.Errorf("AuditLog = %+v, %v", log, err)
		}
		pas, _ := tx.PAs(a.ID)
		if len(pas) != 0 {
			t.Errorf("rolled-back PA stored: %+v", pas)
		}
	})
}

// seedOld stores sampleAccount with the columns accounts had before
// migration 0011, for tests that run only the earlier migrations.
func seedOld(t *testing.T, db *DB) household.Account {
	t.Helper()
	a := sampleAccount()
	mustUpdate(t, db, func(tx *Tx) error {
		return tx.insertID(&a.ID, `INSERT INTO accounts (name, person_supported, managed_by, capacity, council, council_reference,
			payment_pence, payment_frequency, contribution_pence, contribution_frequency, support_minutes_week, start_date,
			return_period, surplus_limit_weeks, contingency_pence, review_date, notes, allow_two_to_one)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.Name, a.PersonSupported, a.ManagedBy, a.Capacity, a.Council, a.CouncilReference, a.Payment, a.PaymentFrequency,
			a.Contribution, a.ContributionFrequency, a.SupportMinutesPerWeek, a.StartDate.String(), a.ReturnPeriod,
			a.SurplusLimitWeeks, a.Contingency, a.ReviewDate.String(), a.Notes, boolInt(a.AllowTwoToOne))
	})
	return a
}
