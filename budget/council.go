package budget

import (
	"strings"

	"patoolkit/household"
)

// CouncilProfile is what one council asks of a direct payment return: how
// often, the surplus it lets a person keep, and the headings its form
// groups spending under. A budget names its profile; with none it gets
// the generic one. The budget's own figures (its return period and
// surplus limit, agreed with the council) win over the profile's, which
// are the council's usual rule and fill in a new budget.
type CouncilProfile struct {
	Key  string // stored on the budget: "generic", "wigan", ...
	Name string // "Wigan Council"; "" for the generic profile
	// ReturnPeriod is how often the council asks for a return ("": as
	// agreed, the budget's own).
	ReturnPeriod household.ReturnPeriod
	// FirstReturnWeeks, when set, is when the first return falls due, in
	// weeks after the payment starts (Wigan asks after 12 weeks, then
	// yearly).
	FirstReturnWeeks int
	// SurplusLimitWeeks is the council's usual limit in weeks of the gross
	// payment (0: as agreed, the budget's own).
	SurplusLimitWeeks int
	// DBSYears, when set, flags a PA's DBS check older than this many
	// years on the return.
	DBSYears int
	// Spending and Income are the return's headings, in the form's order.
	// A category none of them names goes under the last spending heading
	// (or the last income heading), so every pound is on the return.
	Spending, Income []Heading
	// OwnHeadings puts a category none of the headings names under a
	// heading of its own name, instead of the last heading.
	OwnHeadings bool
	// Basis says, in a sentence printed on the return, where the
	// profile's rules come from and what to check.
	Basis string
}

// Heading is one line of a council's return and the toolkit's categories
// it adds up.
type Heading struct {
	Label      string
	Categories []Category
}

// The toolkit's own grouping, used by the generic profile: each default
// category is its own heading.
func ownHeadings(income bool) []Heading {
	var out []Heading
	for _, c := range DefaultCategories() {
		if c.Income == income {
			out = append(out, Heading{Label: string(c.Name), Categories: []Category{c.Name}})
		}
	}
	return out
}

// staffHeadings groups pay, tax and pension as "staff costs", as many
// councils' forms do.
func staffHeadings(staff, services, other string) []Heading {
	return []Heading{
		{staff, []Category{CatWages, CatHMRC, CatPension}},
		{"Employer's liability insurance", []Category{CatInsurance}},
		{services, []Category{CatPayrollFees, CatAgency, CatRespite}},
		{"Training and recruitment", []Category{CatTraining, CatRecruitment}},
		{other, []Category{CatEquipment, CatOther}},
	}
}

var incomeHeadings = []Heading{
	{"Council payments", []Category{CatCouncil}},
	{"Your contribution", []Category{CatContribution}},
	{"Other income (Independent Living Fund, health)", []Category{CatOtherIncome}},
	{"Refunds and transfers in", []Category{CatRefund, CatTransfer}},
}

const basisCheck = " Check them against your own agreement: where it says otherwise, change the budget's return period and surplus limit."

// CouncilProfiles lists the profiles a budget may choose, the generic one
// first. The rules are those in DOMAIN.md's "Councils' audit returns".
var CouncilProfiles = []CouncilProfile{
	{
		Key: "generic", Spending: ownHeadings(false), Income: ownHeadings(true), OwnHeadings: true, DBSYears: 3,
		Basis: "Headings are the toolkit's own categories; the return period and surplus limit are the budget's, as agreed with the council.",
	},
	{
		Key: "wigan", Name: "Wigan Council", ReturnPeriod: household.ReturnYearly, FirstReturnWeeks: 12, DBSYears: 3,
		Spending: staffHeadings("Staff costs (wages, tax, NI, pension)", "Payroll, agency and respite services", "Other agreed spending"), Income: incomeHeadings,
		Basis: "Wigan asks for a first return 12 weeks after the payment starts, then one a year. The surplus limit is the budget's, as agreed." + basisCheck,
	},
	{
		Key: "st-helens", Name: "St Helens Council", SurplusLimitWeeks: 8, DBSYears: 3,
		Spending: staffHeadings("Personal assistants (wages, tax, NI, pension)", "Support services, agency and respite", "Equipment and other agreed items"), Income: incomeHeadings,
		Basis: "St Helens lets a person keep up to 8 weeks of the payment. The return period is the budget's, as agreed." + basisCheck,
	},
	{
		Key: "sefton", Name: "Sefton Council", ReturnPeriod: household.ReturnQuarterly, SurplusLimitWeeks: 4, DBSYears: 3,
		Spending: staffHeadings("Employee costs (wages, tax, NI, pension)", "Payroll, agency and respite services", "Other agreed spending"), Income: incomeHeadings,
		Basis: "Sefton asks for a return every quarter and lets a person keep 4 to 8 weeks of the payment: the profile takes 4, the lower end." + basisCheck,
	},
	{
		Key: "richmond", Name: "Richmond Council", ReturnPeriod: household.ReturnYearly, SurplusLimitWeeks: 8, DBSYears: 3,
		Spending: staffHeadings("Staffing (wages, tax, NI, pension)", "Services, agency and respite", "Other agreed spending"), Income: incomeHeadings,
		Basis: "Richmond lets a person keep up to 8 weeks of the payment; the law asks for a review at least every 12 months, so the profile asks for a yearly return." + basisCheck,
	},
}

// ProfileFor returns the profile stored under key, or the generic one
// (for "" or a key no longer offered).
func ProfileFor(key string) CouncilProfile {
	for _, p := range CouncilProfiles {
		if p.Key == key {
			return p
		}
	}
	return CouncilProfiles[0]
}

// SuggestProfile returns the key of the profile whose council has the name
// a budget gives ("Wigan Council", "wigan"), or "generic".
func SuggestProfile(council string) string {
	c := strings.ToLower(strings.TrimSpace(council))
	for _, p := range CouncilProfiles[1:] {
		short := strings.ToLower(strings.TrimSuffix(p.Name, " Council"))
		if c != "" && strings.Contains(c, short) {
			return p.Key
		}
	}
	return "generic"
}

// Label is how a form names the profile.
func (p CouncilProfile) Label() string {
	if p.Name == "" {
		return "Any council (the toolkit's own headings)"
	}
	return p.Name
}

// HeadingOf returns the label of the heading a category is added under.
func (p CouncilProfile) HeadingOf(c Category, income bool) string {
	hs := p.Spending
	if income {
		hs = p.Income
	}
	for _, h := range hs {
		for _, hc := range h.Categories {
			if strings.EqualFold(string(hc), string(c)) {
				return h.Label
			}
		}
	}
	if p.OwnHeadings || len(hs) == 0 {
		return string(c)
	}
	return hs[len(hs)-1].Label
}
