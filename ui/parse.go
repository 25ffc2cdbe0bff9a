package ui

import (
	"fmt"
	"strconv"
	"strings"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/money"
	"patoolkit/payroll"
	"patoolkit/text"
)

// The window only turns typed text into values; whether a value is allowed
// is the service's job. Each parser here returns a plain message that is
// shown beside the field, and never uses floating point.

// typed is the window's refusal of text it can't read as a value: a field
// error, which the form shows beside the field it was typed in.
func typed(format string, a ...any) error {
	return field.Error{Message: fmt.Sprintf(format, a...)}
}

// parseDate reads a date typed as DD/MM/YYYY. A blank entry is the zero
// date: whether a date is needed is for the service to say.
func parseDate(s string) (civil.Date, error) {
	if strings.TrimSpace(s) == "" {
		return civil.Date{}, nil
	}
	d, err := civil.Parse(s)
	if err != nil {
		return civil.Date{}, typed("%q is not a date we can read. Type it as DD/MM/YYYY (day, month, year), for example 06/04/2026.", strings.TrimSpace(s))
	}
	return d, nil
}

// parseMoney reads an amount like "1234.56" or "£1,234.56"; blank is £0.00.
func parseMoney(s string) (money.Money, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	m, err := money.Parse(s)
	if err != nil {
		return 0, typed("%q is not an amount of money. Type pounds and pence, like 12.50 or £1,234.56.", strings.TrimSpace(s))
	}
	return m, nil
}

// formatMoneyEntry shows an amount for editing: "1234.56", or "" for zero
// when blank is allowed.
func formatMoneyEntry(m money.Money, blankZero bool) string {
	if m == 0 && blankZero {
		return ""
	}
	return m.Format()
}

// parseDecimal reads a number with at most two decimal places, exactly, as
// hundredths: "37.5" is 3750, "5" is 500. Blank is 0 (text.ParseHundredths).
func parseDecimal(s string) (int64, bool) { return text.ParseHundredths(s) }

// parseHours reads hours a week like "37.5" or "20.25" as whole minutes.
// Blank is 0.
func parseHours(s string) (int, error) {
	m, ok := text.ParseHours(s)
	if !ok {
		return 0, typed("%q is not a number of hours. Type hours as a number, like 20 or 37.5 (37.5 is 37 hours 30 minutes).", strings.TrimSpace(s))
	}
	return m, nil
}

// formatHours shows minutes as hours: 2250 minutes is "37.5"; 0 is "".
func formatHours(minutes int) string {
	if minutes == 0 {
		return ""
	}
	return formatHundredths(int64(minutes) * 100 / 60)
}

// parsePercent reads a percentage like "5", "4.5" or "5%" as basis points
// (hundredths of one per cent): "4.5" is 450. Blank is 0. The rule (0 to
// 100, at most two decimal places) is payroll.ParsePercent's.
func parsePercent(s string) (int, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	p, err := payroll.ParsePercent(s)
	if err != nil {
		return 0, typed("%q is not a percentage. Type a number from 0 to 100, like 5 or 4.5.", strings.TrimSpace(s))
	}
	return int(p), nil
}

// formatPercent shows basis points as a percentage number: 450 is "4.5".
func formatPercent(bp int) string { return formatHundredths(int64(bp)) }

// formatHundredths shows 3750 as "37.5", 500 as "5" and 425 as "4.25".
func formatHundredths(v int64) string {
	s := strconv.FormatInt(v/100, 10)
	switch f := v % 100; {
	case f == 0:
	case f%10 == 0:
		s += "." + strconv.FormatInt(f/10, 10)
	default:
		s += fmt.Sprintf(".%02d", f)
	}
	return s
}

// parseWholeNumber reads a whole number like "8"; blank is 0.
func parseWholeNumber(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, typed("%q is not a whole number. Type a number like 8.", s)
	}
	return n, nil
}
