package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"patoolkit/service"
	"patoolkit/text"
)

// showMoneySettings shows the account's opening balance, the dates its
// payments run from and how HMRC is paid, then the categories.
func (u *UI) showMoneySettings() {
	u.moneyState()
	tabs, _ := u.moneyTabs(moneyTabSettings)
	m, err := u.svc.MoneyAccount(u.account.ID)
	if err != nil {
		u.showPage(page(pageTitle("Money"), tabs, warning(service.ErrorMessage(err))), nil, u.showMoney)
		return
	}
	a := u.account
	f := newForm(u, "Money settings", "The bank account or prepaid card that holds the direct payment. The council's payment ("+a.Payment.Format()+" "+text.Uncapitalise(a.PaymentFrequency.Label())+") is changed in the budget details on the Home page.")
	f.amount("opening_balance", "Opening balance", "The balance at the start of the opening date, from your bank statement. Overdrawn: put a minus sign first.", &m.OpeningBalance, false)
	f.date("opening_date", "Opening date", "Usually the day the direct payment started, or the first day of your first bank statement.", &m.OpeningDate, false)
	f.date("payment_first", "The council's first payment", "The date of the first payment (or of any payment since): the next ones are worked out from it ("+text.Uncapitalise(a.PaymentFrequency.Label())+").", &m.PaymentFirst, false)
	if a.Contribution > 0 {
		f.date("contribution_first", "Your first contribution", fmt.Sprintf("The date you first paid in your %s contribution (or any payment since).", a.Contribution.Format()), &m.ContributionFirst, false)
	}
	f.check("hmrc_quarterly", "Paying HMRC", "I pay HMRC every quarter", "Allowed when the average monthly bill is under £1,500. Otherwise it is paid every month.", &m.HMRCQuarterly)
	f.validate = func() error { return u.svc.CheckMoneyAccount(m) }
	f.save = func() error {
		if _, err := u.svc.SaveMoneyAccount(m); err != nil {
			return err
		}
		u.notice = "Saved the money settings."
		u.showMoneySettings()
		return nil
	}
	f.cancel = u.showMoney
	content, first := moneyFormPage(f, container.NewVBox(pageTitle("Money"), tabs), u.categoriesSection()...)
	u.showPage(content, first, f.Cancel)
	u.setForm(f)
}

// categoriesSection lists the categories, each with Hide or Show and
// Rename, and a button to add one.
func (u *UI) categoriesSection() []fyne.CanvasObject {
	parts := []fyne.CanvasObject{heading("Categories"), wrapLabel("The categories your council's return uses. A hidden category is not offered for new lines; lines that have it keep it.")}
	cats, err := u.svc.Categories(u.account.ID)
	if err != nil {
		return append(parts, warning(service.ErrorMessage(err)))
	}
	add := newKeyButton("Add a category", theme.ContentAddIcon(), u.showCategoryForm)
	parts = append(parts, buttonRow(add))
	for _, c := range cats {
		c := c
		kind := "spending"
		if c.Income {
			kind = "money in"
		}
		text := fmt.Sprintf("%s (%s)", c.Name, kind)
		toggle := "Hide"
		if c.Hidden {
			text += ": hidden"
			toggle = "Show again"
		}
		hide := newKeyButton(toggle, theme.VisibilityOffIcon(), func() {
			if err := u.svc.SetCategoryHidden(u.account.ID, string(c.Name), !c.Hidden); err != nil {
				u.showError(err)
				return
			}
			u.notice = fmt.Sprintf("%q is %s.", c.Name, map[bool]string{true: "hidden", false: "offered again"}[!c.Hidden])
			u.showMoneySettings()
		})
		rename := newKeyButton("Rename", theme.DocumentCreateIcon(), func() { u.showRenameCategory(string(c.Name)) })
		parts = append(parts, wrapLabel(text), buttonRow(hide, rename))
	}
	return parts
}

// showCategoryForm adds a category.
func (u *UI) showCategoryForm() {
	name, income := "", false
	f := newForm(u, "Add a category", "Use the name your council's return uses, so the return adds up the same way.")
	f.text("name", "Name", "For example \"Cleaning\".", &name)
	choice(f, "income", "Money in or out", "", []bool{false, true}, func(b bool) string {
		if b {
			return "Money in (like a refund or other income)"
		}
		return "Spending"
	}, &income, nil)
	f.save = func() error {
		if err := u.svc.AddCategory(u.account.ID, name, income); err != nil {
			return err
		}
		u.notice = fmt.Sprintf("Added the category %q.", name)
		u.showMoneySettings()
		return nil
	}
	f.cancel = u.showMoneySettings
	u.showMoneyForm(f)
}

// showRenameCategory renames a category everywhere it is used.
func (u *UI) showRenameCategory(old string) {
	name := old
	f := newForm(u, "Rename "+old, "Every line and remembered payee with this category changes with it.")
	f.text("name", "New name", "", &name)
	f.save = func() error {
		if err := u.svc.RenameCategory(u.account.ID, old, name); err != nil {
			return err
		}
		u.notice = fmt.Sprintf("Renamed %q to %q.", old, name)
		u.showMoneySettings()
		return nil
	}
	f.cancel = u.showMoneySettings
	u.showMoneyForm(f)
}
