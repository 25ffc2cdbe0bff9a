package main

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

// runCalc runs "patoolkit calc" with args and returns the exit code,
// stdout and stderr.
func runCalc(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(append([]string{"calc"}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

var calcKeys = []string{"tax_year", "frequency", "period", "tax_code", "gross", "taxable_pay_to_date", "tax", "tax_to_date",
	"ni_category", "employee_ni", "employer_ni", "student_loan", "postgraduate_loan", "pension_employee", "pension_employer", "net_pay"}

func calcJSONOf(t *testing.T, args ...string) map[string]any {
	t.Helper()
	code, out, errOut := runCalc(append(args, "--json")...)
	if code != 0 {
		t.Fatalf("calc %v: exit %d: %s", args, code, errOut)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("calc %v: not JSON: %v\n%s", args, err, out)
	}
	got := make([]string, 0, len(m))
	for k := range m {
		got = append(got, k)
	}
	want := append([]string(nil), calcKeys...)
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("calc %v: keys %v\nwant %v", args, got, want)
	}
	// Amounts are strings with two decimals; the period is a number.
	for k, v := range m {
		switch k {
		case "period":
			if _, ok := v.(float64); !ok {
				t.Errorf("period is %T, want a number", v)
			}
		case "tax_year", "frequency", "tax_code", "ni_category":
		default:
			s, ok := v.(string)
			if !ok || len(s) < 4 || s[len(s)-3] != '.' {
				t.Errorf("%s = %v, want an amount like \"12.34\"", k, v)
			}
		}
	}
	return m
}

func TestCalcJSON(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want map[string]any
	}{
		{"HMRC month 1", []string{"--tax-year", "2026-27", "--frequency", "monthly", "--period", "1", "--gross", "1156.25", "--tax-code", "1257L"},
			map[string]any{"tax_year": "2026-27", "frequency": "monthly", "period": 1.0, "tax_code": "1257L", "gross": "1156.25",
				"taxable_pay_to_date": "1156.25", "tax": "21.40", "tax_to_date": "21.40", "ni_category": "A", "employee_ni": "8.66",
				"employer_ni": "110.89", "student_loan": "0.00", "postgraduate_loan": "0.00", "pension_employee": "0.00",
				"pension_employer": "0.00", "net_pay": "1126.19"}},
		// HMRC rest_Gen_cumul_mthly month 2.
		{"HMRC month 2", []string{"--tax-year", "2026-27", "--frequency", "monthly", "--period", "2", "--gross", "1156.26", "--tax-code", "1257L",
			"--previous-pay", "1156.25", "--previous-tax", "21.40"},
			map[string]any{"taxable_pay_to_date": "2312.51", "tax": "21.60", "tax_to_date": "43.00"}},
		// HMRC rest_Gen_cumul_mthly month 9: a refund on BR.
		{"refund", []string{"--tax-year", "2026-27", "--frequency", "monthly", "--period", "9", "--gross", "12590.45", "--tax-code", "BR",
			"--previous-pay", "179583.28", "--previous-tax", "67840.65"},
			map[string]any{"tax": "-29406.05", "tax_to_date": "38434.60", "tax_code": "BR"}},
		// HMRC scottish_K_cumul_wkly week 2.
		{"Scottish K", []string{"--tax-year", "2026-27", "--frequency", "weekly", "--period", "2", "--gross", "300.00", "--tax-code", "sk630",
			"--previous-pay", "150", "--previous-tax", "53.43"},
			map[string]any{"tax": "83.84", "tax_to_date": "137.27", "tax_code": "SK630"}},
		// HMRC welsh_Gen_W1M1_wkly: C145L week 1 basis, 750.06 -> 144.40.
		{"Welsh W1", []string{"--tax-year", "2026-27", "--frequency", "weekly", "--period", "30", "--gross", "750.06", "--tax-code", "C145L", "--week1-month1",
			"--previous-pay", "9999", "--previous-tax", "999"},
			map[string]any{"tax": "144.40", "tax_to_date": "1143.40"}},
		// The payday gives the year and period: 1 May 2026 is month 1.
		{"payday", []string{"--payday", "2026-05-01", "--frequency", "monthly", "--gross", "1156.25", "--tax-code", "1257L"},
			map[string]any{"tax_year": "2026-27", "period": 1.0, "tax": "21.40"}},
		// Loans and pension, monthly 3000 in 2026-27: Plan 2 (3000 - 2448.75) x
		// 9% = 49.61 -> 49; postgraduate (3000 - 1750) x 6% = 75; pension on
		// 3000 - 520 = 2480: 4% = 99.20 (relief at source), employer 3% =
		// 74.40. Tax (3000 - 1048.26 = 1951.74 -> 1951 x 20%) = 390.20. NI
		// (3000 - 1048) x 8% = 156.16; employer (3000 - 417) x 15% = 387.45.
		// Net 3000 - 390.20 - 156.16 - 49 - 75 - 99.20 = 2230.44.
		{"loans and pension", []string{"--tax-year", "2026-27", "--frequency", "monthly", "--period", "1", "--gross", "3000", "--tax-code", "1257L",
			"--student-loan", "plan2", "--postgraduate-loan", "--pension-employee", "5", "--pension-employer", "3"},
			map[string]any{"tax": "390.20", "employee_ni": "156.16", "employer_ni": "387.45", "student_loan": "49.00", "postgraduate_loan": "75.00",
				"pension_employee": "99.20", "pension_employer": "74.40", "net_pay": "2230.44"}},
		// Net pay arrangement, 4.5% of all pay: 135.00 before tax: 2865 -
		// 1048.26 = 1816.74 -> 1816 x 20% = 363.20; net 3000 - 363.20 - 156.16
		// - 135 = 2345.64.
		{"net pay", []string{"--tax-year", "2026-27", "--frequency", "monthly", "--period", "1", "--gross", "3000", "--tax-code", "1257L",
			"--pension-employee", "4.5", "--pension-employer", "3", "--pension-basis", "all", "--pension-method", "net-pay"},
			map[string]any{"tax": "363.20", "pension_employee": "135.00", "pension_employer": "90.00", "net_pay": "2345.64", "taxable_pay_to_date": "2865.00"}},
		// Category M, fortnightly, payday in week 3 (week 4 tables): 2000 -
		// 967.68 = 1032.32 -> 1032 x 20% = 206.40, less 103.20 paid = 103.20;
		// NI (1000 - 484) x 8% = 41.28; employer 0% up to the UST.
		{"category M fortnightly", []string{"--tax-year", "2026-27", "--frequency", "fortnightly", "--period", "3", "--gross", "1000", "--tax-code", "1257L",
			"--previous-pay", "1000", "--previous-tax", "103.20", "--ni-category", "m"},
			map[string]any{"tax": "103.20", "employee_ni": "41.28", "employer_ni": "0.00", "ni_category": "M", "frequency": "fortnightly", "period": 3.0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := calcJSONOf(t, c.args...)
			for k, v := range c.want {
				if m[k] != v {
					t.Errorf("%s: %s = %v, want %v", c.name, k, m[k], v)
				}
			}
		})
	}
}

func TestCalcText(t *testing.T) {
	code, out, errOut := runCalc("--tax-year", "2026-27", "--frequency", "monthly", "--period", "1", "--gross", "1156.25", "--tax-code", "1257L",
		"--pension-employee", "5", "--pension-employer", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Gross pay", "£1,156.25", "Tax (code 1257L, month 1)", "-£21.40", "National Insurance (category A)", "-£8.66",
		"Pension (5% of qualifying earnings, relief at source)", "-£25.45", "Net pay", "£1,100.74",
		"Employer's costs", "Employer National Insurance", "£110.89", "Employer pension (3%)", "£19.09", "cumulatively"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// On a week 1 basis previous pay is ignored, and the output says so.
	_, out, _ = runCalc("--tax-year", "2026-27", "--frequency", "weekly", "--period", "5", "--gross", "500", "--tax-code", "1257L W1", "--previous-pay", "100")
	if !strings.Contains(out, "week 1 basis") || !strings.Contains(out, "--previous-pay and --previous-tax are ignored") {
		t.Errorf("week 1 output:\n%s", out)
	}
	// A refund reads as a refund.
	_, out, _ = runCalc("--tax-year", "2026-27", "--frequency", "monthly", "--period", "10", "--gross", "11245.05", "--tax-code", "NT",
		"--previous-pay", "192173.73", "--previous-tax", "38434.60")
	if !strings.Contains(out, "Tax refund (code NT, month 10)") || !strings.Contains(out, "£38,434.60") {
		t.Errorf("refund output:\n%s", out)
	}
	// Week 53 is explained.
	_, out, _ = runCalc("--payday", "2027-04-05", "--frequency", "weekly", "--gross", "500", "--tax-code", "1257L")
	if !strings.Contains(out, "a payment in week 53 is taxed that way") || !strings.Contains(out, "Tax (code 1257L, week 1)") {
		t.Errorf("week 53 output:\n%s", out)
	}
}

func TestCalcRefusals(t *testing.T) {
	base := []string{"--frequency", "monthly", "--gross", "1000", "--tax-code", "1257L"}
	with := func(extra ...string) []string { return append(append([]string(nil), base...), extra...) }
	cases := []struct {
		args []string
		want string
	}{
		{with("--tax-year", "2023-24", "--period", "1"), "tax year 2023-24 is not supported: the supported tax years are 2024-25, 2025-26 and 2026-27"},
		{with("--tax-year", "2026", "--period", "1"), `tax year "2026" is not valid: write it like 2026-27`},
		{with("--tax-year", "2026-27", "--period", "13"), "period 13 is out of range: for monthly pay the period is the tax month of the payday, 1 to 12"},
		{with("--tax-year", "2026-27", "--period", "x"), `--period "x" is not a number`},
		{with("--tax-year", "2026-27"), "give --tax-year and --period"},
		{with("--tax-year", "2026-27", "--period", "1", "--gross", "-5"), "--gross cannot be negative"},
		{with("--tax-year", "2026-27", "--period", "1", "--gross", "12.345"), "--gross:"},
		{with("--tax-year", "2026-27", "--period", "1", "--tax-code", "12X7L"),
			`tax code "12X7L" is not valid: a code is a number followed by L, M, N or T (like 1257L), or BR, D0, D1, NT, 0T, or K followed by a number; S or C may come first, W1/M1/X may come last`},
		{with("--tax-year", "2026-27", "--period", "1", "--ni-category", "Q"), `National Insurance category "Q" is not valid`},
		{with("--tax-year", "2026-27", "--period", "1", "--student-loan", "plan3"), `student loan plan "plan3" is not valid`},
		{with("--tax-year", "2026-27", "--period", "1", "--previous-tax", "-1"), "--previous-tax cannot be negative"},
		{with("--tax-year", "2026-27", "--period", "1", "--pension-employee", "5.555"), "--pension-employee: percentage"},
		{with("--tax-year", "2026-27", "--period", "1", "--pension-employee", "101"), "more than 100"},
		{with("--tax-year", "2026-27", "--period", "1", "--pension-basis", "all"), "--pension-basis and --pension-method need"},
		{with("--tax-year", "2026-27", "--period", "1", "--pension-employee", "5", "--pension-method", "salary-sacrifice"), `pension method "salary-sacrifice" is not valid`},
		{with("--payday", "2026-06-01", "--tax-year", "2025-26"), "the payday 01/06/2026 is in tax year 2026-27, not 2025-26"},
		{with("--payday", "2026-06-01", "--period", "1"), "the payday 01/06/2026 is in tax month 2, not 1"},
		{with("--payday", "2026-02-30"), "--payday:"},
		{with("--payday", "2023-06-01"), "not supported"},
		{[]string{"--tax-year", "2026-27", "--period", "1", "--gross", "1", "--tax-code", "1257L"}, "--frequency is required"},
		{[]string{"--tax-year", "2026-27", "--period", "1", "--frequency", "daily", "--gross", "1", "--tax-code", "1257L"}, `pay frequency "daily" is not valid`},
		{[]string{"--tax-year", "2026-27", "--period", "1", "--frequency", "weekly", "--tax-code", "1257L"}, "--gross is required"},
		{[]string{"--tax-year", "2026-27", "--period", "1", "--frequency", "weekly", "--gross", "1"}, "--tax-code is required, like 1257L (the emergency code for 2026-27 is 1257L)"},
		{with("--tax-year", "2026-27", "--period", "1", "--bogus"), "flag provided but not defined"},
		{with("--tax-year", "2026-27", "--period", "1", "extra"), `unexpected argument "extra"`},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			code, out, errOut := runCalc(c.args...)
			if code != 2 {
				t.Errorf("calc %v: exit %d, want 2 (stdout %q)", c.args, code, out)
				return
			}
			if !strings.HasPrefix(errOut, "patoolkit calc: ") || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("calc %v: stderr %q, want one line containing %q", c.args, errOut, c.want)
			}
		})
	}
}
