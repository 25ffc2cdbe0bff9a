package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		name string
		s    string
		k    Kind
		want string // a part of the message; "" for accepted
	}{
		{"plain", "Sample Supermarket", Line, ""},
		{"blank", "", Line, ""},
		{"accents and pound", "Łukasz Müller, £12 café", Line, ""},
		{"emoji with joiner", "Mum 👩‍👧", Line, ""},
		{"right to left", "مرحبا", Line, ""},
		{"exactly the limit", strings.Repeat("é", MaxLen), Line, ""},
		{"over the limit", strings.Repeat("é", MaxLen+1), Line, "The payee is too long: keep it under 500 characters."},
		{"131,000 characters", strings.Repeat("x", 131_000), Lines, "too long"},
		{"terminal code", "Shop\x1b[2J", Line, "The payee can't contain a control character (an invisible character such as Escape)"},
		{"escape in notes", "line one\n\x1b[31mred", Lines, "control character"},
		{"bell", "Shop\a", Line, "control character"},
		{"nul", "Shop\x00", Line, "control character"},
		{"delete", "Shop\x7f", Line, "control character"},
		{"8-bit CSI", "Shop\u009b2J", Line, "control character"},
		{"bidi override", "Shop\u202Egnp.exe", Line, "control character"},
		{"bidi isolate", "\u2066Shop", Line, "control character"},
		{"byte order mark", "\uFEFFShop", Line, "control character"},
		{"invalid UTF-8", "Caf\xe9", Line, "The payee can't be read: some of it is not text"},
		{"cut UTF-8", "£"[:1], Lines, "can't be read"},
		{"newline in one line", "Shop\nEvil", Line, "The payee must be on one line: take out the line break."},
		{"CR LF in one line", "Shop\r\nEvil", Line, "one line"},
		{"line separator in one line", "Shop\u2028Evil", Line, "one line"},
		{"tab in one line", "Shop\tEvil", Line, "The payee can't contain a tab: use a space instead."},
		{"newlines in notes", "1 High Street\nWigan\r\nWN1 1AA", Lines, ""},
		{"tab in notes", "Monday\t8am", Lines, ""},
		{"lone CR in notes", "Shop\rEvil", Lines, "control character"},
		{"shorter field", strings.Repeat("x", 61), Line.Shorter(60), "keep it under 60 characters"},
		{"shorter field fits", strings.Repeat("x", 60), Line.Shorter(60), ""},
		{"never longer than MaxLen", strings.Repeat("x", MaxLen+1), Lines.Shorter(5000), "under 500 characters"},
		{"zero kind is a line", "a\nb", Kind{}, "one line"},
		{"zero kind has the limit", strings.Repeat("x", MaxLen+1), Kind{}, "under 500"},
		{"control before length", strings.Repeat("x", MaxLen) + "\x1b", Line, "control character"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Check("The payee", c.s, c.k)
			if c.want == "" {
				if got != "" {
					t.Fatalf("Check(%q) = %q, want it accepted", short(c.s), got)
				}
				return
			}
			if !strings.Contains(got, c.want) {
				t.Fatalf("Check(%q) = %q, want it to say %q", short(c.s), got, c.want)
			}
			if strings.ContainsAny(got, "\x1b\x00\a\u202E\u009b") || !utf8.ValidString(got) {
				t.Fatalf("the message %q carries the refused character", got)
			}
		})
	}
}

func short(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func TestClean(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
	}{
		{"plain", "CARD PAYMENT TO SAMPLE SUPERMARKET", "CARD PAYMENT TO SAMPLE SUPERMARKET"},
		{"clear screen", "Shop\x1b[2J", "Shop"},
		{"colour around a word", "\x1b[1;31mSHOP\x1b[0m LTD", "SHOP LTD"},
		{"private CSI", "A\x1b[?25lB", "AB"},
		{"8-bit CSI", "A\u009b2JB", "AB"},
		{"window title by BEL", "Shop\x1b]0;pwned\aLtd", "ShopLtd"},
		{"window title by ST", "Shop\x1b]0;pwned\x1b\\ Ltd", "Shop Ltd"},
		{"hyperlink", "\x1b]8;;http://x\x1b\\Shop\x1b]8;;\x1b\\", "Shop"},
		{"8-bit OSC", "Shop\u009d0;t\u009c Ltd", "Shop Ltd"},
		{"DCS", "A\x1bPq#0\x1b\\B", "AB"},
		{"charset", "A\x1b(BB", "AB"},
		{"two-byte escape", "A\x1bcB", "AB"},
		{"lone escape at end", "Shop\x1b", "Shop"},
		{"cut control sequence", "Shop\x1b[12", "Shop"},
		{"unterminated title keeps what follows a control", "A\x1b]0;t\nB", "A B"},
		{"controls dropped", "Sh\x00o\ap\x7f", "Shop"},
		{"backspaces", "Good\b\b\b\bEvil", "GoodEvil"},
		{"tabs and newlines are spaces", "SAMPLE\tSUPERMARKET\r\nLTD", "SAMPLE SUPERMARKET LTD"},
		{"spaces collapse", "  A   B  ", "A B"},
		{"no-break space", "A\u00a0\u00a0B", "A B"},
		{"bidi override dropped", "Shop\u202Egnp", "Shopgnp"},
		{"byte order mark dropped", "\uFEFFDate", "Date"},
		{"invalid UTF-8 replaced", "Caf\xe9 Ltd", "Caf\uFFFD Ltd"},
		{"invalid run replaced once", "A\xff\xfeB", "A\uFFFDB"},
		{"accents kept", "Łukasz Café £5", "Łukasz Café £5"},
		{"only controls", "\x1b[2J\x00", ""},
		{"cut to the limit", strings.Repeat("ab ", 400), strings.TrimSpace(strings.Repeat("ab ", 400)[:MaxLen])},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Clean(c.in); got != c.want {
				t.Fatalf("Clean(%q) = %q, want %q", short(c.in), got, c.want)
			}
		})
	}
}

func TestCleanCutsOnACharacter(t *testing.T) {
	got := Clean(strings.Repeat("é", MaxLen+10))
	if !utf8.ValidString(got) || utf8.RuneCountInString(got) != MaxLen {
		t.Fatalf("Clean of %d é = %d characters, valid %v", MaxLen+10, utf8.RuneCountInString(got), utf8.ValidString(got))
	}
}

func TestShorter(t *testing.T) {
	for _, c := range []struct {
		name string
		k    Kind
		want int
	}{
		{"line", Line, MaxLen},
		{"lines", Lines, MaxLen},
		{"shorter", Line.Shorter(60), 60},
		{"not longer", Line.Shorter(MaxLen * 2), MaxLen},
		{"zero ignored", Line.Shorter(0), MaxLen},
		{"shorter twice keeps the shortest", Line.Shorter(60).Shorter(120), 60},
		{"keeps lines", Lines.Shorter(10), 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.k.Max() != c.want {
				t.Fatalf("Max = %d, want %d", c.k.Max(), c.want)
			}
		})
	}
	if !Lines.Shorter(10).Multiline() || Line.Shorter(10).Multiline() {
		t.Fatal("Shorter changed whether the field has several lines")
	}
}

// FuzzClean checks what every imported text relies on: the result is
// valid UTF-8, holds no control character, tab or line break (Check
// accepts it as one line), is never longer than MaxLen, has no spaces at
// the ends or twice over, and cleaning it again changes nothing.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "Shop\x1b[2J", "\x1b]0;t\a", "Caf\xe9", "a\u009b2Jb", "\u202E", "A\tB\nC",
		strings.Repeat("é ", 300), "\x1bP", "\x1b[", "\xc2", "\u0085x\u2028y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Clean(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Clean(%q) = %q: not valid UTF-8", s, got)
		}
		for _, r := range got {
			if IsControl(r) || r == '\t' || r == '\n' || r == '\r' {
				t.Fatalf("Clean(%q) = %q: holds %U", s, got, r)
			}
		}
		if n := utf8.RuneCountInString(got); n > MaxLen {
			t.Fatalf("Clean(%q) has %d characters, more than %d", s, n, MaxLen)
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Fatalf("Clean(%q) = %q: untidy spaces", s, got)
		}
		if m := Check("The description", got, Line); m != "" {
			t.Fatalf("Check refuses Clean(%q) = %q: %s", s, got, m)
		}
		if again := Clean(got); again != got {
			t.Fatalf("Clean is not stable: %q then %q", got, again)
		}
	})
}
