package text

import "testing"

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		name      string
		n         int
		want      string
		wantCount string
	}{
		{"none", 0, "lines", "0 lines"},
		{"one", 1, "line", "1 line"},
		{"two", 2, "lines", "2 lines"},
		{"minus one", -1, "lines", "-1 lines"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Plural(tc.n, "line", "lines"); got != tc.want {
				t.Errorf("Plural(%d) = %q, want %q", tc.n, got, tc.want)
			}
			if got := Count(tc.n, "line", "lines"); got != tc.wantCount {
				t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.wantCount)
			}
		})
	}
}

func TestHours(t *testing.T) {
	for _, tc := range []struct {
		name    string
		minutes int
		want    string
	}{
		{"zero", 0, "0 hours"},
		{"one minute", 1, "1 minute"},
		{"minutes only", 45, "45 minutes"},
		{"one hour", 60, "1 hour"},
		{"hour and a half", 90, "1 hour 30 minutes"},
		{"hours and one minute", 121, "2 hours 1 minute"},
		{"a long week", 48 * 60, "48 hours"},
		{"negative", -150, "minus 2 hours 30 minutes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Hours(tc.minutes); got != tc.want {
				t.Errorf("Hours(%d) = %q, want %q", tc.minutes, got, tc.want)
			}
		})
	}
}

func TestCapitalise(t *testing.T) {
	for _, tc := range []struct {
		name, in, up, down string
	}{
		{"empty", "", "", ""},
		{"ascii", "the council", "The council", "the council"},
		{"already", "Every 4 weeks", "Every 4 weeks", "every 4 weeks"},
		{"accented", "élan", "Élan", "élan"},
		{"digit", "4 hours", "4 hours", "4 hours"},
		{"not utf-8", "\xffabc", "\xffabc", "\xffabc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Capitalise(tc.in); got != tc.up {
				t.Errorf("Capitalise(%q) = %q, want %q", tc.in, got, tc.up)
			}
			if got := Uncapitalise(tc.in); got != tc.down {
				t.Errorf("Uncapitalise(%q) = %q, want %q", tc.in, got, tc.down)
			}
		})
	}
}
