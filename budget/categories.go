package budget

import (
	"fmt"
	"strings"

	"patoolkit/text"
)

// Category is the name of a ledger category, as the council's return
// groups spending and income: "PA wages (net)", "Council payment".
type Category string

// The default categories, from the typical council returns (see DOMAIN.md,
// "Councils' audit returns"). A person may add their own per account.
const (
	CatWages        Category = "PA wages (net)"
	CatHMRC         Category = "HMRC (tax and NI)"
	CatPension      Category = "Pension"
	CatInsurance    Category = "Employer's liability insurance"
	CatPayrollFees  Category = "Payroll or support service fees"
	CatAgency       Category = "Agency care"
	CatRespite      Category = "Respite"
	CatEquipment    Category = "Equipment and adaptations"
	CatTraining     Category = "Training"
	CatRecruitment  Category = "Recruitment (adverts, DBS)"
	CatOther        Category = "Other agreed items"
	CatCouncil      Category = "Council payment"
	CatContribution Category = "Client contribution"
	CatOtherIncome  Category = "Other income (e.g. Independent Living Fund)"
	CatRefund       Category = "Refund"
	CatTransfer     Category = "Transfer"
)

// CategoryInfo is one category of an account's list.
type CategoryInfo struct {
	Name Category `json:"name"`
	// Income is true for money coming in (council payment, contribution,
	// refunds), false for spending. Transfer is counted as income so that
	// money moved in is not shown as spending; money moved out under
	// Transfer is still just a negative amount.
	Income bool `json:"income"`
}

// Categories is an account's list of categories, in the order a form
// offers them.
type Categories []CategoryInfo

// DefaultCategories returns a fresh copy of the default list: spending
// first in the order of a typical council return, then income.
func DefaultCategories() Categories {
	return Categories{
		{CatWages, false},
		{CatHMRC, false},
		{CatPension, false},
		{CatInsurance, false},
		{CatPayrollFees, false},
		{CatAgency, false},
		{CatRespite, false},
		{CatEquipment, false},
		{CatTraining, false},
		{CatRecruitment, false},
		{CatOther, false},
		{CatCouncil, true},
		{CatContribution, true},
		{CatOtherIncome, true},
		{CatRefund, true},
		{CatTransfer, true},
	}
}

// Find returns the category with this name (compared ignoring case and
// surrounding spaces) and whether it is in the list.
func (cs Categories) Find(name Category) (CategoryInfo, bool) {
	n := strings.TrimSpace(string(name))
	for _, c := range cs {
		if strings.EqualFold(string(c.Name), n) {
			return c, true
		}
	}
	return CategoryInfo{}, false
}

// Has reports whether name is in the list.
func (cs Categories) Has(name Category) bool {
	_, ok := cs.Find(name)
	return ok
}

// Spending returns the spending categories, in order.
func (cs Categories) Spending() []Category { return cs.filter(false) }

func (cs Categories) filter(income bool) []Category {
	var out []Category
	for _, c := range cs {
		if c.Income == income {
			out = append(out, c.Name)
		}
	}
	return out
}

// categoryName is what a category's name may hold: one line, shorter
// than free text, as it heads a column of the council's return and fills a
// drop-down list.
var categoryName = text.Line.Shorter(60)

// CheckNewCategory says what is wrong with adding a category called name
// to the list, or "" when it may be added.
func (cs Categories) CheckNewCategory(name string) string {
	n := strings.TrimSpace(name)
	if msg := text.Check("The category name", n, categoryName); msg != "" {
		return msg
	}
	switch {
	case n == "":
		return "A category needs a name, like \"Cleaning\"."
	case cs.Has(Category(n)):
		return fmt.Sprintf("There is already a category called %q.", n)
	}
	return ""
}

// CategoryForOwed is the category a payment settling an owed item of this
// kind belongs to, or "" when the kind does not say (an invoice).
func CategoryForOwed(kind OwedKind) Category {
	switch kind {
	case OwedNetPay:
		return CatWages
	case OwedHMRC:
		return CatHMRC
	case OwedPension:
		return CatPension
	}
	return ""
}
