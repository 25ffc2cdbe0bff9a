package household

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/text"
)

// FieldError is one refused field (package field's Error).
type FieldError = field.Error

// Problems is every refused field of a record (package field's Errors). A
// record with no problems may be saved.
type Problems = field.Errors

// checker gathers a record's problems as it is validated.
type checker struct{ field.Errors }

func (p *checker) add(name, format string, a ...any) { p.Add(name, format, a...) }

// err returns the problems as an error, or nil when there are none.
func (p *checker) err() error { return p.Err() }

// What each free-text field may hold, by the one text rule (package
// text): notes and addresses may have several lines; every other field is
// one line, as it is shown in a list, a heading or on a payslip. Names,
// references and phone numbers are shorter than free text (text.MaxLen),
// to fit where they are printed.
var (
	notesText   = text.Lines             // a record's notes
	addressText = text.Lines             // a postal address
	lineText    = text.Line              // a reason, an emergency contact, an email address
	shortText   = text.Line.Shorter(60)  // a budget's name, a reference, a policy number
	nameText    = text.Line.Shorter(120) // a person's, council's, insurer's or scheme's name
	phoneText   = text.Line.Shorter(40)  // a phone number
)

func (p *checker) required(field, label, v string) {
	if strings.TrimSpace(v) == "" {
		p.add(field, "%s is needed.", label)
	}
}

// text checks a free-text field by the one text rule, and reports whether
// it may be stored.
func (p *checker) text(field, label, v string, k text.Kind) bool {
	if msg := text.Check(label, v, k); msg != "" {
		p.add(field, "%s", msg)
		return false
	}
	return true
}

// requiredText checks a free-text field that must be filled in: that it is,
// and that it keeps the one text rule.
func (p *checker) requiredText(field, label, v string, k text.Kind) {
	p.required(field, label, v)
	p.text(field, label, v, k)
}

func (p *checker) notNegative(field, label string, m money.Money) {
	if m < 0 {
		p.add(field, "%s can't be less than £0.00.", label)
	}
}

// NormaliseNINumber removes spaces and makes the letters capitals.
func NormaliseNINumber(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// FormatNINumber shows a stored NI number as HMRC prints it: QQ 12 34 56 C.
func FormatNINumber(s string) string {
	if len(s) != 9 {
		return s
	}
	return s[0:2] + " " + s[2:4] + " " + s[4:6] + " " + s[6:8] + " " + s[8:9]
}

var niPattern = regexp.MustCompile(`^[A-Z]{2}[0-9]{6}[A-D]$`)

// CheckNINumber reports what is wrong with an NI number, or "" when it is
// valid. It follows HMRC's rules: two prefix letters (the first not D, F,
// I, Q, U or V; the second not D, F, I, O, Q, U or V; not BG, GB, KN, NK,
// NT, TN or ZZ), six digits, and a suffix letter A, B, C or D.
func CheckNINumber(s string) string {
	n := NormaliseNINumber(s)
	const how = "An NI number is two letters, six numbers and a last letter A, B, C or D, like AB 12 34 56 C."
	if !niPattern.MatchString(n) {
		shown := strings.TrimSpace(s)
		if len(n) == 9 {
			shown = FormatNINumber(n)
		}
		return fmt.Sprintf("%q is not an NI number. %s", shown, how)
	}
	if strings.ContainsRune("DFIQUV", rune(n[0])) || strings.ContainsRune("DFIOQUV", rune(n[1])) {
		return fmt.Sprintf("%q can't be right: no NI number starts with %s. Check the letters on the PA's payslip, P45 or NI letter.", FormatNINumber(n), n[:2])
	}
	switch n[:2] {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return fmt.Sprintf("%q can't be right: HMRC never issues NI numbers starting %s. Check the PA's payslip, P45 or NI letter.", FormatNINumber(n), n[:2])
	}
	return ""
}

var (
	payePattern = regexp.MustCompile(`^[0-9]{3}/[A-Z0-9]{1,10}$`)
	aoPattern   = regexp.MustCompile(`^[0-9]{3}P[A-Z][0-9]{7}[0-9X]$`)
)

// NormaliseReference removes spaces and makes the letters capitals.
func NormaliseReference(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// CheckPAYEReference reports what is wrong with an employer PAYE reference
// (3 digits, a slash, then up to 10 letters and numbers, e.g. 123/AB45678),
// or "" when it is valid.
func CheckPAYEReference(s string) string {
	if payePattern.MatchString(NormaliseReference(s)) {
		return ""
	}
	return fmt.Sprintf("%q is not an employer PAYE reference. It is 3 numbers, a slash, then letters and numbers, like 123/AB45678: it is on HMRC's letter when you registered as an employer.", strings.TrimSpace(s))
}

// CheckAccountsOfficeReference reports what is wrong with an Accounts
// Office reference (13 characters: 3 digits, P, a letter, 7 digits, then a
// digit or X, e.g. 123PA00045678), or "" when it is valid.
func CheckAccountsOfficeReference(s string) string {
	if aoPattern.MatchString(NormaliseReference(s)) {
		return ""
	}
	return fmt.Sprintf("%q is not an Accounts Office reference. It is 13 characters: 3 numbers, P, a letter, then 8 numbers (the last may be X), like 123PA00045678.", strings.TrimSpace(s))
}

// ValidateAccount checks an account and returns its problems, or nil.
func ValidateAccount(a Account) error {
	var p checker
	p.required("name", "A short name for this budget (like \"Tom's care\")", a.Name)
	p.text("name", "The name", a.Name, shortText)
	p.requiredText("person_supported", "The name of the person supported", a.PersonSupported, nameText)
	if a.Capacity != Self {
		p.required("managed_by", "The name of the person who manages the money", a.ManagedBy)
	}
	p.text("managed_by", "The manager's name", a.ManagedBy, nameText)
	if !oneOf(a.Capacity, Capacities) {
		p.add("capacity", "Choose who manages the money: yourself, a suitable person or family member, or a nominated person.")
	}
	p.requiredText("council", "The council's name", a.Council, nameText)
	p.text("council_reference", "The council's reference", a.CouncilReference, shortText)
	if a.Payment <= 0 {
		p.add("payment", "The council's payment is needed: the amount on their letter, more than £0.00.")
	}
	if !oneOf(a.PaymentFrequency, PaymentFrequencies) {
		p.add("payment_frequency", "Choose how often the council pays: weekly, every 4 weeks or monthly.")
	}
	p.notNegative("contribution", "The contribution", a.Contribution)
	if a.Contribution > 0 && !oneOf(a.ContributionFrequency, PaymentFrequencies) {
		p.add("contribution_frequency", "Choose how often the contribution is paid in: weekly, every 4 weeks or monthly.")
	}
	if a.SupportMinutesPerWeek < 0 || a.SupportMinutesPerWeek > 168*60 {
		p.add("support_hours", "Support hours a week must be between 0 and 168.")
	}
	if a.StartDate.IsZero() {
		p.add("start_date", "The date the direct payment started is needed (DD/MM/YYYY).")
	}
	if !oneOf(a.ReturnPeriod, ReturnPeriods) {
		p.add("return_period", "Choose how often the council asks for a return.")
	}
	if a.SurplusLimitWeeks < 0 || a.SurplusLimitWeeks > 52 {
		p.add("surplus_limit_weeks", "The surplus limit is a number of weeks of payment, from 0 to 52 (often 4 or 8).")
	}
	p.notNegative("contingency", "The contingency", a.Contingency)
	p.text("notes", "The notes", a.Notes, notesText)
	return p.err()
}

// ValidateEmployer checks employer details and returns their problems, or nil.
func ValidateEmployer(e Employer) error {
	var p checker
	p.requiredText("name", "The employer's name", e.Name, nameText)
	p.text("address", "The address", e.Address, addressText)
	if e.PAYEReference != "" {
		if m := CheckPAYEReference(e.PAYEReference); m != "" {
			p.add("paye_reference", "%s", m)
		}
	}
	if e.AccountsOfficeReference != "" {
		if m := CheckAccountsOfficeReference(e.AccountsOfficeReference); m != "" {
			p.add("accounts_office_reference", "%s", m)
		}
	}
	if !oneOf(e.PayFrequency, PayFrequencies) {
		p.add("pay_frequency", "Choose how often the PAs are paid: weekly, fortnightly, every 4 weeks or monthly.")
	} else if m := CheckPayday(e.PayFrequency, e.Payday); m != "" {
		p.add("payday", "%s", m)
	}
	return p.err()
}

var weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// PaydayChoices lists the paydays a form offers for a pay frequency.
func PaydayChoices(f Frequency) []Payday {
	if f == Monthly {
		out := []Payday{"last-working-day", "last-day", "last-friday"}
		for d := 1; d <= 28; d++ {
			out = append(out, Payday(strconv.Itoa(d)))
		}
		return out
	}
	out := make([]Payday, len(weekdays))
	for i, w := range weekdays {
		out[i] = Payday(w)
	}
	return out
}

// CheckPayday reports what is wrong with a payday for a frequency, or "".
func CheckPayday(f Frequency, d Payday) string {
	for _, c := range PaydayChoices(f) {
		if c == d {
			return ""
		}
	}
	if f == Monthly {
		return "Choose the monthly payday: a day from 1 to 28, the last day, the last working day or the last Friday of the month."
	}
	return "Choose the day of the week the PAs are paid."
}

// Label is the plain-English name of a payday.
func (d Payday) Label() string {
	switch d {
	case "last-working-day":
		return "Last working day of the month"
	case "last-day":
		return "Last day of the month"
	case "last-friday":
		return "Last Friday of the month"
	}
	if n, err := strconv.Atoi(string(d)); err == nil {
		return ordinal(n) + " of the month"
	}
	return text.Capitalise(string(d))
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

var (
	niCategories = "ABCHJMZ"
	loanPlans    = []string{"", "plan1", "plan2", "plan4", "plan5"}
)

// ValidatePA checks a PA's record and returns its problems, or nil. The
// tax code must be present; the payroll engine, which alone reads tax
// codes, checks it in full (see service).
func ValidatePA(a PA) error {
	var p checker
	p.requiredText("name", "The PA's name", a.Name, nameText)
	p.text("address", "The address", a.Address, addressText)
	p.text("phone", "The phone number", a.Phone, phoneText)
	if p.text("email", "The email address", a.Email, lineText) && a.Email != "" && (!strings.Contains(a.Email, "@") || strings.ContainsAny(a.Email, " \t")) {
		p.add("email", "%q is not an email address: it should look like name@example.org.", a.Email)
	}
	if a.NINumber != "" {
		if m := CheckNINumber(a.NINumber); m != "" {
			p.add("ni_number", "%s", m)
		}
	}
	if a.StartDate.IsZero() {
		p.add("start_date", "The PA's first day of work is needed (DD/MM/YYYY).")
	}
	if !a.DateOfBirth.IsZero() {
		if !a.StartDate.IsZero() && civil.AgeOn(a.DateOfBirth, a.StartDate) < 16 {
			p.add("date_of_birth", "The PA would be under 16 on their first day (%s). Check the date of birth.", a.StartDate.UK())
		}
		if !a.StartDate.IsZero() && civil.AgeOn(a.DateOfBirth, a.StartDate) > 100 {
			p.add("date_of_birth", "The PA would be over 100 on their first day. Check the date of birth.")
		}
	}
	if !a.LeavingDate.IsZero() && !a.StartDate.IsZero() && a.LeavingDate.Before(a.StartDate) {
		p.add("leaving_date", "The leaving date (%s) is before the start date (%s).", a.LeavingDate.UK(), a.StartDate.UK())
	}
	if a.LeavingDate.IsZero() && strings.TrimSpace(a.LeavingReason) != "" {
		p.add("leaving_date", "Give the leaving date as well as the reason.")
	}
	p.text("leaving_reason", "The reason for leaving", a.LeavingReason, lineText)
	p.text("right_to_work_doc", "The document type", a.RightToWorkDoc, nameText)
	if a.DBSNumber != "" && !dbsPattern.MatchString(strings.ReplaceAll(a.DBSNumber, " ", "")) {
		p.add("dbs_number", "A DBS certificate number is 12 digits, printed at the top right of the certificate.")
	}
	p.text("emergency_contact", "The emergency contact", a.EmergencyContact, lineText)
	p.text("notes", "The notes", a.Notes, notesText)
	if strings.TrimSpace(a.TaxCode) == "" {
		p.add("tax_code", "A tax code is needed: use the one on the P45 or HMRC's letter, or 1257L if there is neither.")
	}
	if len(a.NICategory) != 1 || !strings.Contains(niCategories, a.NICategory) {
		p.add("ni_category", "The NI category letter must be one of A, B, C, H, J, M or Z (A for most people).")
	}
	if !oneOf(a.StudentLoan, loanPlans) {
		p.add("student_loan", "The student loan plan must be plan 1, 2, 4 or 5, or none.")
	}
	if !oneOf(a.StarterStatement, []string{"", "A", "B", "C"}) {
		p.add("starter_statement", "The starter statement is A, B or C, from the starter checklist.")
	}
	p.notNegative("p45_pay_to_date", "Pay to date on the P45", a.P45PayToDate)
	return p.err()
}

var dbsPattern = regexp.MustCompile(`^[0-9]{12}$`)

// ValidateContract checks a contract and returns its problems, or nil.
func ValidateContract(c Contract) error {
	var p checker
	if c.EffectiveFrom.IsZero() {
		p.add("effective_from", "The date these terms start is needed (DD/MM/YYYY).")
	}
	switch c.HoursType {
	case FixedHours:
		if c.ContractedMinutesWeek <= 0 || c.ContractedMinutesWeek > 168*60 {
			p.add("contracted_hours", "Contracted hours a week must be more than 0 and at most 168. Choose irregular hours for a zero-hours contract.")
		}
	case IrregularHours:
		if c.ContractedMinutesWeek != 0 {
			p.add("contracted_hours", "An irregular-hours contract has no set hours: leave the hours blank.")
		}
	default:
		p.add("hours_type", "Choose set hours or irregular (zero-hours) hours.")
	}
	if c.DayRate <= 0 {
		p.add("day_rate", "The hourly rate for day shifts is needed.")
	}
	for _, r := range []struct {
		field, label string
		m            money.Money
	}{
		{"day_rate", "The day rate", c.DayRate},
		{"waking_night_rate", "The waking night rate", c.WakingNightRate},
		{"weekend_rate", "The weekend rate", c.WeekendRate},
		{"bank_holiday_rate", "The bank holiday rate", c.BankHolidayRate},
		{"sleep_in_allowance", "The sleep-in allowance", c.SleepInAllowance},
	} {
		p.notNegative(r.field, r.label, r.m)
		if r.m > 100000 {
			p.add(r.field, "%s of %s looks wrong: check it is the amount for one hour (or one night).", r.label, r.m.Format())
		}
	}
	for _, r := range hourlyRates(c) {
		if m := payroll.CheckContractRate(r.label, r.rate, c.EffectiveFrom, civil.Date{}).Refuse; m != "" {
			p.add(r.field, "%s", m)
		}
	}
	switch c.HolidayMethod {
	case HolidayAccrued:
	case HolidayRolledUp:
		if c.HoursType != IrregularHours {
			p.add("holiday_method", "Rolled-up holiday pay is only allowed for irregular-hours workers. Choose accrued holiday for set hours.")
		}
	default:
		p.add("holiday_method", "Choose how holiday is given: accrued (taken as paid leave) or rolled-up (added to each payslip).")
	}
	if c.HolidayCarryMinutes < 0 {
		p.add("holiday_carry", "The holiday that may be carried over cannot be less than 0 hours.")
	} else if most := MaxHolidayCarryMinutes(c); c.HolidayCarryMinutes > most {
		p.add("holiday_carry", "At most %s of holiday can be carried over by agreement for %s a week: the 1.6 weeks on top of the 4 weeks the law says must be taken in the leave year (Working Time Regulations 1998, regulation 13A).",
			text.Hours(most), text.Hours(c.ContractedMinutesWeek))
	}
	switch c.PensionMethod {
	case PensionNone:
		if c.PensionEmployeeBP != 0 || c.PensionEmployerBP != 0 {
			p.add("pension_method", "Choose the pension scheme's method, or set the contributions to 0.")
		}
	case PensionReliefAtSource, PensionNetPay:
		if strings.TrimSpace(c.PensionScheme) == "" {
			p.add("pension_scheme", "Give the pension scheme's name, like NEST.")
		}
		p.text("pension_scheme", "The scheme's name", c.PensionScheme, nameText)
		if c.PensionBasis != PensionQualifying && c.PensionBasis != PensionAllPay {
			p.add("pension_basis", "Choose whether contributions are on qualifying earnings or on all pay.")
		}
		if c.PensionEmployeeBP < 0 || c.PensionEmployeeBP > 10000 || c.PensionEmployerBP < 0 || c.PensionEmployerBP > 10000 {
			p.add("pension_employee", "Contributions are percentages from 0 to 100.")
		} else if c.PensionEmployerBP < 300 {
			p.add("pension_employer", "The employer must pay at least 3%% into a workplace pension.")
		} else if c.PensionBasis == PensionQualifying && c.PensionEmployeeBP+c.PensionEmployerBP < 800 {
			p.add("pension_employee", "Together the contributions must be at least 8%% of qualifying earnings (usually 5%% from the PA and 3%% from you).")
		}
	default:
		p.add("pension_method", "Choose the pension method: none, relief at source (like NEST) or net pay arrangement.")
	}
	return p.err()
}

// hourlyRate is one of a contract's hourly rates, with its field and its
// name in a sentence.
type hourlyRate struct {
	field, label string
	rate         money.Money
}

// hourlyRates are the hourly rates a contract gives, blank ones (paid at
// the day rate) included as zero.
func hourlyRates(c Contract) []hourlyRate {
	return []hourlyRate{
		{"day_rate", "The day rate", c.DayRate},
		{"waking_night_rate", "The waking night rate", c.WakingNightRate},
		{"weekend_rate", "The weekend rate", c.WeekendRate},
		{"bank_holiday_rate", "The bank holiday rate", c.BankHolidayRate},
	}
}

// ContractWarnings says, field by field, which of a contract's hourly
// rates are below the minimum wage for the PA's age on the day the terms
// start (the rate for 21 and over when dob, the date of birth, is zero).
// They are warnings, not refusals: an apprentice may be paid less. A rate
// below the lowest minimum wage is refused by ValidateContract.
func ContractWarnings(c Contract, dob civil.Date) Problems {
	var out Problems
	for _, r := range hourlyRates(c) {
		if m := payroll.CheckContractRate(r.label, r.rate, c.EffectiveFrom, dob).Warning; m != "" {
			out = append(out, FieldError{Field: r.field, Message: m})
		}
	}
	return out
}

// RateText is how an optional hourly rate is shown: "the day rate" when
// it is blank (zero), as it is then paid at the day rate.
func RateText(rate money.Money) string {
	if rate == 0 {
		return "the day rate"
	}
	return rate.Format() + " an hour"
}

// ValidateInsurance checks an insurance policy and returns its problems, or nil.
func ValidateInsurance(i Insurance) error {
	var p checker
	p.requiredText("insurer", "The insurer's name", i.Insurer, nameText)
	p.requiredText("policy_number", "The policy number", i.PolicyNumber, shortText)
	if i.Cover < MinimumCover {
		p.add("cover", "Employer's liability cover must be at least £5,000,000 by law (most policies give £10,000,000).")
	}
	if i.StartDate.IsZero() {
		p.add("start_date", "The date the policy starts is needed (DD/MM/YYYY).")
	}
	if i.RenewalDate.IsZero() {
		p.add("renewal_date", "The renewal date is needed (DD/MM/YYYY).")
	} else if !i.StartDate.IsZero() && !i.RenewalDate.After(i.StartDate) {
		p.add("renewal_date", "The renewal date must be after the start date.")
	}
	p.notNegative("premium", "The premium", i.Premium)
	p.text("notes", "The notes", i.Notes, notesText)
	return p.err()
}

func oneOf[T comparable](v T, set []T) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}
