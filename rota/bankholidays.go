package rota

import (
	"sort"
	"time"

	"patoolkit/civil"
)

// Bank holidays in England and Wales, from gov.uk "UK bank holidays"
// (DOMAIN.md, "Rates"). Scotland and Northern Ireland differ and are not
// held. When Christmas Day or Boxing Day falls at a weekend, the
// substitute weekday is the bank holiday (and is paid at the bank holiday
// rate); the weekend day itself is paid at the weekend rate.
//
// To add a year: add its dates here, raise lastBankHolidayYear, and add a
// test row.
const (
	firstBankHolidayYear = 2024
	lastBankHolidayYear  = 2027
)

// BankHoliday is one bank holiday.
type BankHoliday struct {
	Date civil.Date
	Name string
}

const (
	newYear     = "New Year's Day"
	goodFriday  = "Good Friday"
	easterMon   = "Easter Monday"
	earlyMay    = "Early May bank holiday"
	spring      = "Spring bank holiday"
	summer      = "Summer bank holiday"
	christmas   = "Christmas Day"
	boxing      = "Boxing Day"
	substituted = " (substitute day)"
)

var bankHolidayList = []BankHoliday{
	{civil.New(2024, time.January, 1), newYear},
	{civil.New(2024, time.March, 29), goodFriday},
	{civil.New(2024, time.April, 1), easterMon},
	{civil.New(2024, time.May, 6), earlyMay},
	{civil.New(2024, time.May, 27), spring},
	{civil.New(2024, time.August, 26), summer},
	{civil.New(2024, time.December, 25), christmas},
	{civil.New(2024, time.December, 26), boxing},

	{civil.New(2025, time.January, 1), newYear},
	{civil.New(2025, time.April, 18), goodFriday},
	{civil.New(2025, time.April, 21), easterMon},
	{civil.New(2025, time.May, 5), earlyMay},
	{civil.New(2025, time.May, 26), spring},
	{civil.New(2025, time.August, 25), summer},
	{civil.New(2025, time.December, 25), christmas},
	{civil.New(2025, time.December, 26), boxing},

	{civil.New(2026, time.January, 1), newYear},
	{civil.New(2026, time.April, 3), goodFriday},
	{civil.New(2026, time.April, 6), easterMon},
	{civil.New(2026, time.May, 4), earlyMay},
	{civil.New(2026, time.May, 25), spring},
	{civil.New(2026, time.August, 31), summer},
	{civil.New(2026, time.December, 25), christmas},
	{civil.New(2026, time.December, 28), boxing + substituted}, // 26 Dec 2026 is a Saturday

	{civil.New(2027, time.January, 1), newYear},
	{civil.New(2027, time.March, 26), goodFriday},
	{civil.New(2027, time.March, 29), easterMon},
	{civil.New(2027, time.May, 3), earlyMay},
	{civil.New(2027, time.May, 31), spring},
	{civil.New(2027, time.August, 30), summer},
	{civil.New(2027, time.December, 27), christmas + substituted}, // 25 Dec 2027 is a Saturday
	{civil.New(2027, time.December, 28), boxing + substituted},    // 26 Dec 2027 is a Sunday
}

var bankHolidayIndex = func() map[civil.Date]string {
	sort.Slice(bankHolidayList, func(i, j int) bool { return bankHolidayList[i].Date.Before(bankHolidayList[j].Date) })
	m := make(map[civil.Date]string, len(bankHolidayList))
	for _, b := range bankHolidayList {
		m[b.Date] = b.Name
	}
	return m
}()

// IsBankHoliday reports whether d is a bank holiday in England and Wales
// (only years BankHolidaysKnown covers are held).
func IsBankHoliday(d civil.Date) bool {
	_, ok := bankHolidayIndex[d]
	return ok
}

// BankHolidayName returns the name of the bank holiday on d ("Christmas
// Day", "Boxing Day (substitute day)"), or "" when d is not one.
func BankHolidayName(d civil.Date) string { return bankHolidayIndex[d] }

// BankHolidays returns the bank holidays from from to to, inclusive, in
// date order.
func BankHolidays(from, to civil.Date) []BankHoliday {
	var out []BankHoliday
	for _, b := range bankHolidayList {
		if !b.Date.Before(from) && !b.Date.After(to) {
			out = append(out, b)
		}
	}
	return out
}

// BankHolidaysKnown reports whether the bank holidays of d's year are built
// in (2024 to 2027). When it is false, warn the person: "Bank holidays
// after 2027 are not built in yet, so bank holiday rates are not applied."
func BankHolidaysKnown(d civil.Date) bool {
	return d.Year >= firstBankHolidayYear && d.Year <= lastBankHolidayYear
}

// BankHolidayYears returns the first and last years whose bank holidays are
// built in.
func BankHolidayYears() (first, last int) { return firstBankHolidayYear, lastBankHolidayYear }
