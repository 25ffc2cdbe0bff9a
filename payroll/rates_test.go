package payroll

import (
	"fmt"
	"testing"
	"time"

	"patoolkit/civil"
)

// TestRatesSanity checks every registered year for the mistakes a new
// rates file could make: thresholds out of order, a wrong date, a missing
// figure.
func TestRatesSanity(t *testing.T) {
	years := SupportedTaxYears()
	for i, y := range years {
		r, err := RatesFor(y)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 && years[i-1] != y-1 {
			t.Errorf("tax years are not consecutive: %s after %s", y, years[i-1])
		}
		for _, f := range []Frequency{Weekly, Fortnightly, FourWeekly, Monthly} {
			t.Run(fmt.Sprint(f), func(t *testing.T) {
				th := r.NIThresholdsFor(f)
				if !(th.LEL > 0 && th.LEL < th.PT && th.ST > 0 && th.PT < th.UEL && th.ST < th.UEL) {
					t.Errorf("%s %s: NI thresholds out of order: %+v", y, f, th)
				}
				i := f.index()
				if !(r.PensionLower[i] > 0 && r.PensionLower[i] < r.PensionTrigger[i] && r.PensionTrigger[i] < r.PensionUpper[i]) {
					t.Errorf("%s %s: pension thresholds out of order", y, f)
				}
			})
		}
		a := r.NIAnnual
		if !(a.LEL < a.PT && a.PT < a.UEL) || a.PT != r.PersonalAllowance {
			t.Errorf("%s: annual NI thresholds %+v", y, a)
		}
		for _, c := range allNICategories {
			cr := r.niRates(c)
			if cr.Employer <= 0 || cr.EmployeeMain < 0 || cr.EmployeeUpper < 0 {
				t.Errorf("%s %s: rates %+v", y, c, cr)
			}
		}
		if r.Plan1 <= 0 || r.Plan2 <= 0 || r.Plan4 <= 0 || r.Postgraduate <= 0 || r.StudentLoanRate != 900 || r.PostgraduateRate != 600 {
			t.Errorf("%s: student loan figures", y)
		}
		mw := r.MinimumWage
		if mw.From != (civil.Date{Year: int(y), Month: time.April, Day: 1}) || !(mw.Apprentice <= mw.Under18 && mw.Under18 < mw.Age18To20 && mw.Age18To20 < mw.Age21Plus) {
			t.Errorf("%s: minimum wage %+v", y, mw)
		}
		if r.SSP.WeeklyRate <= 0 || r.SSP.MaxWeeks != 28 || r.SSP.MinPIWDays < 1 || r.EmploymentAllowance <= 0 {
			t.Errorf("%s: SSP or allowance %+v", y, r.SSP)
		}
		for _, reg := range []Region{RestOfUK, Scotland, Wales} {
			t.Run(fmt.Sprint(reg), func(t *testing.T) {
				b := r.Bands(reg)
				if b.BR != 2000 || b.D[0] == 0 || b.D[1] == 0 {
					t.Errorf("%s %s: flat rates %+v", y, reg, b)
				}
			})
		}
		if r.Scotland.D[2] == 0 || r.Scotland.D[3] == 0 || r.RestOfUK.D[2] != 0 || r.Wales.D[3] != 0 {
			t.Errorf("%s: D2 and D3 are Scottish only", y)
		}
	}
}
