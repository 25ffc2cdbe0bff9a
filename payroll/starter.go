package payroll

import "patoolkit/civil"

// StandardNICategory is the National Insurance category of most employees
// (A), the one a new PA starts with until HMRC's rules say otherwise.
const StandardNICategory NICategory = 'A'

// StarterTaxCode is the tax code a new PA starts with on day d until their
// P45 or starter checklist says otherwise: the emergency code of d's tax
// year. For a day past the years with rates it is the latest year's code,
// and before them the earliest's.
func StarterTaxCode(d civil.Date) string {
	y := TaxYearOf(d)
	if len(registry) == 0 {
		return ""
	}
	r := registry[0]
	for _, x := range registry {
		if x.Year <= y && x.Year >= r.Year {
			r = x
		}
	}
	return r.emergency.String()
}
