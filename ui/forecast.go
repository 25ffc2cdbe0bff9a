package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"patoolkit/budget"
	"patoolkit/money"
	"patoolkit/service"
)

// forecastChart draws a forecast: a bar for each week's closing balance
// (red below £0.00), the £0.00 line, and a dashed line at the balance
// above which the surplus would be over the council's limit. The same
// figures are in the table under it: the chart is never the only way to
// read them.
type forecastChart struct {
	widget.BaseWidget
	weeks []budget.ForecastWeek
	// limitAt is, per week, the balance at which the surplus reaches the
	// council's limit (the limit plus what is owed and committed); nil
	// when the limit is not known.
	limitAt []money.Money
}

func newForecastChart(f service.ForecastResult) *forecastChart {
	c := &forecastChart{weeks: f.Weeks}
	if f.LimitKnown {
		for _, w := range f.Weeks {
			c.limitAt = append(c.limitAt, w.LimitBalance)
		}
	}
	c.ExtendBaseWidget(c)
	return c
}

func (c *forecastChart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{c: c}
}

type chartRenderer struct {
	c    *forecastChart
	objs []fyne.CanvasObject
}

func (r *chartRenderer) Destroy()                     {}
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *chartRenderer) Refresh()                     { r.Layout(r.c.Size()); canvas.Refresh(r.c) }

func (r *chartRenderer) MinSize() fyne.Size {
	ts := theme.TextSize()
	return fyne.NewSize(ts*16, ts*16)
}

// pounds is "£1,240" for an axis label.
func pounds(m money.Money) string {
	s := money.FromPounds(m.Pounds()).Format()
	return strings.TrimSuffix(s, ".00")
}

func (r *chartRenderer) Layout(size fyne.Size) {
	r.objs = r.objs[:0]
	weeks := r.c.weeks
	if len(weeks) == 0 || size.Width <= 0 || size.Height <= 0 {
		return
	}
	ts := theme.TextSize() * 0.85
	fg := theme.Color(theme.ColorNameForeground)
	lo, hi := money.Money(0), money.Money(0)
	for i, w := range weeks {
		lo, hi = min(lo, w.Balance), max(hi, w.Balance)
		if r.c.limitAt != nil {
			hi = max(hi, r.c.limitAt[i])
		}
	}
	if hi == lo {
		hi = lo + 100
	}
	span := hi - lo
	hi += span / 20
	if lo < 0 {
		lo -= span / 20
	}
	labelW := max(fyne.MeasureText(pounds(hi), ts, fyne.TextStyle{}).Width, fyne.MeasureText(pounds(lo), ts, fyne.TextStyle{}).Width) + theme.Padding()*2
	textH := fyne.MeasureText("0", ts, fyne.TextStyle{}).Height
	left, top, bottom := labelW, textH/2, textH*1.6
	plotW, plotH := size.Width-left-theme.Padding(), size.Height-top-bottom
	if plotW < 20 || plotH < 20 {
		return
	}
	y := func(v money.Money) float32 { return top + float32(float64(hi-v)/float64(hi-lo))*plotH }
	axisLabel := func(v money.Money) {
		t := canvas.NewText(pounds(v), fg)
		t.TextSize = ts
		t.Alignment = fyne.TextAlignTrailing
		t.Move(fyne.NewPos(0, y(v)-textH/2))
		t.Resize(fyne.NewSize(labelW-theme.Padding(), textH))
		r.objs = append(r.objs, t)
	}
	// Frame and zero line.
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor, frame.StrokeWidth = theme.Color(theme.ColorNameDisabled), 1
	frame.Move(fyne.NewPos(left, top))
	frame.Resize(fyne.NewSize(plotW, plotH))
	r.objs = append(r.objs, frame)
	axisLabel(hi)
	axisLabel(0)
	if lo < 0 {
		axisLabel(lo)
	}
	slot := plotW / float32(len(weeks))
	barW := max(slot*0.7, 1)
	primary, danger, warn := theme.Color(theme.ColorNamePrimary), theme.Color(theme.ColorNameError), theme.Color(theme.ColorNameWarning)
	every := max(1, int(fyne.MeasureText("00/00 ", ts, fyne.TextStyle{}).Width/slot)+1)
	for i, w := range weeks {
		x := left + slot*float32(i) + (slot-barW)/2
		y0, y1 := y(max(w.Balance, 0)), y(min(w.Balance, 0))
		bar := canvas.NewRectangle(primary)
		switch {
		case w.Balance < 0:
			bar.FillColor = danger
		case w.OverBy > 0:
			// Over the limit: amber with an outline, so it differs from
			// the other bars in every theme, not by colour alone.
			bar.FillColor = warn
			bar.StrokeColor, bar.StrokeWidth = fg, 2
		}
		bar.Move(fyne.NewPos(x, y0))
		bar.Resize(fyne.NewSize(barW, max(y1-y0, 1)))
		r.objs = append(r.objs, bar)
		if i%every == 0 {
			t := canvas.NewText(w.WeekStart.UK()[:5], fg)
			t.TextSize = ts
			t.Alignment = fyne.TextAlignCenter
			t.Move(fyne.NewPos(left+slot*float32(i)+slot/2-50, top+plotH+textH*0.3))
			t.Resize(fyne.NewSize(100, textH))
			r.objs = append(r.objs, t)
		}
	}
	zero := canvas.NewLine(fg)
	zero.StrokeWidth = 2
	zero.Position1, zero.Position2 = fyne.NewPos(left, y(0)), fyne.NewPos(left+plotW, y(0))
	r.objs = append(r.objs, zero)
	// The council's limit: a dashed line, stepping with what is owed.
	if r.c.limitAt != nil {
		dash := max(theme.TextSize()*0.6, 4)
		for i, v := range r.c.limitAt {
			ly := y(v)
			for x := left + slot*float32(i); x < left+slot*float32(i+1)-1; x += dash * 2 {
				l := canvas.NewLine(danger)
				l.StrokeWidth = 3
				l.Position1, l.Position2 = fyne.NewPos(x, ly), fyne.NewPos(min(x+dash, left+slot*float32(i+1)), ly)
				r.objs = append(r.objs, l)
			}
		}
	}
}

// forecastChoices are the forecast's lengths.
func (u *UI) forecastLength() (weeks int, label string) {
	if u.moneyState().toYearEnd {
		n, end := service.WeeksToCouncilYearEnd(u.moneyToday())
		return n, "to the end of the council year (" + end.UK() + ")"
	}
	return service.DefaultForecastWeeks, fmt.Sprintf("the next %d weeks", service.DefaultForecastWeeks)
}

// showForecast shows the forecast: the summary, the chart, the same
// figures as a table, and how the wages were counted.
func (u *UI) showForecast() { u.showForecastFocus(false) }

func (u *UI) showForecastFocus(onChoice bool) {
	ms := u.moneyState()
	tabs, here := u.moneyTabs(moneyTabForecast)
	_, yearEnd := service.WeeksToCouncilYearEnd(u.moneyToday())
	options := []string{fmt.Sprintf("The next %d weeks", service.DefaultForecastWeeks), "To the end of the council year (" + yearEnd.UK() + ")"}
	length := newKeySelect(options, nil)
	if ms.toYearEnd {
		length.SetSelectedIndex(1)
	} else {
		length.SetSelectedIndex(0)
	}
	length.OnChanged = func(string) {
		ms.toYearEnd = length.SelectedIndex() == 1
		u.showForecastFocus(true)
	}
	length.onEscape = u.showMoney
	weeks, label := u.forecastLength()
	start := u.moneyToday().AddDays(1)
	parts := []fyne.CanvasObject{pageTitle("Money"), tabs, wrapHeading("Forecast from " + start.UK() + ", " + label),
		caption("Show", length), length}
	f, err := u.svc.Forecast(u.account.ID, start, weeks)
	if err != nil {
		parts = append(parts, warning(service.ErrorMessage(err)))
		u.showPage(page(parts...), length, u.showMoney)
		return
	}
	mark := "✔ "
	if !f.Summary.RunsOutWeek.IsZero() || !f.Summary.OverLimitWeek.IsZero() {
		mark = "⚠ "
	}
	parts = append(parts, bigText(mark+f.Summary.Message))
	legend := "Each bar is the balance at the end of a week (red: below £0.00). The thick solid line is £0.00."
	if f.LimitKnown {
		legend += fmt.Sprintf(" Above the red dashed line the surplus is over the council's limit of %s (a bar above it is amber); the line moves with the money owed, set aside and the contingency (%s).", f.SurplusLimit.Format(), f.Commitments.Format())
	}
	parts = append(parts, newForecastChart(f), hintLabel(legend))

	parts = append(parts, heading("The figures, week by week"))
	overText := func(w budget.ForecastWeek) string {
		switch {
		case w.Balance < 0:
			return "⚠ Money runs out"
		case w.OverBy > 0:
			return "⚠ Yes, by " + w.OverBy.Format()
		case !f.LimitKnown:
			return "Limit not known"
		}
		return "No"
	}
	if ledgerTwoLines() {
		// Large text: a sentence a week, as six columns would not fit.
		for _, w := range f.Weeks {
			parts = append(parts, wrapLabel(fmt.Sprintf("Week from %s: money in %s, money out %s, balance %s, surplus %s. Over the limit: %s.",
				w.WeekStart.UK(), w.Income.Format(), w.Spending.Format(), w.Balance.Format(), w.Surplus.Format(), overText(w))))
		}
	} else {
		cells := []fyne.CanvasObject{}
		for _, h := range []string{"Week from", "Money in", "Money out", "Balance", "Surplus", "Over the limit?"} {
			l := widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l.Wrapping = fyne.TextWrapWord
			cells = append(cells, l)
		}
		for _, w := range f.Weeks {
			for _, s := range []string{w.WeekStart.UK(), w.Income.Format(), w.Spending.Format(), w.Balance.Format(), w.Surplus.Format(), overText(w)} {
				l := widget.NewLabel(s)
				l.Wrapping = fyne.TextWrapWord
				cells = append(cells, l)
			}
		}
		parts = append(parts, container.NewGridWithColumns(6, cells...))
	}
	parts = append(parts, wrapLabel(fmt.Sprintf("The balance at the start is %s. The surplus is the balance less money owed, money set aside and the contingency (%s).", f.OpeningBalance.Format(), f.Commitments.Format())))

	parts = append(parts, heading("How the wages are counted"))
	for _, n := range f.Notes {
		parts = append(parts, wrapLabel(n))
	}
	for _, p := range f.Periods {
		s := fmt.Sprintf("%s, pay for %s, paid %s: gross %s + employer's NI %s", p.PA, p.Period.Label(), p.Period.Payday.UK(), p.Gross.Format(), p.EmployerNI.Format())
		if p.AllowanceOffset > 0 {
			s += " − Employment Allowance " + p.AllowanceOffset.Format()
		}
		s += fmt.Sprintf(" + employer's pension %s = %s", p.EmployerPension.Format(), p.Cost.Format())
		if p.Estimated {
			s += " (partly estimated from the contract)"
		}
		parts = append(parts, wrapLabel(s+"."))
	}
	parts = append(parts, heading("What goes in and out"))
	for _, w := range f.Weeks {
		if len(w.Events) == 0 {
			continue
		}
		parts = append(parts, wrapLabel("Week from "+w.WeekStart.UK()+": "+strings.Join(w.Events, "; ")+"."))
	}
	var first fyne.Focusable = here
	if onChoice {
		first = length
	}
	u.showPage(page(parts...), first, u.showMoney)
}
