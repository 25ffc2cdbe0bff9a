package text

import "testing"

// TestWords checks every wording helper, one case a line.
func TestWords(t *testing.T) {
	for _, tc := range []struct{ name, got, want string }{
		{"plural of none", Plural(0, "line", "lines"), "lines"},
		{"plural of one", Plural(1, "line", "lines"), "line"},
		{"plural of two", Plural(2, "line", "lines"), "lines"},
		{"plural of minus one", Plural(-1, "line", "lines"), "lines"},
		{"count of none", Count(0, "day", "days"), "0 days"},
		{"count of one", Count(1, "day", "days"), "1 day"},
		{"count of three", Count(3, "day", "days"), "3 days"},
		{"list of none", List(nil), ""},
		{"list of one", List([]string{"2026-27"}), "2026-27"},
		{"list of two", List([]string{"a", "b"}), "a and b"},
		{"list of three", List([]string{"a", "b", "c"}), "a, b and c"},
		{"hours: zero", Hours(0), "0 hours"},
		{"hours: one minute", Hours(1), "1 minute"},
		{"hours: minutes only", Hours(45), "45 minutes"},
		{"hours: one hour", Hours(60), "1 hour"},
		{"hours: an hour and a half", Hours(90), "1 hour 30 minutes"},
		{"hours: hours and one minute", Hours(121), "2 hours 1 minute"},
		{"hours: a long week", Hours(48 * 60), "48 hours"},
		{"hours: negative", Hours(-150), "minus 2 hours 30 minutes"},
		{"capitalise: empty", Capitalise(""), ""},
		{"capitalise: ascii", Capitalise("the council"), "The council"},
		{"capitalise: already", Capitalise("Every 4 weeks"), "Every 4 weeks"},
		{"capitalise: accented", Capitalise("élan"), "Élan"},
		{"capitalise: digit", Capitalise("4 hours"), "4 hours"},
		{"capitalise: not UTF-8", Capitalise("\xffabc"), "\xffabc"},
		{"uncapitalise: empty", Uncapitalise(""), ""},
		{"uncapitalise: label", Uncapitalise("Every 4 weeks"), "every 4 weeks"},
		{"uncapitalise: accented", Uncapitalise("Élan"), "élan"},
		{"uncapitalise: not UTF-8", Uncapitalise("\xffABC"), "\xffABC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

func TestDecimalHours(t *testing.T) {
	for m, want := range map[int64]string{0: "0.00", 1: "0.02", 45: "0.75", 9150: "152.50", -15: "-0.25", 20: "0.33", 40: "0.67"} {
		if got := DecimalHours(m); got != want {
			t.Errorf("DecimalHours(%d) = %q, want %q", m, got, want)
		}
	}
}
