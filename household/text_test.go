package household

import (
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

// TestFreeTextFields: every free-text field of every record is checked by
// the one text rule: no control characters or bytes that are not UTF-8,
// no line break in a one-line field, at most 500 characters (fewer for a
// few short fields); one problem per field, beside it.
func TestFreeTextFields(t *testing.T) {
	pa := PA{Name: "Zoë Ní Bhriain", NINumber: "JT123456C", StartDate: civil.MustParse("2025-04-06"),
		DateOfBirth: civil.MustParse("1990-01-01"), TaxCode: "1257L", NICategory: "A"}
	employer := Employer{Name: "Jane Smith", PayFrequency: Monthly, Payday: "last-working-day"}
	contract := Contract{EffectiveFrom: civil.MustParse("2026-04-01"), HoursType: FixedHours, ContractedMinutesWeek: 1200,
		DayRate: money.MustParse("13.10"), HolidayMethod: HolidayAccrued, PensionScheme: "NEST",
		PensionMethod: PensionReliefAtSource, PensionBasis: PensionQualifying, PensionEmployeeBP: 500, PensionEmployerBP: 300}
	insurance := Insurance{Insurer: "Example Mutual", PolicyNumber: "EL-1", Cover: money.FromPounds(10_000_000),
		StartDate: civil.MustParse("2026-04-01"), RenewalDate: civil.MustParse("2027-04-01")}
	account := func(f func(*Account)) func() error {
		return func() error { a := goodAccount(); f(&a); return ValidateAccount(a) }
	}
	person := func(f func(*PA)) func() error {
		return func() error { p := pa; f(&p); return ValidatePA(p) }
	}
	emp := func(f func(*Employer)) func() error {
		return func() error { e := employer; f(&e); return ValidateEmployer(e) }
	}
	con := func(f func(*Contract)) func() error {
		return func() error { c := contract; f(&c); return ValidateContract(c) }
	}
	ins := func(f func(*Insurance)) func() error {
		return func() error { i := insurance; f(&i); return ValidateInsurance(i) }
	}
	const esc, bad, long = "x\x1b[2J", "Caf\xe9", 501
	control := "can't contain a control character (an invisible character such as Escape). Type it again without it."
	for _, c := range []struct {
		name      string
		validate  func() error
		field     string // "" when accepted
		wantWords string
	}{
		{"budget name", account(func(a *Account) { a.Name = esc }), "name", "The name " + control},
		{"person supported", account(func(a *Account) { a.PersonSupported = bad }), "person_supported", "The name of the person supported can't be read"},
		{"manager", account(func(a *Account) { a.ManagedBy = "Jane\nSmith" }), "managed_by", "The manager's name must be on one line"},
		{"council", account(func(a *Account) { a.Council = "Wigan\tCouncil" }), "council", "The council's name can't contain a tab"},
		{"council reference", account(func(a *Account) { a.CouncilReference = esc }), "council_reference", control},
		{"budget notes", account(func(a *Account) { a.Notes = strings.Repeat("x", long) }), "notes", "The notes is too long: keep it under 500 characters."},
		{"budget notes with an escape", account(func(a *Account) { a.Notes = "a\n" + esc }), "notes", control},
		{"budget notes on several lines", account(func(a *Account) { a.Notes = "Reviewed in May.\r\nNext review\tNovember." }), "", ""},
		{"budget name too long and escaped: one problem", account(func(a *Account) { a.Name = strings.Repeat(esc, 20) }), "name", control},
		{"employer", emp(func(e *Employer) { e.Name = esc }), "name", control},
		{"employer's address", emp(func(e *Employer) { e.Address = "1 High St\n" + esc }), "address", control},
		{"employer's address on several lines", emp(func(e *Employer) { e.Address = "1 High Street\nWigan\nWN1 1AA" }), "", ""},
		{"employer's address too long", emp(func(e *Employer) { e.Address = strings.Repeat("x", long) }), "address", "under 500"},
		{"PA's name", person(func(p *PA) { p.Name = "Zoë\x1b[2J" }), "name", control},
		{"PA's name not UTF-8", person(func(p *PA) { p.Name = bad }), "name", "can't be read"},
		{"PA's name reversed", person(func(p *PA) { p.Name = "Zoë \u202Eeno" }), "name", control},
		{"PA's address", person(func(p *PA) { p.Address = bad }), "address", "can't be read"},
		{"phone", person(func(p *PA) { p.Phone = "07700\a900123" }), "phone", control},
		{"phone too long", person(func(p *PA) { p.Phone = strings.Repeat("0", 41) }), "phone", "under 40"},
		{"email", person(func(p *PA) { p.Email = "zoe@example.org\x1b[2J" }), "email", control},
		{"email too long", person(func(p *PA) { p.Email = strings.Repeat("z", 500) + "@example.org" }), "email", "under 500"},
		{"leaving reason", person(func(p *PA) { p.LeavingDate, p.LeavingReason = civil.MustParse("2026-01-01"), esc }), "leaving_reason", control},
		{"right to work document", person(func(p *PA) { p.RightToWorkDoc = "UK\npassport" }), "right_to_work_doc", "one line"},
		{"emergency contact", person(func(p *PA) { p.EmergencyContact = esc }), "emergency_contact", control},
		{"PA's notes", person(func(p *PA) { p.Notes = strings.Repeat("é", long) }), "notes", "under 500"},
		{"PA's notes on several lines", person(func(p *PA) { p.Notes = "Drives.\nSpeaks Welsh." }), "", ""},
		{"pension scheme", con(func(c *Contract) { c.PensionScheme = "NEST\x1b[2J" }), "pension_scheme", control},
		{"pension scheme too long", con(func(c *Contract) { c.PensionScheme = strings.Repeat("N", 121) }), "pension_scheme", "under 120"},
		{"insurer", ins(func(i *Insurance) { i.Insurer = esc }), "insurer", control},
		{"policy number", ins(func(i *Insurance) { i.PolicyNumber = "EL\t1" }), "policy_number", "tab"},
		{"insurance notes", ins(func(i *Insurance) { i.Notes = strings.Repeat("x", long) }), "notes", "under 500"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.validate()
			if c.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if got := fields(err); strings.Join(got, ",") != c.field {
				t.Fatalf("problems in %v (%v), want only %s", got, err, c.field)
			}
			if msg := err.(Problems).For(c.field); !strings.Contains(msg, c.wantWords) {
				t.Fatalf("message %q, want it to hold %q", msg, c.wantWords)
			}
		})
	}
}
