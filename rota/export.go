package rota

import (
	"patoolkit/civil"
	"patoolkit/field"
)

// MaxExportDays bounds an export's range, so a typo does not make a
// thousand-page PDF.
const MaxExportDays = 400

// CheckDays refuses days from..to that run backwards, against the field
// "to"; nil when to is on or after from. The rota's lists, checks, fills and
// exports all read a span of days this way.
func CheckDays(from, to civil.Date) field.Errors {
	if to.Before(from) {
		return field.New("to", "The end date %s is before the start date %s.", to.UK(), from.UK())
	}
	return nil
}

// CheckExportRange returns what is wrong with the days from..to of an
// export (the rota, timesheets or a calendar), against the field "from" or
// "to", or nil. The window, the CLI and the service all refuse the same.
func CheckExportRange(from, to civil.Date) field.Errors {
	switch {
	case from.IsZero():
		return field.New("from", "Give the first and last dates to export.")
	case to.IsZero():
		return field.New("to", "Give the first and last dates to export.")
	case CheckDays(from, to) != nil:
		return CheckDays(from, to)
	case to.DaysSince(from) > MaxExportDays:
		return field.New("to", "Export at most %d days at a time.", MaxExportDays)
	}
	return nil
}
