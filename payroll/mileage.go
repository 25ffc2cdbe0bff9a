package payroll

import "patoolkit/money"

// HMRC's approved mileage allowance payments for a car or van of the
// worker's own used for business journeys: 45p a mile for the first 10,000
// business miles in the tax year and 25p a mile after. Paid at or below
// these rates they are not taxable and have no NI, so they belong on an
// Expenses line. (GOV.UK "Expenses and benefits: business travel mileage
// for employees' own vehicles",
// https://www.gov.uk/expenses-and-benefits-business-travel-mileage/rules-for-tax.)
const (
	MileageRateFirst10000  money.Money = 45 // pence a mile, first 10,000 business miles in the tax year
	MileageRateOver10000   money.Money = 25 // pence a mile, each mile after
	MileageRateChangeMiles int64       = 10_000
)

// maxMileageTenths is the most accepted for either argument of MileagePay:
// a million miles, far beyond any year's driving.
const maxMileageTenths = 10_000_000

// MileagePay returns the approved mileage allowance for milesTenths
// business miles (in tenths of a mile) when milesTenthsBefore have already
// been paid in the tax year: 45p a mile up to 10,000 miles in the year and
// 25p a mile after, rounded once to the nearest penny (halves up).
func MileagePay(milesTenthsBefore, milesTenths int64) (money.Money, error) {
	if milesTenthsBefore < 0 || milesTenths < 0 {
		return 0, invalid("miles cannot be negative")
	}
	if milesTenthsBefore > maxMileageTenths || milesTenths > maxMileageTenths {
		return 0, invalid("miles are too many: the most accepted is 1,000,000")
	}
	limit := MileageRateChangeMiles * 10
	atFirst := min(milesTenthsBefore+milesTenths, limit) - min(milesTenthsBefore, limit)
	atSecond := milesTenths - atFirst
	tenthPence := atFirst*int64(MileageRateFirst10000) + atSecond*int64(MileageRateOver10000)
	return money.Money(divRoundHalfUp(tenthPence, 10)), nil
}
