package service

import (
	"time"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/storage"
)

// The demo household's story runs from the start of the 2025-26 tax year to
// a fixed date, so it is the same on every machine and every day.
var (
	DemoStart = civil.New(2025, time.April, 6)
	DemoEnd   = civil.New(2026, time.November, 20)
)

const demoNote = "Example data: every person, address and number here is made up."

// Demo fills an empty data file with a plainly fictional household: Priya
// Shah, who manages her own direct payment and employs three PAs, and Jane
// Smith, who holds an indirect payment for her son Tom and employs one;
// with their rotas and timesheets from 6 April 2025. It refuses a file
// that already has data.
func (s *Service) Demo() error {
	clock := func() time.Time { return DemoEnd.Time(time.UTC).Add(9 * time.Hour) }
	return s.update("creating the example data", func(tx *storage.Tx) error {
		existing, err := tx.Accounts()
		if err != nil {
			return err
		}
		if len(existing) > 0 {
			return Conflictf("%s already holds data, so the example data was not added. Give a new file name with --data.", s.Path())
		}
		saved := s.now
		s.now = clock
		defer func() { s.now = saved }()
		return s.demoInto(tx, nil)
	})
}

// demoInto writes the demo households, their rotas, pay runs and money in
// tx; keep, when not nil, is given each household's money plan as stored.
func (s *Service) demoInto(tx *storage.Tx, keep func(household.Account, demoMoneyPlan)) error {
	for _, h := range demoHouseholds() {
		if err := s.saveDemoHousehold(tx, h); err != nil {
			return err
		}
	}
	if err := s.demoRota(tx); err != nil {
		return err
	}
	return s.demoMoney(tx, keep)
}

type demoPA struct {
	pa        household.PA
	contracts []household.Contract
}

type demoHousehold struct {
	account   household.Account
	employer  household.Employer
	pas       []demoPA
	insurance []household.Insurance
}

func (s *Service) saveDemoHousehold(tx *storage.Tx, h demoHousehold) error {
	// The demo is built in code and must pass the same checks as typed data.
	if err := household.ValidateAccount(h.account); err != nil {
		return internal("checking the example budget", err)
	}
	if err := s.saveAccount(tx, &h.account); err != nil {
		return err
	}
	h.employer.AccountID = h.account.ID
	if err := household.ValidateEmployer(h.employer); err != nil {
		return internal("checking the example employer", err)
	}
	if err := s.saveEmployer(tx, h.employer); err != nil {
		return err
	}
	for _, d := range h.pas {
		p := d.pa
		p.AccountID = h.account.ID
		if err := household.ValidatePA(p); err != nil {
			return internal("checking the example PA "+p.Name, err)
		}
		if err := tx.InsertPA(&p); err != nil {
			return err
		}
		if err := tx.Audit(s.now(), p.AccountID, "PA added", p.Name); err != nil {
			return err
		}
		for _, c := range d.contracts {
			c.PAID = p.ID
			if err := household.ValidateContract(c); err != nil {
				return internal("checking the example contract for "+p.Name, err)
			}
			if err := tx.InsertContract(&c); err != nil {
				return err
			}
		}
	}
	for _, i := range h.insurance {
		i.AccountID = h.account.ID
		if err := household.ValidateInsurance(i); err != nil {
			return internal("checking the example insurance", err)
		}
		if err := tx.InsertInsurance(&i); err != nil {
			return err
		}
	}
	return nil
}

func d(s string) civil.Date    { return civil.MustParse(s) }
func gbp(s string) money.Money { return money.MustParse(s) }
func hours(h int) int          { return h * 60 }

// demoContract returns the terms every demo PA shares, at a day rate.
func demoContract(from string, hoursType household.HoursType, minutes int, day string) household.Contract {
	rate := gbp(day)
	return household.Contract{
		EffectiveFrom: d(from), HoursType: hoursType, ContractedMinutesWeek: minutes,
		DayRate: rate, WakingNightRate: rate + 50, WeekendRate: rate + 100,
		BankHolidayRate: rate + rate/2, SleepInAllowance: gbp("85.00"),
		HolidayMethod: household.HolidayAccrued,
		PensionScheme: "NEST", PensionMethod: household.PensionReliefAtSource,
		PensionBasis: household.PensionQualifying, PensionEmployeeBP: 500, PensionEmployerBP: 300,
	}
}

func demoHouseholds() []demoHousehold {
	priya := demoHousehold{
		account: household.Account{
			Name: "Priya's support", PersonSupported: "Priya Shah", ManagedBy: "Priya Shah",
			Capacity: household.Self, Council: "Wigan Council", CouncilReference: "DP-EXAMPLE-0001", CouncilProfile: "wigan",
			Payment: gbp("2400.00"), PaymentFrequency: household.FourWeekly,
			Contribution: gbp("42.50"), ContributionFrequency: household.Weekly,
			SupportMinutesPerWeek: hours(42), StartDate: DemoStart,
			ReturnPeriod: household.ReturnQuarterly, SurplusLimitWeeks: 8, Contingency: gbp("600.00"),
			ReviewDate: d("2027-01-15"), Notes: demoNote,
		},
		employer: household.Employer{
			Name: "Priya Shah", Address: "14 Example Gardens\nWigan\nWN0 0AA",
			PAYEReference: "120/PX00001", AccountsOfficeReference: "120PX00000001",
			EmploymentAllowance: true, PayFrequency: household.Monthly, Payday: "last-working-day",
		},
		pas: []demoPA{
			{
				pa: household.PA{
					Name: "Zoë Ní Bhriain", Address: "3 Sample Lane\nWigan\nWN0 0AB", Phone: "07700 900101",
					Email: "zoe@example.org", DateOfBirth: d("1988-07-21"), NINumber: "JY102030A",
					StartDate: DemoStart, RightToWorkDate: d("2025-03-28"), RightToWorkDoc: "UK passport",
					DBSNumber: "000000000101", DBSIssueDate: d("2025-03-14"),
					EmergencyContact: "Aoife Ní Bhriain (sister), 07700 900102",
					TaxCode:          "1257L", NICategory: "A", StarterStatement: "A", Notes: demoNote,
				},
				contracts: []household.Contract{
					demoContract("2025-04-06", household.FixedHours, hours(20), "12.60"),
					demoContract("2026-04-01", household.FixedHours, hours(20), "13.10"),
				},
			},
			{
				pa: household.PA{
					Name: "Sam Okafor", Address: "9 Specimen Road\nWigan\nWN0 0AD", Phone: "07700 900103",
					Email: "sam@example.org", DateOfBirth: d("2005-01-09"), NINumber: "PR405060B",
					StartDate: DemoStart, RightToWorkDate: d("2025-03-30"), RightToWorkDoc: "UK birth certificate and NI letter",
					DBSNumber: "000000000103", DBSIssueDate: d("2025-03-20"),
					EmergencyContact: "Grace Okafor (mother), 07700 900104",
					TaxCode:          "1257L", NICategory: "A", StudentLoan: "plan2", StarterStatement: "B", Notes: demoNote,
				},
				contracts: []household.Contract{
					demoContract("2025-04-06", household.IrregularHours, 0, "12.40"),
					demoContract("2026-04-01", household.IrregularHours, 0, "12.90"),
				},
			},
			{
				pa: household.PA{
					Name: "Chris Walker", Address: "21 Placeholder Close\nWigan\nWN0 0AE", Phone: "07700 900105",
					DateOfBirth: d("1979-11-30"), NINumber: "KA708090C",
					StartDate: DemoStart, LeavingDate: d("2026-08-31"), LeavingReason: "Moved to another area",
					RightToWorkDate: d("2025-03-29"), RightToWorkDoc: "UK passport",
					DBSNumber: "000000000105", DBSIssueDate: d("2025-02-11"),
					EmergencyContact: "Lee Walker (partner), 07700 900106",
					TaxCode:          "BR", NICategory: "A", StarterStatement: "C", Notes: demoNote + " Has a main job elsewhere.",
				},
				contracts: []household.Contract{
					demoContract("2025-04-06", household.FixedHours, hours(12), "12.60"),
				},
			},
			{
				// Dana joins from another job with a P45 and covers Zoë's
				// mornings while Zoë is on maternity leave.
				pa: household.PA{
					Name: "Dana Whitfield", Address: "17 Dummy Row\nWigan\nWN0 0AF", Phone: "07700 900109",
					Email: "dana@example.org", DateOfBirth: d("1991-03-14"), NINumber: "NX506070D",
					StartDate: d("2026-10-05"), RightToWorkDate: d("2026-09-21"), RightToWorkDoc: "UK passport",
					DBSNumber: "000000000109", DBSIssueDate: d("2026-09-18"),
					EmergencyContact: "Joe Whitfield (brother), 07700 900110",
					TaxCode:          "1257L", NICategory: "A", P45PayToDate: gbp("8940.00"), P45TaxToDate: gbp("548.20"),
					Notes: demoNote + " Brought a P45 from her last job (pay and tax to date to 30/09/2026).",
				},
				contracts: []household.Contract{
					demoContract("2026-10-05", household.FixedHours, hours(20), "13.10"),
				},
			},
		},
		insurance: []household.Insurance{
			{Insurer: "Example Mutual Insurance", PolicyNumber: "EL-EXAMPLE-2025", Cover: money.FromPounds(10_000_000),
				StartDate: d("2025-04-06"), RenewalDate: d("2026-04-06"), Premium: gbp("118.40"), Notes: demoNote},
			{Insurer: "Example Mutual Insurance", PolicyNumber: "EL-EXAMPLE-2026", Cover: money.FromPounds(10_000_000),
				StartDate: d("2026-04-06"), RenewalDate: d("2027-04-06"), Premium: gbp("124.90"), Notes: demoNote},
		},
	}
	tom := demoHousehold{
		account: household.Account{
			Name: "Tom's care", PersonSupported: "Tom Smith", ManagedBy: "Jane Smith",
			Capacity: household.SuitablePerson, Council: "St Helens Council", CouncilReference: "IP-EXAMPLE-0002", CouncilProfile: "st-helens",
			Payment: gbp("1150.00"), PaymentFrequency: household.Monthly,
			SupportMinutesPerWeek: hours(18), StartDate: DemoStart,
			ReturnPeriod: household.ReturnYearly, SurplusLimitWeeks: 8, Contingency: gbp("300.00"),
			ReviewDate: d("2027-04-30"), Notes: demoNote + " Jane holds the payment for her son Tom.",
		},
		employer: household.Employer{
			Name: "Jane Smith", Address: "5 Illustration Street\nSt Helens\nWA0 0AA",
			PAYEReference: "120/TS00002", AccountsOfficeReference: "120PT00000002",
			EmploymentAllowance: true, PayFrequency: household.FourWeekly, Payday: "friday",
		},
		pas: []demoPA{
			{
				pa: household.PA{
					Name: "Łukasz Nowak", Address: "8 Mock Avenue\nSt Helens\nWA0 0AB", Phone: "07700 900107",
					Email: "lukasz@example.org", DateOfBirth: d("1996-05-02"), NINumber: "SN112233D",
					StartDate: DemoStart, RightToWorkDate: d("2025-03-31"), RightToWorkDoc: "Share code (settled status)",
					DBSNumber: "000000000107", DBSIssueDate: d("2025-03-25"),
					EmergencyContact: "Marta Nowak (wife), 07700 900108",
					TaxCode:          "1257L", NICategory: "A", StarterStatement: "A", Notes: demoNote,
				},
				contracts: []household.Contract{
					demoContract("2025-04-06", household.FixedHours, hours(18), "12.50"),
					demoContract("2026-04-01", household.FixedHours, hours(18), "13.00"),
				},
			},
		},
		insurance: []household.Insurance{
			{Insurer: "Sample Care Insurers", PolicyNumber: "PA-EXAMPLE-7731", Cover: money.FromPounds(10_000_000),
				StartDate: d("2025-04-06"), RenewalDate: d("2026-04-06"), Premium: gbp("96.00"), Notes: demoNote},
			{Insurer: "Sample Care Insurers", PolicyNumber: "PA-EXAMPLE-8842", Cover: money.FromPounds(10_000_000),
				StartDate: d("2026-04-06"), RenewalDate: d("2027-04-06"), Premium: gbp("99.50"), Notes: demoNote},
		},
	}
	return []demoHousehold{priya, tom}
}
