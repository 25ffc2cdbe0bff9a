package payroll

import (
	"errors"
	"strings"
	"testing"
)

func TestParseTaxCode(t *testing.T) {
	good := []struct {
		in        string
		want      TaxCode
		canonical string
	}{
		{"1257L", TaxCode{Kind: CodeAllowance, Number: 1257, Letter: 'L'}, "1257L"},
		{" 1257l ", TaxCode{Kind: CodeAllowance, Number: 1257, Letter: 'L'}, "1257L"},
		{"1383M", TaxCode{Kind: CodeAllowance, Number: 1383, Letter: 'M'}, "1383M"},
		{"1131N", TaxCode{Kind: CodeAllowance, Number: 1131, Letter: 'N'}, "1131N"},
		{"1257T", TaxCode{Kind: CodeAllowance, Number: 1257, Letter: 'T'}, "1257T"},
		{"0T", TaxCode{Kind: CodeAllowance, Number: 0, Letter: 'T'}, "0T"},
		{"S1257L", TaxCode{Region: Scotland, Kind: CodeAllowance, Number: 1257, Letter: 'L'}, "S1257L"},
		{"C1257L", TaxCode{Region: Wales, Kind: CodeAllowance, Number: 1257, Letter: 'L'}, "C1257L"},
		{"S0T", TaxCode{Region: Scotland, Kind: CodeAllowance, Letter: 'T'}, "S0T"},
		{"K475", TaxCode{Kind: CodeK, Number: 475}, "K475"},
		{"SK630", TaxCode{Region: Scotland, Kind: CodeK, Number: 630}, "SK630"},
		{"CK1", TaxCode{Region: Wales, Kind: CodeK, Number: 1}, "CK1"},
		{"BR", TaxCode{Kind: CodeBR}, "BR"},
		{"SBR", TaxCode{Region: Scotland, Kind: CodeBR}, "SBR"},
		{"CBR", TaxCode{Region: Wales, Kind: CodeBR}, "CBR"},
		{"D0", TaxCode{Kind: CodeD, Number: 0}, "D0"},
		{"D1", TaxCode{Kind: CodeD, Number: 1}, "D1"},
		{"CD1", TaxCode{Region: Wales, Kind: CodeD, Number: 1}, "CD1"},
		{"SD0", TaxCode{Region: Scotland, Kind: CodeD, Number: 0}, "SD0"},
		{"SD3", TaxCode{Region: Scotland, Kind: CodeD, Number: 3}, "SD3"},
		{"NT", TaxCode{Kind: CodeNT}, "NT"},
		{"1257L W1", TaxCode{Kind: CodeAllowance, Number: 1257, Letter: 'L', Basis: Week1}, "1257L W1"},
		{"1257LW1", TaxCode{Kind: CodeAllowance, Number: 1257, Letter: 'L', Basis: Week1}, "1257L W1"},
		{"1257L/M1", TaxCode{Kind: CodeAllowance, Number: 1257, Letter: 'L', Basis: Month1}, "1257L M1"},
		{"1257LX", TaxCode{Kind: CodeAllowance, Number: 1257, Letter: 'L', Basis: NonCumulativeX}, "1257L X"},
		{"k475 m1", TaxCode{Kind: CodeK, Number: 475, Basis: Month1}, "K475 M1"},
		{"BR W1", TaxCode{Kind: CodeBR, Basis: Week1}, "BR W1"},
		{"SD2X", TaxCode{Region: Scotland, Kind: CodeD, Number: 2, Basis: NonCumulativeX}, "SD2 X"},
		{"NTM1", TaxCode{Kind: CodeNT, Basis: Month1}, "NT M1"},
		{"999999L", TaxCode{Kind: CodeAllowance, Number: 999999, Letter: 'L'}, "999999L"},
	}
	for _, c := range good {
		got, err := ParseTaxCode(c.in)
		if err != nil {
			t.Errorf("ParseTaxCode(%q): %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("ParseTaxCode(%q) = %+v, want %+v", c.in, got, c.want)
		}
		if s := got.String(); s != c.canonical {
			t.Errorf("ParseTaxCode(%q).String() = %q, want %q", c.in, s, c.canonical)
		}
		if got.NonCumulative() != (c.want.Basis != Cumulative) {
			t.Errorf("%q NonCumulative = %v", c.in, got.NonCumulative())
		}
	}

	bad := []string{"", " ", "12X7L", "1257", "L", "1257Q", "K", "K0", "K01", "0L", "01257L", "D2", "D3", "CD2", "SD4", "D", "BRR",
		"SS1257L", "SC1257L", "1257L W2", "X", "W1", "1,257L", "12 57L", "1234567L", "K1234567", "1257L\x00", "ſ1257L", "1257Ｌ", "S", "C", "T", "0", "-1257L", "+1257L"}
	for _, in := range bad {
		got, err := ParseTaxCode(in)
		if err == nil {
			t.Errorf("ParseTaxCode(%q) = %v, want an error", in, got)
			continue
		}
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseTaxCode(%q) error does not wrap ErrInvalid: %v", in, err)
		}
	}

	// The message says what is wrong and what is allowed.
	_, err := ParseTaxCode("12X7L")
	want := `tax code "12X7L" is not valid: a code is a number followed by L, M, N or T (like 1257L), or BR, D0, D1, NT, 0T, or K followed by a number; S or C may come first, W1/M1/X may come last`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
	if _, err := ParseTaxCode("D2"); err == nil || !strings.Contains(err.Error(), "SD2") {
		t.Errorf("D2 error should point to SD2: %v", err)
	}
}

func TestEmergencyCode(t *testing.T) {
	for _, y := range SupportedTaxYears() {
		c, err := EmergencyCode(y)
		if err != nil || c.String() != "1257L" {
			t.Errorf("EmergencyCode(%s) = %v, %v", y, c, err)
		}
	}
	if _, err := EmergencyCode(2023); err == nil || !strings.Contains(err.Error(), "2024-25, 2025-26 and 2026-27") {
		t.Errorf("EmergencyCode(2023-24) error = %v", err)
	}
}

// FuzzParseTaxCode: no input panics, and any accepted code prints in a
// canonical form that reads back to the same code and prints the same.
func FuzzParseTaxCode(f *testing.F) {
	for _, s := range []string{"1257L", "S1257L", "C1257L W1", "K475", "SK630M1", "BR", "SD3X", "NT", "0T", "12X7L", "", "D2", "1257l/x", "ſ1257L"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseTaxCode(s)
		if err != nil {
			if !errors.Is(err, ErrInvalid) || err.Error() == "" {
				t.Fatalf("ParseTaxCode(%q): error %v does not wrap ErrInvalid", s, err)
			}
			return
		}
		if !c.valid() {
			t.Fatalf("ParseTaxCode(%q) = %+v, which valid() refuses", s, c)
		}
		out := c.String()
		back, err := ParseTaxCode(out)
		if err != nil || back != c {
			t.Fatalf("ParseTaxCode(%q) = %+v; its String %q reads back as %+v, %v", s, c, out, back, err)
		}
		if back.String() != out {
			t.Fatalf("String is not stable: %q then %q", out, back.String())
		}
		// A valid code can always be used for tax without panicking.
		r, _ := RatesFor(2026)
		for _, f := range []Frequency{Weekly, Fortnightly, FourWeekly, Monthly} {
			if _, err := r.PAYE(PAYEInput{Code: c, Frequency: f, Period: 1, Pay: 123456, PreviousPay: 999999, PreviousTax: 12345}); err != nil {
				t.Fatalf("PAYE with %s: %v", out, err)
			}
		}
	})
}
