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

// StarterCode is the tax code a new employee with no P45 starts on, from
// the statement they chose on HMRC's starter checklist, for a first pay
// on day d (gov.uk "Starter checklist for PAYE" and "Tell HMRC about a new
// employee": work out their tax code):
//
//   - A (first job since 6 April, no benefits or pension): the emergency
//     code, cumulative;
//   - B (now their only job, but another job or benefits since 6 April):
//     the emergency code on a week 1 / month 1 basis;
//   - C (another job or a pension as well): BR, cumulative;
//   - no P45 and no statement yet: 0T on a week 1 / month 1 basis.
//
// why says so in a sentence for the PA form. ok is false for a statement
// that is not A, B, C or "" (none given).
func StarterCode(d civil.Date, statement string) (code string, week1 bool, why string, ok bool) {
	emergency := StarterTaxCode(d)
	switch statement {
	case "A":
		return emergency, false, "Statement A (first job since 6 April): HMRC's rule is the emergency code " + emergency + ", cumulative.", true
	case "B":
		return emergency, true, "Statement B (only job now, but another job or benefits since 6 April): HMRC's rule is the emergency code " + emergency + " on a week 1 / month 1 basis.", true
	case "C":
		return "BR", false, "Statement C (another job or a pension as well): HMRC's rule is BR, all pay taxed at the basic rate.", true
	case "":
		return "0T", true, "No P45 and no starter checklist yet: HMRC's rule is 0T on a week 1 / month 1 basis until the PA gives you one.", true
	}
	return "", false, "", false
}
