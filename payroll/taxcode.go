package payroll

import (
	"strconv"
	"strings"
)

// Region is the part of the UK whose income tax rates a code uses.
type Region byte

// The regions, by tax code prefix.
const (
	RestOfUK Region = iota // no prefix: England and Northern Ireland
	Scotland               // S prefix
	Wales                  // C prefix
)

// String names the region.
func (r Region) String() string {
	switch r {
	case Scotland:
		return "Scotland"
	case Wales:
		return "Wales"
	}
	return "England and Northern Ireland"
}

// CodeKind is the kind of a tax code.
type CodeKind byte

// The kinds of tax code.
const (
	// CodeAllowance is a number followed by L, M, N or T (1257L), and 0T:
	// the number is a tenth of the tax-free allowance.
	CodeAllowance CodeKind = iota
	// CodeK is K followed by a number: the number is a tenth of an amount
	// added to taxable pay.
	CodeK
	// CodeBR taxes all pay at the basic rate (20%).
	CodeBR
	// CodeD taxes all pay at one flat rate: D0 and D1 (and SD0 to SD3).
	CodeD
	// CodeNT: no tax.
	CodeNT
)

// Basis is the suffix that makes a code non-cumulative.
type Basis byte

// The tax code suffixes.
const (
	Cumulative     Basis = iota // no suffix
	Week1                       // W1
	Month1                      // M1
	NonCumulativeX              // X (either W1 or M1)
)

// TaxCode is a parsed, valid PAYE tax code. The zero value is the code 0T,
// cumulative, rest of UK.
type TaxCode struct {
	Region Region
	Kind   CodeKind
	// Number is the number of an allowance or K code (1257 in 1257L, 0 in
	// 0T), or of a D code (0 to 3).
	Number int
	// Letter is the suffix letter of an allowance code: 'L', 'M', 'N' or
	// 'T'.
	Letter byte
	Basis  Basis
}

// maxCodeNumber is the largest code number RTI accepts (six digits).
const maxCodeNumber = 999999

const taxCodeHelp = "a code is a number followed by L, M, N or T (like 1257L), or BR, D0, D1, NT, 0T, or K followed by a number; S or C may come first, W1/M1/X may come last"

// ParseTaxCode reads a tax code as HMRC writes it: "1257L", "S1257L",
// "C1257L", "K475", "SK475", "BR", "SBR", "D0", "SD3", "NT", "0T", with an
// optional W1, M1 or X suffix ("1257L W1", "1257LM1", "1257L/X"). Letters
// may be in either case; spaces around the code are ignored.
func ParseTaxCode(s string) (TaxCode, error) {
	orig := s
	s = strings.TrimSpace(s)
	bad := func() (TaxCode, error) {
		return TaxCode{}, invalidf("tax code %q is not valid: %s", orig, taxCodeHelp)
	}
	if s == "" {
		return TaxCode{}, invalidf("the tax code is empty: %s", taxCodeHelp)
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return bad()
		}
	}
	s = strings.ToUpper(s)
	var c TaxCode
	// Suffix, optionally after a space or a slash.
	switch {
	case strings.HasSuffix(s, "W1"):
		c.Basis, s = Week1, s[:len(s)-2]
	case strings.HasSuffix(s, "M1"):
		c.Basis, s = Month1, s[:len(s)-2]
	case strings.HasSuffix(s, "X") && len(s) > 1:
		c.Basis, s = NonCumulativeX, s[:len(s)-1]
	}
	if c.Basis != Cumulative {
		s = strings.TrimRight(s, " /")
	}
	// Prefix.
	switch {
	case strings.HasPrefix(s, "S") && len(s) > 1:
		c.Region, s = Scotland, s[1:]
	case strings.HasPrefix(s, "C") && len(s) > 1:
		c.Region, s = Wales, s[1:]
	}
	switch {
	case s == "NT":
		c.Kind = CodeNT
	case s == "BR":
		c.Kind = CodeBR
	case len(s) == 2 && s[0] == 'D' && s[1] >= '0' && s[1] <= '3':
		c.Kind, c.Number = CodeD, int(s[1]-'0')
		if c.Number >= 2 && c.Region != Scotland {
			return TaxCode{}, invalidf("tax code %q is not valid: D2 and D3 exist only in Scotland, as SD2 and SD3; elsewhere use D0 or D1", orig)
		}
	case s == "0T":
		c.Kind, c.Letter = CodeAllowance, 'T'
	case strings.HasPrefix(s, "K"):
		n, ok := codeNumber(s[1:])
		if !ok {
			return bad()
		}
		c.Kind, c.Number = CodeK, n
	case len(s) >= 2:
		last := s[len(s)-1]
		if last != 'L' && last != 'M' && last != 'N' && last != 'T' {
			return bad()
		}
		n, ok := codeNumber(s[:len(s)-1])
		if !ok {
			return bad()
		}
		c.Kind, c.Number, c.Letter = CodeAllowance, n, last
	default:
		return bad()
	}
	return c, nil
}

// codeNumber reads 1 to 999999 written without leading zeros.
func codeNumber(s string) (int, bool) {
	if s == "" || len(s) > 6 || s[0] == '0' || !allDigits(s) {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= maxCodeNumber
}

// String returns the canonical form, which ParseTaxCode reads back to the
// same code: "1257L", "S1257L", "K475", "SD2", "NT", "1257L W1", "BR M1",
// "1257L X".
func (c TaxCode) String() string {
	var b [16]byte
	out := b[:0]
	switch c.Region {
	case Scotland:
		out = append(out, 'S')
	case Wales:
		out = append(out, 'C')
	}
	switch c.Kind {
	case CodeNT:
		out = append(out, "NT"...)
	case CodeBR:
		out = append(out, "BR"...)
	case CodeD:
		out = append(out, 'D', byte('0'+c.Number%10))
	case CodeK:
		out = append(out, 'K')
		out = strconv.AppendInt(out, int64(c.Number), 10)
	default:
		out = strconv.AppendInt(out, int64(c.Number), 10)
		l := c.Letter
		if l == 0 {
			l = 'L'
			if c.Number == 0 {
				l = 'T'
			}
		}
		out = append(out, l)
	}
	switch c.Basis {
	case Week1:
		out = append(out, " W1"...)
	case Month1:
		out = append(out, " M1"...)
	case NonCumulativeX:
		out = append(out, " X"...)
	}
	return string(out)
}

// NonCumulative reports whether the code carries a W1, M1 or X suffix.
func (c TaxCode) NonCumulative() bool { return c.Basis != Cumulative }

// WithBasis returns the code with its suffix replaced.
func (c TaxCode) WithBasis(b Basis) TaxCode { c.Basis = b; return c }

// Base returns the code without any suffix, as an FPS gives it (the week
// 1/month 1 indicator is a separate field there).
func (c TaxCode) Base() string { return c.WithBasis(Cumulative).String() }

// flatRate returns the rate of a BR or D code in bands.
func (c TaxCode) flatRate(b *TaxBands) Percent {
	if c.Kind == CodeBR {
		return b.BR
	}
	if c.Number >= 0 && c.Number < len(b.D) {
		return b.D[c.Number]
	}
	return 0
}

// valid reports whether c could have come from ParseTaxCode (a TaxCode
// built by hand may not have).
func (c TaxCode) valid() bool {
	if c.Region > Wales || c.Basis > NonCumulativeX {
		return false
	}
	switch c.Kind {
	case CodeAllowance:
		if c.Number == 0 {
			return c.Letter == 'T' || c.Letter == 0
		}
		return c.Number > 0 && c.Number <= maxCodeNumber && (c.Letter == 'L' || c.Letter == 'M' || c.Letter == 'N' || c.Letter == 'T' || c.Letter == 0)
	case CodeK:
		return c.Number > 0 && c.Number <= maxCodeNumber
	case CodeD:
		return c.Number >= 0 && (c.Number <= 1 || (c.Number <= 3 && c.Region == Scotland))
	case CodeBR, CodeNT:
		return true
	}
	return false
}
