package payroll

import (
	"strconv"
	"strings"

	"patoolkit/money"
)

// Percent is an exact percentage in basis points (hundredths of one per
// cent): 20% is 2000, 1.85% is 185, 13.8% is 1380, 4.5% is 450.
type Percent int64

// maxPercent is 100%.
const maxPercent Percent = 10000

// ParsePercent reads a percentage typed by a person: "5", "4.5", "1.85",
// "5%". At most two decimal places; from 0 to 100. Floating point is never
// used.
func ParsePercent(s string) (Percent, error) {
	orig := s
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	fail := func(why string) (Percent, error) {
		return 0, invalidf("percentage %q %s: write a number from 0 to 100 with at most two decimal places, like 5 or 4.5", orig, why)
	}
	if s == "" {
		return fail("is empty")
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if hasDot && frac == "" {
		return fail("ends with a point")
	}
	if len(frac) > 2 {
		return fail("has more than two decimal places")
	}
	if whole == "" {
		whole = "0"
	}
	if len(whole) > 3 {
		return fail("is more than 100")
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return fail("is not a number")
		}
	}
	w, _ := strconv.Atoi(whole)
	f := 0
	if frac != "" {
		f, _ = strconv.Atoi(frac)
		if len(frac) == 1 {
			f *= 10
		}
	}
	p := Percent(w*100 + f)
	if p > maxPercent {
		return fail("is more than 100")
	}
	return p, nil
}

// String gives the shortest exact form: "20%", "4.5%", "1.85%".
func (p Percent) String() string {
	v := int64(p)
	sign := ""
	if v < 0 {
		sign = "-"
		v = -v
	}
	s := sign + strconv.FormatInt(v/100, 10)
	if f := v % 100; f != 0 {
		if f%10 == 0 {
			s += "." + strconv.FormatInt(f/10, 10)
		} else {
			s += "." + strconv.FormatInt(f/10, 10) + strconv.FormatInt(f%10, 10)
		}
	}
	return s + "%"
}

// OfHalfUp returns p of m rounded to the nearest penny, halves rounded up
// (away from zero).
func (p Percent) OfHalfUp(m money.Money) money.Money {
	return money.Money(divRoundHalfUp(int64(m)*int64(p), 10000))
}

// divRoundHalfUp divides a by b (b > 0), rounding halves away from zero.
func divRoundHalfUp(a, b int64) int64 {
	if a < 0 {
		return -divRoundHalfUp(-a, b)
	}
	return (a + b/2) / b
}

// ceilDiv divides a by b (b > 0) rounding up, for a >= 0.
func ceilDiv(a, b int64) int64 {
	if a <= 0 {
		return -((-a) / b)
	}
	return (a + b - 1) / b
}
