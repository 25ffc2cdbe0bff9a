package money

import (
	"encoding/json"
	"fmt"
	"testing"
)

func TestParse(t *testing.T) {
	good := []struct {
		in   string
		want Money
	}{
		{"0", 0},
		{"1156.25", 115625},
		{"£1,156.25", 115625},
		{"-12.34", -1234},
		{"-£12.34", -1234},
		{"£-12.34", -1234},
		{"(12.34)", -1234},
		{"12.5", 1250},
		{".5", 50},
		{"+3.00", 300},
		{" 1,234,567.89 ", 123456789},
		{"GBP 10", 1000},
	}
	for _, c := range good {
		got, err := Parse(c.in)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	bad := []string{"", "abc", "12.345", "1,23.00", ",123", "12.", "--1", "1e5", "£", "1 000", "9999999999999999", "(-1)", "12,34"}
	for _, in := range bad {
		if got, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %d, want an error", in, got)
		}
	}
}

func TestFormat(t *testing.T) {
	cases := []struct {
		m          Money
		plain, gbp string
	}{
		{0, "0.00", "£0.00"},
		{5, "0.05", "£0.05"},
		{-1234, "-12.34", "-£12.34"},
		{123456789, "1234567.89", "£1,234,567.89"},
		{100000, "1000.00", "£1,000.00"},
		{99999, "999.99", "£999.99"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.m), func(t *testing.T) {
			if got := c.m.String(); got != c.plain {
				t.Errorf("%d.String() = %q, want %q", c.m, got, c.plain)
			}
			if got := c.m.Format(); got != c.gbp {
				t.Errorf("%d.Format() = %q, want %q", c.m, got, c.gbp)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	b, err := json.Marshal(struct{ A Money }{A: -1234})
	if err != nil || string(b) != `{"A":"-12.34"}` {
		t.Fatalf("marshal: %s %v", b, err)
	}
	var v struct{ A Money }
	if err := json.Unmarshal([]byte(`{"A":"£1,000.10"}`), &v); err != nil || v.A != 100010 {
		t.Fatalf("unmarshal: %v %v", v.A, err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", "£1,156.25", "-12.34", "(1.00)", "12.5", "abc", "1,2,3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := Parse(s)
		if err != nil {
			return
		}
		// Whatever is accepted prints in both forms and reads back the same.
		for _, out := range []string{m.String(), m.Format()} {
			back, err := Parse(out)
			if err != nil || back != m {
				t.Fatalf("Parse(%q) = %d but %q reads back as %d, %v", s, m, out, back, err)
			}
		}
	})
}
