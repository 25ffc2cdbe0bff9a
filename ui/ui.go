// Package ui is the desktop window of the PA Employer Toolkit, built with
// Fyne. It holds no business rule and no SQL: each screen calls the
// service and shows what comes back, and the only checking done here is
// reading typed text (dates, amounts, hours) into values.
//
// Every action can be done with the keyboard: Tab moves between controls,
// Space or Enter presses a button, Enter (or Ctrl+S) saves a form and
// Escape cancels it, and Ctrl+1 to Ctrl+8 switch section.
package ui

import (
	"image/color"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/household"
	"patoolkit/service"
)

// Title is the window's title.
const Title = "PA Employer Toolkit"

// baseWindow is the window's size at the normal text size.
var baseWindow = fyne.NewSize(1100, 720)

// WindowSize is the size to open the window at for a text size in per cent
// on a screen whose room for a window is screen: the normal size grown
// with the text, so larger text has the room it needs, but never bigger
// than the screen. When the screen's size is not known (zero) it is the
// normal size, which fits any screen.
func WindowSize(textPercent int, screen fyne.Size) fyne.Size {
	if screen.Width <= 0 || screen.Height <= 0 {
		return baseWindow
	}
	s := float32(textPercent) / 100
	return fyne.NewSize(baseWindow.Width*s, baseWindow.Height*s).Min(screen)
}

// OpenSize is the size to open the window at with a's stored text size.
func OpenSize(a fyne.App, screen fyne.Size) fyne.Size {
	return WindowSize(NewSettings(a.Preferences()).TextSize(), screen)
}

// SetScreen tells the window how much room the screen has for it, so that
// a larger text size chosen later can grow the window up to the screen.
func (u *UI) SetScreen(screen fyne.Size) { u.screen = screen }

// UI is the main window: a top bar with the budget switcher, a navigation
// column, and the page in view. Its handlers are methods so tests can call
// them as a person's key presses would.
type UI struct {
	app      fyne.App
	win      fyne.Window
	svc      *service.Service
	settings *Settings
	now      func() time.Time // the clock, for "renewal date passed"; tests fix it

	accounts []household.Account
	account  household.Account // the open budget; ID 0 before the first is set up
	section  section

	switcher *keySelect
	// switcherWidth keeps the switcher wide enough for the longest name.
	switcherWidth *canvas.Rectangle
	managed       *widget.Label
	banner        *fyne.Container
	navBtns       map[section]*keyButton
	main          *fyne.Container

	escape    func() // what Escape does on the page in view; nil for nothing
	form      *form  // the form in view, if any
	shortcuts map[string]func()
	notice    string // a confirmation to show at the top of the next page
	returns   *returnsState

	rota *rotaState // the Rota and Timesheets sections' state (rota.go)

	// damaged is what to do about a data file the background check found
	// damaged; shown at the top of every page once set.
	damaged string

	money *moneyState // the Money section's state (money.go)

	pay *payState // the Pay section's state (pay.go)

	bg *background // work off the window's thread (background.go)

	screen fyne.Size // the screen's room for the window; zero when not known
}

// Create builds the whole window on w for the open data file svc: the
// first-run welcome when the file has no budget yet, otherwise the home
// page of the budget opened last.
func Create(a fyne.App, w fyne.Window, svc *service.Service) *UI {
	u := create(a, w, svc, time.Now)
	u.checkInBackground()
	return u
}

// create is Create with a clock, so tests can fix today's date.
func create(a fyne.App, w fyne.Window, svc *service.Service, now func() time.Time) *UI {
	u := &UI{
		app:       a,
		win:       w,
		svc:       svc,
		settings:  NewSettings(a.Preferences()),
		now:       now,
		shortcuts: map[string]func(){},
		navBtns:   map[section]*keyButton{},
		bg:        newBackground(),
	}
	a.Settings().SetTheme(u.settings.Theme())
	u.registerShortcuts()
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape && u.escape != nil {
			u.unlessBusy(u.escape)
		}
	})
	u.start()
	return u
}

// checkInBackground gives the data file the full check off the window's
// thread (a large file takes seconds) and, if it is damaged, says so on
// every page and in a message, with what to do. The service then refuses
// every change, so the data is not changed further.
func (u *UI) checkInBackground() {
	var err error
	u.offThread(func() { err = u.svc.Verify() }, func() { u.checked(err) })
}

// checked shows the result of the full check: nothing when the file is
// sound, and what to do when it is damaged.
func (u *UI) checked(err error) {
	if err == nil || service.ErrorCode(err) == service.Internal {
		return // sound; a check that could not run is not a verdict
	}
	msg := service.ErrorMessage(err)
	u.damaged = msg
	u.addDamagedBanner()
	u.message("Your data file is damaged", msg)
}

func (u *UI) addDamagedBanner() {
	if u.damaged == "" || u.banner == nil {
		return
	}
	warn := widget.NewLabel("⚠ " + u.damaged)
	warn.Wrapping = fyne.TextWrapWord
	warn.Importance = widget.DangerImportance
	warn.TextStyle.Bold = true
	u.banner.Add(warn)
}

// start shows the welcome page for an empty file, else the main window.
func (u *UI) start() {
	accounts, err := u.svc.Accounts()
	if err != nil {
		u.win.SetContent(widget.NewLabel(service.ErrorMessage(err)))
		return
	}
	u.accounts = accounts
	if len(accounts) == 0 {
		u.showWelcome()
		return
	}
	open := accounts[0]
	for _, a := range accounts {
		if a.ID == u.settings.LastAccount() {
			open = a
		}
	}
	u.buildMain()
	u.openAccount(open.ID)
}

// buildMain lays out the top bar, the navigation and the page area.
func (u *UI) buildMain() {
	u.switcher = newKeySelect(nil, func(name string) {
		for _, a := range u.accounts {
			if a.Name != name || a.ID == u.account.ID {
				continue
			}
			if u.form != nil && u.form.changed() {
				id := a.ID
				current := u.account.Name
				u.switcher.SetSelected(current) // until the person says to leave the form
				u.askFirst("Leave without saving?", "You have changed this form and not saved it. Open another budget without saving the changes?",
					"Yes, leave without saving", func() {
						u.form = nil
						u.openAccount(id)
					})
				return
			}
			u.openAccount(a.ID)
		}
	})
	u.managed = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	u.managed.Wrapping = fyne.TextWrapWord
	file := widget.NewLabel("Data file: " + filepath.Base(u.svc.Path()))
	file.SizeName = theme.SizeNameCaptionText

	u.switcherWidth = canvas.NewRectangle(color.Transparent)
	budget := container.NewHBox(widget.NewLabel(spokenAs(u.switcher, "Budget:")), container.NewStack(u.switcherWidth, u.switcher))
	top := container.NewBorder(nil, nil, budget, file, u.managed)
	u.banner = container.NewVBox()

	// Half the usual gap between the menu's buttons keeps the whole menu,
	// Settings included, in view at the largest text size on a laptop's
	// screen; it scrolls when even that does not fit.
	nav := container.New(tightColumn{})
	for _, s := range sections {
		s := s
		b := newKeyButton(s.navLabel(), nil, func() { u.ShowSection(s) })
		b.Alignment = widget.ButtonAlignLeading
		u.navBtns[s] = b
		nav.Add(b)
	}
	u.main = container.NewStack()
	u.win.SetContent(container.NewBorder(
		container.NewVBox(top, u.banner, widget.NewSeparator()),
		nil,
		container.NewHBox(container.NewVScroll(nav), widget.NewSeparator()),
		nil,
		u.main,
	))
}

// reloadAccounts reads the budgets again and refreshes the switcher.
func (u *UI) reloadAccounts() bool {
	accounts, err := u.svc.Accounts()
	if err != nil {
		u.showError(err)
		return false
	}
	u.accounts = accounts
	names := make([]string, len(accounts))
	var width float32
	for i, a := range accounts {
		names[i] = a.Name
		width = max(width, fyne.MeasureText(a.Name, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	u.switcherWidth.SetMinSize(fyne.NewSize(width+theme.IconInlineSize()+6*theme.Padding(), 0))
	u.switcher.SetOptions(names)
	return true
}

// openAccount makes the budget with id the open one and shows its home.
func (u *UI) openAccount(id int64) {
	if !u.reloadAccounts() {
		return
	}
	for _, a := range u.accounts {
		if a.ID == id {
			u.account = a
		}
	}
	u.settings.SetLastAccount(u.account.ID)
	u.switcher.SetSelected(u.account.Name)
	u.managed.SetText(u.account.Description())
	u.banner.RemoveAll()
	if isExample(u.account) {
		warn := widget.NewLabel("⚠ Example data: every person, address and number in this budget is made up.")
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.WarningImportance
		warn.TextStyle.Bold = true
		u.banner.Add(warn)
	}
	u.addDamagedBanner()
	u.ShowSection(sectionHome)
}

// isExample reports whether a budget is the made-up example data.
func isExample(a household.Account) bool {
	return strings.HasPrefix(a.Notes, "Example data")
}

// Account returns the open budget.
func (u *UI) Account() household.Account { return u.account }

// showPage puts page in the page area, focuses first (when not nil) and
// makes Escape call escape.
func (u *UI) showPage(page fyne.CanvasObject, first fyne.Focusable, escape func()) {
	u.form = nil
	u.escape = escape
	if u.notice != "" {
		done := widget.NewLabel("✔ " + u.notice)
		done.Wrapping = fyne.TextWrapWord
		done.Importance = widget.SuccessImportance
		done.TextStyle.Bold = true
		page = container.NewBorder(done, nil, nil, nil, page)
		u.notice = ""
	}
	if u.main == nil {
		// The welcome and set-up pages fill the window.
		u.win.SetContent(page)
	} else {
		u.main.Objects = []fyne.CanvasObject{page}
		u.main.Refresh()
	}
	u.focus(first)
}

func (u *UI) focus(f fyne.Focusable) {
	if f != nil {
		u.win.Canvas().Focus(f)
	} else {
		u.win.Canvas().Unfocus()
	}
}

// showError shows the safe, plain message for err in a dialog.
func (u *UI) showError(err error) {
	title := "Not saved"
	if service.ErrorCode(err) == service.Internal {
		title = "Something went wrong"
	}
	u.message(title, service.ErrorMessage(err))
}

// tightColumn stacks objects at their minimum heights, as wide as the
// column, with half the theme's padding between them.
type tightColumn struct{}

func (tightColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		n++
	}
	if n > 1 {
		s.Height += float32(n-1) * theme.Padding() / 2
	}
	return s
}

func (tightColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var y float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + theme.Padding()/2
	}
}
