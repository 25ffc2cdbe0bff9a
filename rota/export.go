package rota

import (
	"patoolkit/civil"
	"patoolkit/field"
)

// MaxExportDays bounds an export's range, so a typo does not make a
// thousand-page PDF.
const MaxExportDays = 400

// CheckExportRange returns what is wrong with the days from..to of an
// export (the rota, timesheets or a calendar), against the field "from" or
// "to", or nil. The window, the CLI and the service all refuse the same.
func CheckExportRange(from, to civil.Date) field.Errors {
	switch {
	case from.IsZero():
		return field.New("from", "Give the first and last dates to export.")
	case to.IsZero():
		return field.New("to", "Give the first and last dates to export.")
	case to.Before(from):
		return field.New("to", "The end date %s is before the start date %s.", to.UK(), from.UK())
	case to.DaysSince(from) > MaxExportDays:
		return field.New("to", "Export at most %d days at a time.", MaxExportDays)
	}
	return nil
}
