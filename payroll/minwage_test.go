package payroll

import (
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/money"
)

// The rates from 1 April of each year, as DOMAIN.md gives them (21+ /
// 18-20 / under 18 / apprentice).
func TestMinimumRateForAgainstDomainRates(t *testing.T) {
	born := func(s string) civil.Date { return civil.MustParse(s) }
	cases := []struct {
		name, on string
		dob      civil.Date
		want     string
		rateName string
		known    bool
	}{
		{"2024 aged 30", "2024-04-01", born("1994-01-01"), "11.44", "National Living Wage", true},
		{"2024 aged 19", "2024-06-01", born("2005-01-01"), "8.60", "National Minimum Wage", true},
		{"2024 aged 17", "2024-06-01", born("2007-01-01"), "6.40", "National Minimum Wage", true},
		{"2025 aged 21 on the day", "2025-04-01", born("2004-04-01"), "12.21", "National Living Wage", true},
		{"2025 aged 20", "2025-04-01", born("2004-04-02"), "10.00", "National Minimum Wage", true},
		{"2025 aged 16", "2025-04-01", born("2009-01-01"), "7.55", "National Minimum Wage", true},
		{"2026 aged 45", "2026-04-01", born("1981-01-01"), "12.71", "National Living Wage", true},
		{"2026 aged 18", "2026-04-01", born("2008-04-01"), "10.85", "National Minimum Wage", true},
		{"2026 aged 17", "2026-04-01", born("2008-04-02"), "8.00", "National Minimum Wage", true},
		{"31 March 2026 is still 2025's rates", "2026-03-31", born("1981-01-01"), "12.21", "National Living Wage", true},
		{"age not known: 21 and over", "2026-04-01", civil.Date{}, "12.71", "National Living Wage", false},
		{"age not known in 2024", "2024-05-01", civil.Date{}, "11.44", "National Living Wage", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rate, name, _, known, ok := MinimumRateFor(civil.MustParse(tc.on), tc.dob)
			if !ok || rate != money.MustParse(tc.want) || name != tc.rateName || known != tc.known {
				t.Errorf("got %s %q known %v ok %v, want %s %q known %v", rate.Format(), name, known, ok, tc.want, tc.rateName, tc.known)
			}
		})
	}
	if _, _, _, _, ok := MinimumRateFor(civil.MustParse("2026-04-01"), born("2011-01-01")); ok {
		t.Error("a 15-year-old has a minimum wage")
	}
	if _, _, _, _, ok := MinimumRateFor(civil.MustParse("2023-04-01"), born("1980-01-01")); ok {
		t.Error("rates before those held were given")
	}
}

func TestMinimumWageRatesOnAfterTheLastYearHeld(t *testing.T) {
	last := registry[len(registry)-1].MinimumWage
	got, err := MinimumWageRatesOn(last.From.AddMonths(30))
	if err != nil || got != last {
		t.Errorf("got %+v, %v; want the latest rates %+v", got, err, last)
	}
	if _, err := MinimumWageRatesOn(civil.MustParse("2024-03-31")); err == nil {
		t.Error("no error before the first rates held")
	}
}

func TestCheckContractRate(t *testing.T) {
	cases := []struct {
		name, rate, from string
		dob              string
		refuse, warn     string // words the message must hold; "" for none
	}{
		{"£5.00 in 2025 is refused", "5.00", "2025-04-06", "", "the apprentice rate of £7.55 an hour (from 01/04/2025)", ""},
		{"£7.54 in 2025 is refused", "7.54", "2025-04-06", "1990-01-01", "£7.55", ""},
		{"£7.55 in 2025 warns for someone of 35", "7.55", "2025-04-06", "1990-01-01", "", "below the National Living Wage of £12.21 an hour for someone aged 21 or over on 06/04/2025"},
		{"£7.55 in 2025 is right for 17", "7.55", "2025-04-06", "2008-01-01", "", ""},
		{"£7.55 in 2026 is refused", "7.55", "2026-04-01", "2009-01-01", "the apprentice rate of £8.00 an hour (from 01/04/2026)", ""},
		{"£6.40 in 2024 is allowed for 17", "6.40", "2024-04-06", "2007-01-01", "", ""},
		{"£6.39 in 2024 is refused", "6.39", "2024-04-06", "2007-01-01", "£6.40", ""},
		{"£11.00 in 2024 warns when the age is not known", "11.00", "2024-04-06", "", "", "date of birth is not entered"},
		{"£12.71 in 2026 at the living wage", "12.71", "2026-04-01", "", "", ""},
		{"£7.99 in 2028 is under the latest rates held", "7.99", "2028-05-01", "", "£8.00", ""},
		{"a blank rate is not checked", "0.00", "2026-04-01", "", "", ""},
		{"2023 is not held: nothing said", "5.00", "2023-05-01", "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var dob civil.Date
			if tc.dob != "" {
				dob = civil.MustParse(tc.dob)
			}
			got := CheckContractRate("The day rate", money.MustParse(tc.rate), civil.MustParse(tc.from), dob)
			check := func(what, msg, want string) {
				if (msg == "") != (want == "") || !strings.Contains(msg, want) {
					t.Errorf("%s %q, want one holding %q", what, msg, want)
				}
			}
			check("refusal", got.Refuse, tc.refuse)
			check("warning", got.Warning, tc.warn)
			if got.Refuse != "" && !strings.HasPrefix(got.Refuse, "The day rate of "+money.MustParse(tc.rate).Format()+" an hour") {
				t.Errorf("the refusal does not name the rate: %q", got.Refuse)
			}
		})
	}
}
