package payroll

// LateFilingPenalty says in plain words what HMRC may charge when an FPS
// is sent late, for an employer with the given number of employees (fewer
// than 1 is taken as 1). Figures from GOV.UK "What happens if you don't
// report payroll information on time",
// https://www.gov.uk/what-happens-if-you-dont-report-payroll-information-on-time:
// a monthly penalty of £100 for 1 to 9 employees, £200 for 10 to 49, £300
// for 50 to 249 and £400 for 250 or more; none for the first late month in
// a tax year; over 3 months late, a further 5% of the tax and NI that
// should have been reported.
func LateFilingPenalty(employees int) string {
	amount, band := "£100", "1 to 9 employees"
	switch {
	case employees >= 250:
		amount, band = "£400", "250 or more employees"
	case employees >= 50:
		amount, band = "£300", "50 to 249 employees"
	case employees >= 10:
		amount, band = "£200", "10 to 49 employees"
	}
	return "If an FPS reaches HMRC after the payday, HMRC can charge a penalty of " + amount +
		" for each month with a late FPS (the amount for an employer with " + band + "). " +
		"The first late month in a tax year is not penalised. " +
		"If it is more than 3 months late, HMRC can add 5% of the tax and National Insurance that should have been reported. " +
		"Sending each FPS on or before the payday avoids all of this."
}

// LatePaymentPenalty says in plain words what HMRC may charge when PAYE
// and NI are paid late. Figures from GOV.UK "What happens if you don't pay
// PAYE and National Insurance on time",
// https://www.gov.uk/what-happens-if-you-dont-pay-paye-and-national-insurance-on-time:
// the first late payment in a tax year is not a default; then 1% of the
// late amount for 1 to 3 defaults, 2% for 4 to 6, 3% for 7 to 9 and 4% for
// 10 or more; 5% more of anything unpaid after 6 months and another 5%
// after 12 months (these apply even to the first late payment); interest
// every day from the due date.
func LatePaymentPenalty() string {
	return "The first late payment in a tax year has no penalty. " +
		"After that, HMRC can charge 1% of the amount paid late for the 1st to 3rd late payment, " +
		"2% for the 4th to 6th, 3% for the 7th to 9th and 4% for the 10th and any after. " +
		"If a payment is still not made in full after 6 months, HMRC can add 5% of what is unpaid, and another 5% after 12 months, even when it is the only late payment. " +
		"Interest is charged on anything unpaid from the due date until it is paid. " +
		"If you cannot pay on time, call HMRC before the due date: they can often agree to spread the payments."
}
