package payroll

import (
	"time"

	"patoolkit/civil"
	"patoolkit/money"
)

// Rates for the tax year 2025-26 (6 April 2025 to 5 April 2026).
//
// Sources are named beside each figure. DOMAIN.md is the toolkit's own
// brief, which took its figures from the gov.uk pages named; where it marks
// a figure "check" the comment says so.
func init() { register(&rates2025_26) }

var rates2025_26 = Rates{
	Year: 2025,

	EmergencyCode:     "1257L",       // gov.uk "Rates and thresholds for employers 2025 to 2026": emergency tax code
	PersonalAllowance: pounds(12570), // gov.uk "Rates and thresholds for employers 2025 to 2026": personal allowance

	RestOfUK: TaxBands{ // England and Northern Ireland; gov.uk "Rates and thresholds for employers 2025 to 2026"
		Bands: []Band{
			{Upper: 37700, Rate: 2000},  // basic rate 20% on taxable pay £0 to £37,700
			{Upper: 125140, Rate: 4000}, // higher rate 40% on £37,701 to £125,140
			{Upper: 0, Rate: 4500},      // additional rate 45% above £125,140
		},
		BR: 2000,                   // code BR: basic rate 20%
		D:  [4]Percent{4000, 4500}, // D0 40%, D1 45%
	},
	Wales: TaxBands{ // C prefix: Welsh rates equal the rest of the UK's; gov.uk "Rates and thresholds for employers 2025 to 2026"
		Bands: []Band{
			{Upper: 37700, Rate: 2000},  // Welsh basic rate 20%
			{Upper: 125140, Rate: 4000}, // Welsh higher rate 40%
			{Upper: 0, Rate: 4500},      // Welsh additional rate 45%
		},
		BR: 2000,                   // CBR 20%
		D:  [4]Percent{4000, 4500}, // CD0 40%, CD1 45%
	},
	Scotland: TaxBands{ // S prefix; gov.uk "Scottish Income Tax 2025 to 2026", gov.uk "Rates and thresholds for employers 2025 to 2026"
		Bands: []Band{
			{Upper: 2827, Rate: 1900},   // starter rate 19%
			{Upper: 14921, Rate: 2000},  // basic rate 20%
			{Upper: 31092, Rate: 2100},  // intermediate rate 21%
			{Upper: 62430, Rate: 4200},  // higher rate 42%
			{Upper: 125140, Rate: 4500}, // advanced rate 45%
			{Upper: 0, Rate: 4800},      // top rate 48%
		},
		BR: 2000,                               // SBR 20%
		D:  [4]Percent{2100, 4200, 4500, 4800}, // SD0 21%, SD1 42%, SD2 45%, SD3 48%
	},

	// Class 1 NI thresholds; gov.uk "Rates and thresholds for employers 2025 to 2026". Fortnightly and four-weekly
	// figures are HMRC's published ones (DOMAIN.md).
	NIThresholds: [numFrequencies]NIThresholds{
		{LEL: pounds(125), PT: pounds(242), ST: pounds(96), UEL: pounds(967)},    // weekly
		{LEL: pounds(250), PT: pounds(484), ST: pounds(193), UEL: pounds(1934)},  // fortnightly
		{LEL: pounds(500), PT: pounds(967), ST: pounds(385), UEL: pounds(3867)},  // four-weekly
		{LEL: pounds(542), PT: pounds(1048), ST: pounds(417), UEL: pounds(4189)}, // monthly
	},
	NIAnnual: NIThresholds{LEL: pounds(6500), PT: pounds(12570), ST: pounds(5000), UEL: pounds(50270)}, // annual; gov.uk "Rates and thresholds for employers 2025 to 2026"
	// Class 1 rates; gov.uk "Rates and thresholds for employers 2025 to 2026". Employer 15% above the ST; H, M and Z pay
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

	// Student and postgraduate loans, annual thresholds; gov.uk "Rates and thresholds for employers 2025 to 2026".
	Plan1:            pounds(26065),
	Plan2:            pounds(28470),
	Plan4:            pounds(32745),
	Plan5:            0, // Plan 5 takes no deductions before 6 April 2026 (DOMAIN.md)
	Postgraduate:     pounds(21000),
	StudentLoanRate:  900, // 9%
	PostgraduateRate: 600, // 6%

	// Automatic enrolment thresholds, unchanged since 2014-15 for the
	// trigger; DWP "Automatic enrolment earnings trigger and qualifying
	// earnings band" review for 2025 to 2026, gov.uk and DOMAIN.md.
	PensionTrigger: [numFrequencies]money.Money{pounds(192), pounds(384), pounds(768), pounds(833)},    // £10,000 a year
	PensionLower:   [numFrequencies]money.Money{pounds(120), pounds(240), pounds(480), pounds(520)},    // £6,240 a year
	PensionUpper:   [numFrequencies]money.Money{pounds(967), pounds(1934), pounds(3867), pounds(4189)}, // £50,270 a year
	PensionAnnual:  struct{ Trigger, Lower, Upper money.Money }{pounds(10000), pounds(6240), pounds(50270)},

	SSP: SSPRules{
		WeeklyRate:   11875, // £118.75 a week; gov.uk "Rates and thresholds for employers 2025 to 2026"
		PercentOfAWE: 0,     // flat rate only
		WaitingDays:  3,     // SSCBA 1992 s.155(1)
		MinPIWDays:   4,     // four or more consecutive days; SSCBA 1992 s.152(2)
		LELTest:      true,  // AWE must reach the weekly LEL; SSCBA 1992 Sch 11 para 2(c)
		MaxWeeks:     28,    // SSCBA 1992 s.155(4)
	},

	// National Minimum Wage and National Living Wage from 1 April 2025; gov.uk
	// "National Minimum Wage and National Living Wage rates", DOMAIN.md.
	MinimumWage: MinimumWageRates{
		From:       civil.Date{Year: 2025, Month: time.April, Day: 1},
		Age21Plus:  1221, // National Living Wage, 21 and over
		Age18To20:  1000, // 18 to 20
		Under18:    755,  // under 18
		Apprentice: 755,  // apprentice rate
	},

	EmploymentAllowance: 1050000, // £10,500; gov.uk "Claiming Employment Allowance", DOMAIN.md

	// Statutory family payments; gov.uk "Rates and thresholds for employers 2025 to 2026" (SMP, SPP, SAP, ShPP,
	// SPBP, SNCP) and gov.uk "Get financial help with statutory pay", DOMAIN.md.
	FamilyPay: FamilyPayRates{
		WeeklyRate:            18718,   // £187.18 a week, or 90% of AWE if lower
		Recovery:              9200,    // 92% recovered; SMP (Compensation of Employers) and Misc. Amendment Regulations 1994 (SI 1994/1882) and their SPP/SAP/ShPP/SPBP/SNCP twins
		SmallEmployerRecovery: 10850,   // 100% plus 8.5% compensation with Small Employers' Relief; DOMAIN.md
		SmallEmployerLimit:    4500000, // £45,000 Class 1 NI in the last complete tax year before the qualifying week; SI 1994/1882 (small employer)
	},
}
