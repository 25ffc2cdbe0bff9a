// Package text holds the one rule for free text: the names, payees,
// references, addresses and notes a person types, and the descriptions a
// bank statement brings in. It says which characters such text may hold
// and how long it may be, so every validator of every record uses the same
// rule and the same plain words.
//
// Typed text is checked (Check) and refused when it is not text: a control
// character (Escape, a terminal code such as "\x1b[2J", a backspace), an
// invisible character that reorders the text around it, bytes that are not
// UTF-8, a line break in a one-line field, or more than MaxLen characters.
// Text from a file is cleaned instead (Clean), since the person can't
// retype a bank's statement.
//
// The package is pure: no files, no clock, no database, no window.
package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxLen is the most characters (Unicode code points, not bytes) any
// free-text field may hold: a note, an address, a payee, a reference, a
// bank description. It is the limit the ledger has always had (a money
// note "stops at 500"): a long paragraph, a full address or an invoice's
// description fit; anything longer is a pasted document, not a note, and
// would not fit on a payslip, a timesheet, a rota cell or the council's
// return. Some short fields (a budget's name, a phone number) are shorter
// still, with Kind.Shorter; none is longer.
const MaxLen = 500

// Kind is what a field may hold: one line or several, and how many
// characters. The zero Kind is Line.
type Kind struct {
	lines bool
	max   int
}

var (
	// Line is a one-line field: a name, a payee, a reference, a phone
	// number, a shift's note. Tabs and line breaks are refused, since the
	// value is shown in one row of a list, a payslip or a CSV cell.
	Line = Kind{max: MaxLen}
	// Lines is a field of several lines: an address, the notes on a
	// record, the note of a ledger line. Line breaks (\n, or \r\n) and
	// tabs are kept.
	Lines = Kind{lines: true, max: MaxLen}
)

// Shorter returns k with a lower limit of n characters. A limit above
// MaxLen (or n <= 0) leaves k as it is: no field is longer than MaxLen.
func (k Kind) Shorter(n int) Kind {
	if n > 0 && n < k.Max() {
		k.max = n
	}
	return k
}

// Max is the most characters a field of this kind may hold.
func (k Kind) Max() int {
	if k.max <= 0 || k.max > MaxLen {
		return MaxLen
	}
	return k.max
}

// Multiline reports whether the field may hold line breaks.
func (k Kind) Multiline() bool { return k.lines }

// Check returns what is wrong with s as the value of a field called label
// (a phrase that starts a sentence, like "The payee"), or "" when it may be
// stored. It reports one problem, the first of: bytes that are not UTF-8;
// a control or invisible character; a tab or line break in a one-line
// field; more than k.Max() characters. Blank text is allowed (whether a
// field is needed is its validator's rule). The text is not echoed in the
// message, so a message never carries the character it refuses.
func Check(label, s string, k Kind) string {
	if !utf8.ValidString(s) {
		return fmt.Sprintf("%s can't be read: some of it is not text (it may have been pasted from another program). Type it again.", label)
	}
	for i, r := range s {
		switch {
		case r == '\n' || r == '\u2028' || r == '\u2029':
			if !k.lines {
				return fmt.Sprintf("%s must be on one line: take out the line break.", label)
			}
		case r == '\r':
			if !k.lines {
				return fmt.Sprintf("%s must be on one line: take out the line break.", label)
			}
			if !strings.HasPrefix(s[i+1:], "\n") {
				return controlMessage(label)
			}
		case r == '\t':
			if !k.lines {
				return fmt.Sprintf("%s can't contain a tab: use a space instead.", label)
			}
		case IsControl(r):
			return controlMessage(label)
		}
	}
	if utf8.RuneCountInString(s) > k.Max() {
		return fmt.Sprintf("%s is too long: keep it under %d characters.", label, k.Max())
	}
	return ""
}

func controlMessage(label string) string {
	return fmt.Sprintf("%s can't contain a control character (an invisible character such as Escape). Type it again without it.", label)
}

// IsControl reports whether r is never allowed in stored text (tabs and
// line breaks aside, which Check allows in a Lines field): a C0 or C1
// control character or DEL (Escape, backspace, the bell, the 8-bit CSI of
// terminal codes), a bidirectional embedding, override or isolate (which
// make "Shop" show as something else), or the byte order mark.
func IsControl(r rune) bool {
	switch {
	case unicode.IsControl(r): // U+0000–U+001F, U+007F–U+009F
		return true
	case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
		return true
	case r == '\uFEFF':
		return true
	}
	return false
}

// Clean makes text from a file (a bank statement's description, payee,
// type or reference, a receipt's file name) safe to store and show: bytes
// that are not UTF-8 become U+FFFD (�); terminal escape sequences
// ("\x1b[2J", "\x1b]0;title\a") are dropped whole; other control and
// invisible characters are dropped, except that tabs and line breaks
// become spaces; runs of spaces become one and the ends are trimmed; the
// result is cut to MaxLen characters. The result is always one line that
// Check accepts as a Line.
func Clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\x1b' || r == '\u009b' || isStringIntroducer(r):
			n = escapeLen(s[i:])
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case IsControl(r):
			// dropped
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	if utf8.RuneCountInString(out) > MaxLen {
		cut, count := 0, 0
		for cut = range out {
			if count == MaxLen {
				break
			}
			count++
		}
		out = strings.TrimRight(out[:cut], " ")
	}
	return out
}

// isStringIntroducer reports whether r is the 8-bit form of a control
// string's start: DCS, SOS, OSC, PM or APC.
func isStringIntroducer(r rune) bool {
	return r == '\u0090' || r == '\u0098' || r == '\u009d' || r == '\u009e' || r == '\u009f'
}

// escapeLen returns the length in bytes of the escape sequence at the
// start of s, which starts with ESC, the 8-bit CSI or a string
// introducer, after ECMA-48: a control sequence (ESC [ or CSI, parameter
// bytes, intermediate bytes, one final byte); a control string (ESC ], P,
// X, ^ or _, or their 8-bit forms, up to BEL or the string terminator);
// or ESC with intermediate bytes and one final byte. A sequence cut short
// ends where it stops being one; a lone ESC is one byte.
func escapeLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	i := n
	switch {
	case r == '\u009b':
		return i + csiLen(s[i:])
	case isStringIntroducer(r):
		return i + controlStringLen(s[i:])
	}
	// ESC
	if i >= len(s) {
		return i
	}
	c := s[i]
	switch {
	case c == '[':
		return i + 1 + csiLen(s[i+1:])
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return i + 1 + controlStringLen(s[i+1:])
	case c >= 0x20 && c <= 0x2F: // intermediates, then a final byte
		j := i
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2F {
			j++
		}
		if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7E {
			j++
		}
		return j
	case c >= 0x30 && c <= 0x7E: // a two-byte sequence: ESC 7, ESC c, ESC M
		return i + 1
	}
	return i
}

// csiLen is the length of a control sequence's parameter, intermediate
// and final bytes at the start of s.
func csiLen(s string) int {
	j := 0
	for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3F {
		j++
	}
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2F {
		j++
	}
	if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7E {
		j++
	}
	return j
}

// controlStringLen is the length of a control string's body and its
// terminator at the start of s: it ends at BEL, at ST (ESC \ or the 8-bit
// ST), or before any other control character, which is then cleaned on
// its own.
func controlStringLen(s string) int {
	for j := 0; j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '\a' || r == '\u009c':
			return j + n
		case r == '\x1b':
			if strings.HasPrefix(s[j+1:], "\\") {
				return j + 2
			}
			return j
		case IsControl(r):
			return j
		}
		j += n
	}
	return len(s)
}
