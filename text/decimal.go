package text

import (
	"strconv"
	"strings"
)

// ParseHundredths reads a number with at most two decimal places, exactly,
// as hundredths: "37.5" is 3750, "5" is 500. Blank is 0. ok is false for
// anything else (a sign, a letter, three decimal places, over a million).
func ParseHundredths(s string) (v int64, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if hasDot && frac == "" || len(frac) > 2 || len(whole) > 6 {
		return 0, false
	}
	if whole == "" {
		whole = "0"
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, false
	}
	f := int64(0)
	if frac != "" {
		f, _ = strconv.ParseInt(frac, 10, 64)
		if len(frac) == 1 {
			f *= 10
		}
	}
	return w*100 + f, true
}

// ParseHours reads hours like "37.5" or "20.25" as whole minutes; blank is
// 0. ok is false when it is not a number of hours in whole minutes.
func ParseHours(s string) (minutes int, ok bool) {
	h, ok := ParseHundredths(s)
	if !ok || h*60%100 != 0 {
		return 0, false
	}
	return int(h * 60 / 100), true
}

// ParseMiles reads miles with at most one decimal place, like "12.5", as
// tenths of a mile (125); blank is 0. ok is false for anything else.
func ParseMiles(s string) (tenths int, ok bool) {
	h, ok := ParseHundredths(s)
	if !ok || h%10 != 0 {
		return 0, false
	}
	return int(h / 10), true
}
