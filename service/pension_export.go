package service

// The contribution files for a payday, to upload to the pension scheme:
// PAPDIS (the Pensions Administration Standards Association's Payroll and
// Pension Data Interface Standard, version 1.1, one row per PA), NEST's
// contribution schedule, and a plain CSV.

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/payroll"
	"patoolkit/storage"
)

// Pension file formats.
const (
	PensionPAPDIS  = "papdis"
	PensionNEST    = "nest"
	PensionGeneric = "generic"
)

// PensionFormats are the formats ExportPensionCSV writes.
var PensionFormats = []string{PensionPAPDIS, PensionNEST, PensionGeneric}

// pensionRow is one PA's contributions on the payday.
type pensionRow struct {
	slip     Payslip
	pa       household.PA
	contract household.Contract
	state    payroll.PensionState
	// reason is NEST's reason for a partial or no payment: 1 no further
	// contributions (a leaver), 5 insufficient earnings ("" when paid in
	// full).
	reason string
}

// ExportPensionCSV writes the contribution file for the finalised run on
// payday in the format named (papdis, nest or generic).
func (s *Service) ExportPensionCSV(w io.Writer, accountID int64, payday civil.Date, format string) error {
	switch format {
	case PensionPAPDIS, PensionNEST, PensionGeneric:
	default:
		return Invalidf("%q is not a pension file format: use papdis, nest or generic.", format)
	}
	type data struct {
		rows   []pensionRow
		duties PensionDuties
		ok     bool
		run    PayRun
	}
	d, err := readMoney(s, "making the pension file", accountID, func(tx *storage.Tx) (data, error) {
		var out data
		run, err := tx.LivePayRun(accountID, payday)
		if errors.Is(err, storage.ErrNotFound) {
			return out, Invalidf("There is no finalised pay run on %s: finalise it first (patoolkit payrun --payday %s --finalise).", payday.UK(), payday)
		} else if err != nil {
			return out, err
		}
		out.run = run
		if out.duties, out.ok, err = tx.PensionDuties(accountID); err != nil {
			return out, err
		}
		states, err := tx.PensionStates(accountID)
		if err != nil {
			return out, err
		}
		slips, err := tx.RunPayslips(run.ID)
		if err != nil {
			return out, err
		}
		for _, p := range slips {
			if strings.TrimSpace(p.Detail.Pension) == "" {
				continue
			}
			pa, err := tx.PA(p.PAID)
			if err != nil {
				return out, err
			}
			cs, err := tx.Contracts(p.PAID)
			if err != nil {
				return out, err
			}
			c, _ := household.ContractOn(cs, p.Detail.Period.To)
			row := pensionRow{slip: p, pa: pa, contract: c, state: states[p.PAID]}
			member := p.Detail.Duties != nil && p.Detail.Duties.Takes()
			paid := p.Result.Pension.Employee+p.Result.Pension.Employer > 0
			switch {
			case !paid && !member:
				continue // not a member on this pay
			case !pa.LeavingDate.IsZero() && !pa.LeavingDate.After(p.Detail.Period.To):
				row.reason = "1"
			case !paid:
				row.reason = "5"
			}
			out.rows = append(out.rows, row)
		}
		return out, nil
	})
	if err != nil {
		return err
	}
	if len(d.rows) == 0 {
		return Invalidf("No pension contributions were taken on %s, so there is nothing to send to the scheme.", payday.UK())
	}
	if format == PensionNEST && !nestRef(d.duties.SchemeRef) {
		return Invalidf("NEST's file needs your NEST employer reference (EMP and 9 digits): add it under Pay, Pensions (or: patoolkit pension duties --scheme-ref EMP123456789).")
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	switch format {
	case PensionGeneric:
		writeGeneric(cw, d.rows)
	case PensionNEST:
		writeNEST(cw, d.rows, d.duties, d.run)
	case PensionPAPDIS:
		writePAPDIS(cw, d.rows, d.duties, d.run)
	}
	cw.Flush()
	return cw.Error()
}

// nestRef reports whether ref looks like a NEST employer reference.
func nestRef(ref string) bool {
	if len(ref) != 12 || !strings.HasPrefix(ref, "EMP") {
		return false
	}
	for _, r := range ref[3:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func writeGeneric(cw *csv.Writer, rows []pensionRow) {
	cw.Write([]string{"NI number", "Name", "Period start", "Period end", "Pensionable pay", "Employer contribution", "Employee contribution"})
	for _, r := range rows {
		ps := r.slip.Result
		cw.Write([]string{r.pa.NINumber, r.pa.Name, r.slip.Detail.Period.From.String(), r.slip.Detail.Period.To.String(),
			pensionMoney(ps.Gross), pensionMoney(ps.Pension.Employer), pensionMoney(ps.Pension.Employee)})
	}
}

// contributionsDue is when the run's contributions reach the scheme: by
// the 22nd of the month after the payday (as the run's bill says).
func contributionsDue(payday civil.Date) civil.Date {
	next := civil.New(payday.Year, payday.Month, 1).AddMonths(1)
	return civil.New(next.Year, next.Month, 22)
}

// nestFrequency is the frequency as NEST's schedule names it.
func nestFrequency(f payroll.Frequency) string {
	switch f {
	case payroll.Weekly:
		return "Weekly"
	case payroll.Fortnightly:
		return "Fortnightly"
	case payroll.FourWeekly:
		return "Four weekly"
	}
	return "Monthly"
}

// writeNEST writes NEST's contribution schedule: a header record (the
// employer reference, process type CS, the earnings period end date, the
// payment source, the payment due date, the frequency, the reason for an
// exception schedule and the generation date (both empty for a
// contribution schedule), the earnings period start date and the number
// of member records, in the order NEST's help centre lists them), then
// one record per member: NI number, an alternative identifier when there
// is none, pensionable earnings, the employer's and the member's
// contributions, and the reason for a partial or no payment (1 no further
// contributions, 5 insufficient earnings) with its effective date.
func writeNEST(cw *csv.Writer, rows []pensionRow, d PensionDuties, run PayRun) {
	source := d.PaymentSource
	if source == "" {
		source = "Direct debit"
	}
	cw.Write([]string{d.SchemeRef, "CS", run.Period.To.String(), source, contributionsDue(run.Period.Payday).String(),
		nestFrequency(run.Frequency), "", "", run.Period.From.String(), fmt.Sprint(len(rows))})
	for _, r := range rows {
		ps := r.slip.Result
		alt := ""
		if r.pa.NINumber == "" {
			alt = fmt.Sprintf("PA%06d", r.pa.ID)
		}
		effective := ""
		if r.reason == "1" {
			effective = r.pa.LeavingDate.String()
		} else if r.reason != "" {
			effective = r.slip.Detail.Period.From.String()
		}
		cw.Write([]string{r.pa.NINumber, alt, pensionMoney(ps.Gross), pensionMoney(ps.Pension.Employer), pensionMoney(ps.Pension.Employee), r.reason, effective})
	}
}

// papdisColumns are PAPDIS 1.1's fields, in its order.
var papdisColumns = []string{"PAPDISVersion", "PensionProviderID", "EmployerID", "Group", "SubGroup",
	"PayPeriodStartDate", "PayPeriodEndDate", "ContributionDeductionDate", "FrequencyCode", "TaxPeriod",
	"PayReferenceStartDate", "PayReferenceEndDate",
	"EmployeeID", "Title", "Forename1", "Forename2", "Surname", "BirthDate", "Gender", "NINumber", "EmploymentStartDate",
	"Address1", "Address2", "Address3", "Address4", "Postcode", "Country", "EmailAddress", "SecondaryEmailAddress",
	"PensionableEarningsAmount", "TotalGrossQualifyingEarningsAmount",
	"AssessmentCode", "EventCode", "EventDate", "StatutoryLetterCode", "IsIndividualAlreadyMemberOfQPS", "DeferralDate",
	"EnrolmentCommunicationsIssuedDate", "WorkerExclusionCode", "ReenrolmentIndicator", "OptOutWindowEndDate",
	"EmployerContributionsAmount", "EmployerContributionsPercent", "EmployeeContributionsAmount", "EmployeeContributionsPercent",
	"AdditionalVoluntaryContributionsAmount", "AdditionalVoluntaryContributionsPercent", "SalarySacrificeIndicator",
	"ExitDate", "ExitReasonCode", "AEOptOutDate", "AEOptOutReference"}

// papdisAssessment is PAPDIS's assessment code: 1 eligible jobholder, 2
// non-eligible jobholder, 3 entitled worker ("" when not assessed).
func papdisAssessment(c payroll.WorkerCategory) string {
	switch c {
	case payroll.EligibleJobholder:
		return "1"
	case payroll.NonEligibleJobholder:
		return "2"
	case payroll.EntitledWorker:
		return "3"
	}
	return ""
}

func percentText(bp int) string { return fmt.Sprintf("%d.%02d", bp/100, bp%100) }

func writePAPDIS(cw *csv.Writer, rows []pensionRow, d PensionDuties, run PayRun) {
	cw.Write(papdisColumns)
	for _, r := range rows {
		ps := r.slip.Result
		per := r.slip.Detail.Period
		first, rest, _ := strings.Cut(strings.TrimSpace(r.pa.Name), " ")
		var addr [4]string
		postcode := ""
		lines := strings.Split(strings.TrimSpace(r.pa.Address), "\n")
		if len(lines) > 1 {
			postcode = strings.TrimSpace(lines[len(lines)-1])
			lines = lines[:len(lines)-1]
		}
		for i := 0; i < len(lines) && i < 4; i++ {
			addr[i] = strings.TrimSpace(lines[i])
		}
		category := ps.Pension.Category
		event, eventDate, deferral, optOutEnd := "", "", "", ""
		if dd := r.slip.Detail.Duties; dd != nil {
			category = dd.Assessment.Category
			if dd.Step == payroll.EnrolNow {
				event, eventDate = "1", dd.Enrolled.String()
			}
			deferral = dd.Deferral.String()
			optOutEnd = dd.OptOut.To.String()
		}
		exit := ""
		if !r.pa.LeavingDate.IsZero() && !r.pa.LeavingDate.After(per.To) {
			exit = r.pa.LeavingDate.String()
		}
		cw.Write([]string{"PAP11", "", d.SchemeRef, "", "",
			per.From.String(), per.To.String(), r.slip.Payday.String(), ps.Frequency.FPSCode(), fmt.Sprint(ps.Period),
			per.From.String(), per.To.String(),
			fmt.Sprintf("PA%06d", r.pa.ID), "", first, "", rest, r.pa.DateOfBirth.String(), "", r.pa.NINumber, r.pa.StartDate.String(),
			addr[0], addr[1], addr[2], addr[3], postcode, "", r.pa.Email, "",
			pensionMoney(ps.Pension.Base), pensionMoney(ps.Gross),
			papdisAssessment(category), event, eventDate, "", "", deferral,
			r.state.InfoGiven.String(), "", "", optOutEnd,
			pensionMoney(ps.Pension.Employer), percentText(r.contract.PensionEmployerBP), pensionMoney(ps.Pension.Employee), percentText(r.contract.PensionEmployeeBP),
			"", "", "false",
			exit, "", r.state.OptedOut.String(), ""})
	}
}
