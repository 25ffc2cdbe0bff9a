package service

import (
	"patoolkit/payroll"
	"patoolkit/text"
)

// checkTaxCode reports what is wrong with a tax code, or "". Only the
// payroll engine reads tax codes.
func checkTaxCode(code string) string {
	if _, err := payroll.ParseTaxCode(code); err != nil {
		return text.Capitalise(refusalText("reading a tax code", err))
	}
	return ""
}
