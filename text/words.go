package text

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The wording helpers below are the one home for how the toolkit words a
// count, a length of time and the first letter of a sentence, so a
// payslip, a rota check, a screen and the CLI say "1 hour 30 minutes" and
// "3 lines" the same way.

// Plural returns one when n is 1 and many otherwise (0 and 2 take the
// plural): Plural(n, "line is", "lines are").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count returns n with its noun: "1 day", "3 days", "0 days".
func Count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Plural(n, one, many)
}

// List joins items as a sentence does: "a", "a and b", "a, b and c"; ""
// for none.
func List(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Hours words a length of time given in whole minutes: "4 hours",
// "1 hour 30 minutes", "45 minutes", "0 hours", "minus 2 hours".
func Hours(minutes int) string {
	neg := ""
	if minutes < 0 {
		neg, minutes = "minus ", -minutes
	}
	h, m := minutes/60, minutes%60
	switch {
	case h == 0 && m == 0:
		return "0 hours"
	case m == 0:
		return neg + Count(h, "hour", "hours")
	case h == 0:
		return neg + Count(m, "minute", "minutes")
	}
	return neg + Count(h, "hour", "hours") + " " + Count(m, "minute", "minutes")
}

// Capitalise makes the first letter a capital, so a phrase can start a
// sentence: "the council's rule" is "The council's rule", "élan" is
// "Élan". The rest of s is left as it is.
func Capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Uncapitalise makes the first letter small, so a label can sit inside a
// sentence: "Every 4 weeks" is "every 4 weeks".
func Uncapitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// DecimalHours is minutes as hours to two places, as payroll figures
// keep them: "152.50", "-0.25". The hundredths are rounded half up.
func DecimalHours(minutes int64) string {
	neg := minutes < 0
	if neg {
		minutes = -minutes
	}
	hundredths := (minutes*100 + 30) / 60
	s := fmt.Sprintf("%d.%02d", hundredths/100, hundredths%100)
	if neg {
		s = "-" + s
	}
	return s
}
