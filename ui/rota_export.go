package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/rota"
)

// rotaExporter is the service's exports of the rota and timesheets.
type rotaExporter interface {
	ExportRotaPDF(w io.Writer, accountID int64, from, to civil.Date) error
	ExportTimesheetsPDF(w io.Writer, accountID int64, from, to civil.Date, paID int64) error
	ExportICS(w io.Writer, accountID int64, from, to civil.Date, paID int64) error
}

// exportKind is what the Export form writes.
type exportKind int

const (
	exportRota exportKind = iota
	exportTimesheets
	exportCalendar
)

func (k exportKind) label() string {
	switch k {
	case exportTimesheets:
		return "Timesheets (PDF, with the signature lines)"
	case exportCalendar:
		return "Calendar file for a PA's phone (.ics)"
	}
	return "Rota (PDF, for the fridge and the PAs)"
}

// choiceAllPAs is "All PAs" in the Export form.
const choiceAllPAs int64 = -1

// homeDir is where exports are saved unless the person types another
// folder; tests replace it.
var homeDir = os.UserHomeDir

// fileSlug makes a name safe and short for a file: "Zoë Ní Bhriain" is
// "zoe-ni-bhriain".
func fileSlug(s string) string {
	fold := strings.NewReplacer("ë", "e", "é", "e", "è", "e", "í", "i", "á", "a", "ó", "o", "ú", "u", "ł", "l", "Ł", "l", "ö", "o", "ü", "u", "ä", "a", "ñ", "n", "ç", "c")
	s = fold.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// showRotaExport writes the rota, timesheets or a PA's calendar to a file.
func (u *UI) showRotaExport() {
	r := u.rotaState()
	r.onWeek = false
	pas, err := u.svc.PAs(u.account.ID)
	if err != nil {
		u.showError(err)
		return
	}
	today := u.rotaToday()
	names := map[int64]string{choiceAllPAs: "All PAs"}
	var paValues []int64
	for _, p := range pas {
		if !p.CurrentOrRecent(today) {
			continue
		}
		names[p.ID] = p.Name
		paValues = append(paValues, p.ID)
	}
	paValues = append(paValues, choiceAllPAs)
	weekStart := r.week.Start
	if weekStart.IsZero() {
		weekStart = rota.WeekStart(r.day)
	}
	var period household.PayPeriod
	if ps, err := u.svc.PayPeriods(u.account.ID, today, today); err == nil && len(ps) > 0 {
		period = ps[0]
	}
	home, _ := homeDir()

	kind := exportKind(exportRota)
	var pa int64
	if len(paValues) > 1 {
		pa = paValues[0]
	}
	var from, to civil.Date
	path := ""
	defaults := func(k exportKind) {
		switch k {
		case exportTimesheets:
			from, to = period.From, period.To
			if from.IsZero() {
				from, to = weekStart, weekStart.AddDays(6)
			}
		case exportCalendar:
			from, to = weekStart, weekStart.AddDays(8*7-1)
		default:
			from, to = weekStart, weekStart.AddDays(6)
		}
	}
	name := func(k exportKind, who int64, from civil.Date) string {
		switch k {
		case exportTimesheets:
			if who > 0 {
				return "timesheets-" + fileSlug(names[who]) + "-" + from.String() + ".pdf"
			}
			return "timesheets-" + from.String() + ".pdf"
		case exportCalendar:
			return "shifts-" + fileSlug(names[who]) + "-" + from.String() + ".ics"
		}
		return "rota-" + from.String() + ".pdf"
	}
	defaults(kind)
	path = filepath.Join(home, name(kind, pa, from))

	f := newForm(u, "Export", "Save the rota or timesheets as a PDF to print, or a PA's shifts as a calendar file for their phone.")
	var fromEntry, toEntry, pathEntry *keyEntry
	var paFld *formField
	var paSel *keySelect
	refill := func() {
		defaults(kind)
		fromEntry.SetText(from.UK())
		toEntry.SetText(to.UK())
		who := pa
		if i := paSel.SelectedIndex(); i >= 0 {
			who = paValues[i]
		}
		pathEntry.SetText(filepath.Join(filepath.Dir(pathEntry.Text), name(kind, who, from)))
		f.setVisible(paFld, kind != exportRota)
	}
	choice(f, "what", "What to save", "", []exportKind{exportRota, exportTimesheets, exportCalendar}, exportKind.label, &kind, func(k exportKind) {
		kind = k
		refill()
	})
	paSel = choice(f, "pa", "Which PA", "\"All PAs\" is for timesheets only: a calendar file is for one PA.", paValues, func(id int64) string { return names[id] }, &pa, func(int64) { refill() })
	paFld = f.field("pa")
	fromEntry = f.date("from", "From", "", &from, false)
	toEntry = f.date("to", "To", "", &to, false)
	pathEntry = f.text("path", "Save as", "The file to write, with its folder.", &path)
	f.setVisible(paFld, false)

	f.saveText = "Export"
	f.save = func() error {
		var ex rotaExporter = u.svc
		who := pa
		switch {
		case kind == exportRota:
			who = 0
		case pa == choiceAllPAs:
			who = 0
		case pa == 0:
			return household.Problems{{Field: "pa", Message: "Choose the PA."}}
		}
		// The days are checked by the service (rota.CheckExportRange),
		// as for the CLI.
		if path == "" {
			return household.Problems{{Field: "path", Message: "Type the file to save to, for example " + filepath.Join(home, name(kind, pa, from)) + "."}}
		}
		if strings.HasPrefix(path, "~"+string(filepath.Separator)) {
			path = filepath.Join(home, path[2:])
		}
		account := u.account.ID
		return u.saveMade(f, path, func(w io.Writer) error {
			switch kind {
			case exportTimesheets:
				return ex.ExportTimesheetsPDF(w, account, from, to, who)
			case exportCalendar:
				return ex.ExportICS(w, account, from, to, who)
			}
			return ex.ExportRotaPDF(w, account, from, to)
		}, func() {
			r.saved = "Saved to " + path + "."
			u.showRota()
		})
	}
	f.cancel = u.showRota
	u.showForm(f)
}
