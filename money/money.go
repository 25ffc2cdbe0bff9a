// Package money holds the Money type: an exact amount of pounds and pence,
// stored as a whole number of pence. Floating point is never used for money.
package money

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Money is an amount in pence. Negative amounts are money going out or owed.
type Money int64

// FromPounds returns whole pounds as Money.
func FromPounds(p int64) Money { return Money(p * 100) }

// Pounds returns the whole pounds in m, dropping the pence (towards zero).
func (m Money) Pounds() int64 { return int64(m) / 100 }

// ErrFormat is wrapped by every parse failure.
var ErrFormat = errors.New("not an amount of money")

// Parse reads an amount typed by a person or found in a bank statement:
// "1156.25", "£1,156.25", "-12.34", "(12.34)", "12", "12.5", "+3.00",
// "-£12.34", "£-12.34". At most two decimal places are allowed; commas are
// accepted only as thousands separators.
func Parse(s string) (Money, error) {
	orig := s
	s = strings.TrimSpace(s)
	fail := func(why string) (Money, error) {
		return 0, fmt.Errorf("%w: %q %s (write it like 1234.56 or £1,234.56)", ErrFormat, orig, why)
	}
	if s == "" {
		return fail("is empty")
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg = true
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	// Sign and pound sign in either order.
	for i := 0; i < 2; i++ {
		switch {
		case strings.HasPrefix(s, "-"):
			if neg {
				return fail("has two minus signs")
			}
			neg = true
			s = s[1:]
		case strings.HasPrefix(s, "+"):
			s = s[1:]
		}
		s = strings.TrimPrefix(s, "£")
		s = strings.TrimPrefix(s, "GBP")
		s = strings.TrimSpace(s)
	}
	if s == "" {
		return fail("has no digits")
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if hasDot && (len(frac) == 0 || len(frac) > 2) {
		if len(frac) == 0 {
			return fail("ends with a point")
		}
		return fail("has more than two decimal places")
	}
	if whole == "" {
		whole = "0"
	}
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return fail("has a misplaced comma")
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return fail("has a misplaced comma")
			}
		}
		whole = strings.Join(groups, "")
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return fail("has a character that is not a digit")
		}
	}
	if len(whole) > 15 {
		return fail("is too large")
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return fail("is not a number")
	}
	var f int64
	if frac != "" {
		f, _ = strconv.ParseInt(frac, 10, 64)
		if len(frac) == 1 {
			f *= 10
		}
	}
	v := w*100 + f
	if neg {
		v = -v
	}
	return Money(v), nil
}

// MustParse is Parse for literals in code and tests; it panics on a bad literal.
func MustParse(s string) Money {
	m, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return m
}

// String gives the plain form used in CLI output, JSON and files: "1156.25",
// "-12.34", "0.00".
func (m Money) String() string {
	v := int64(m)
	sign := ""
	if v < 0 {
		sign = "-"
		if v == math.MinInt64 {
			return "-92233720368547758.08"
		}
		v = -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// Format gives the form shown to a person: "£1,156.25", "-£12.34".
func (m Money) Format() string {
	s := m.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := "£" + b.String() + "." + frac
	if neg {
		out = "-" + out
	}
	return out
}

// Abs returns the size of m without its sign.
func (m Money) Abs() Money {
	if m < 0 {
		return -m
	}
	return m
}

// MarshalText writes m as String does, so JSON holds "12.34".
func (m Money) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads m as Parse does.
func (m *Money) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
