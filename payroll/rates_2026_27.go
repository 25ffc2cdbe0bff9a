package payroll

import (
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

// Rates for the tax year 2026-27 (6 April 2026 to 5 April 2027).
//
// Sources are named beside each figure. DOMAIN.md is the toolkit's own
// brief, which took its figures from the gov.uk pages named; where it marks
// a figure "check" the comment says so.
func init() { register(&rates2026_27) }

var rates2026_27 = Rates{
	Year: 2026,

	EmergencyCode:     "1257L",       // gov.uk "Rates and thresholds for employers 2026 to 2027": emergency tax code
	PersonalAllowance: pounds(12570), // gov.uk "Rates and thresholds for employers 2026 to 2027": personal allowance

	RestOfUK: TaxBands{ // England and Northern Ireland; gov.uk "Rates and thresholds for employers 2026 to 2027"
		Bands: []Band{
			{Upper: 37700, Rate: 2000},  // basic rate 20% on taxable pay £0 to £37,700
			{Upper: 125140, Rate: 4000}, // higher rate 40% on £37,701 to £125,140
			{Upper: 0, Rate: 4500},      // additional rate 45% above £125,140
		},
		BR: 2000,                   // code BR: basic rate 20%
		D:  [4]Percent{4000, 4500}, // D0 40%, D1 45%
	},
	Wales: TaxBands{ // C prefix: Welsh rates equal the rest of the UK's; gov.uk "Rates and thresholds for employers 2026 to 2027"
		Bands: []Band{
			{Upper: 37700, Rate: 2000},  // Welsh basic rate 20%
			{Upper: 125140, Rate: 4000}, // Welsh higher rate 40%
			{Upper: 0, Rate: 4500},      // Welsh additional rate 45%
		},
		BR: 2000,                   // CBR 20%
		D:  [4]Percent{4000, 4500}, // CD0 40%, CD1 45%
	},
	Scotland: TaxBands{ // S prefix; gov.uk "Scottish Income Tax 2026 to 2027", gov.uk "Rates and thresholds for employers 2026 to 2027"
		Bands: []Band{
			{Upper: 3967, Rate: 1900},   // starter rate 19%
			{Upper: 16956, Rate: 2000},  // basic rate 20%
			{Upper: 31092, Rate: 2100},  // intermediate rate 21%
			{Upper: 62430, Rate: 4200},  // higher rate 42%
			{Upper: 125140, Rate: 4500}, // advanced rate 45%
			{Upper: 0, Rate: 4800},      // top rate 48%
		},
		BR: 2000,                               // SBR 20%
		D:  [4]Percent{2100, 4200, 4500, 4800}, // SD0 21%, SD1 42%, SD2 45%, SD3 48%
	},

	// Class 1 NI thresholds; gov.uk "Rates and thresholds for employers 2026 to 2027". Fortnightly and four-weekly
	// figures are HMRC's published ones (DOMAIN.md).
	NIThresholds: [numFrequencies]NIThresholds{
		{LEL: pounds(129), PT: pounds(242), ST: pounds(96), UEL: pounds(967)},    // weekly
		{LEL: pounds(258), PT: pounds(484), ST: pounds(193), UEL: pounds(1934)},  // fortnightly
		{LEL: pounds(516), PT: pounds(967), ST: pounds(385), UEL: pounds(3867)},  // four-weekly
		{LEL: pounds(559), PT: pounds(1048), ST: pounds(417), UEL: pounds(4189)}, // monthly
	},
	NIAnnual: NIThresholds{LEL: pounds(6708), PT: pounds(12570), ST: pounds(5000), UEL: pounds(50270)}, // annual; gov.uk "Rates and thresholds for employers 2026 to 2027"
	// Class 1 rates; gov.uk "Rates and thresholds for employers 2026 to 2027". Employer 15% above the ST; H, M and Z pay
	// 0% up to the AUST/UST, which equal the UEL.
	NIRates: []NICategoryRates{
		{Category: 'A', EmployeeMain: 800, EmployeeUpper: 200, Employer: 1500},                  // standard
		{Category: 'B', EmployeeMain: 185, EmployeeUpper: 200, Employer: 1500},                  // married women's reduced rate
		{Category: 'C', EmployeeMain: 0, EmployeeUpper: 0, Employer: 1500},                      // over State Pension age
		{Category: 'H', EmployeeMain: 800, EmployeeUpper: 200, Employer: 1500, ZeroToUEL: true}, // apprentice under 25
		{Category: 'J', EmployeeMain: 200, EmployeeUpper: 200, Employer: 1500},                  // deferment
		{Category: 'M', EmployeeMain: 800, EmployeeUpper: 200, Employer: 1500, ZeroToUEL: true}, // under 21
		{Category: 'Z', EmployeeMain: 200, EmployeeUpper: 200, Employer: 1500, ZeroToUEL: true}, // under 21, deferment
	},

	// Student and postgraduate loans, annual thresholds; gov.uk "Rates and thresholds for employers 2026 to 2027".
	Plan1:            pounds(26900),
	Plan2:            pounds(29385),
	Plan4:            pounds(33795),
	Plan5:            pounds(25000), // Plan 5: deductions start 6 April 2026; gov.uk "Rates and thresholds for employers 2026 to 2027"
	Postgraduate:     pounds(21000),
	StudentLoanRate:  900, // 9%
	PostgraduateRate: 600, // 6%

	// Automatic enrolment thresholds, unchanged since 2014-15 for the
	// trigger; DWP "Automatic enrolment earnings trigger and qualifying
	// earnings band" review for 2026 to 2027, gov.uk and DOMAIN.md.
	PensionTrigger: [numFrequencies]money.Money{pounds(192), pounds(384), pounds(768), pounds(833)},    // £10,000 a year
	PensionLower:   [numFrequencies]money.Money{pounds(120), pounds(240), pounds(480), pounds(520)},    // £6,240 a year
	PensionUpper:   [numFrequencies]money.Money{pounds(967), pounds(1934), pounds(3867), pounds(4189)}, // £50,270 a year
	PensionAnnual:  struct{ Trigger, Lower, Upper money.Money }{pounds(10000), pounds(6240), pounds(50270)},

	SSP: SSPRules{
		// From 6 April 2026 (Employment Rights Act 2025 s.10 and the SSP
		// rate regulations; DOMAIN.md): paid from the first qualifying day,
		// no lower earnings test, a period of incapacity may be one day,
		// weekly rate the lower of the flat rate and 80% of AWE.
		WeeklyRate:   12325, // £123.25; gov.uk "Rates and thresholds for employers 2026 to 2027"
		PercentOfAWE: 8000,  // 80% of average weekly earnings; ERA 2025, DOMAIN.md
		WaitingDays:  0,     // waiting days removed; ERA 2025 s.10(6)
		MinPIWDays:   1,     // "a period of one day"; ERA 2025 s.10(3) amending SSCBA 1992 s.152
		LELTest:      false, // lower earnings limit test removed; ERA 2025
		MaxWeeks:     28,    // SSCBA 1992 s.155(4)
	},

	// National Minimum Wage and National Living Wage from 1 April 2026; gov.uk
	// "National Minimum Wage and National Living Wage rates", DOMAIN.md.
	MinimumWage: MinimumWageRates{
		From:       civil.Date{Year: 2026, Month: time.April, Day: 1},
		Age21Plus:  1271, // National Living Wage, 21 and over
		Age18To20:  1085, // 18 to 20
		Under18:    800,  // under 18
		Apprentice: 800,  // apprentice rate
	},

	EmploymentAllowance: 1050000, // £10,500; gov.uk "Claiming Employment Allowance", DOMAIN.md

	// Statutory family payments; gov.uk "Rates and thresholds for employers 2026 to 2027" (SMP, SPP, SAP, ShPP,
	// SPBP, SNCP) and gov.uk "Get financial help with statutory pay", DOMAIN.md.
	FamilyPay: FamilyPayRates{
		WeeklyRate:            19432,   // £194.32 a week, or 90% of AWE if lower
		Recovery:              9200,    // 92% recovered; SMP (Compensation of Employers) and Misc. Amendment Regulations 1994 (SI 1994/1882) and their SPP/SAP/ShPP/SPBP/SNCP twins
		SmallEmployerRecovery: 10900,   // 100% plus 9% compensation with Small Employers' Relief; DOMAIN.md
		SmallEmployerLimit:    4500000, // £45,000 Class 1 NI in the last complete tax year before the qualifying week; SI 1994/1882 (small employer)
	},
}
