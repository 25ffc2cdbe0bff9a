package storage

import (
	"database/sql"
	"errors"

	"patoolkit/civil"
	"patoolkit/payroll"
)

// PensionDuties is what a budget's employer has recorded about their
// automatic enrolment duties.
type PensionDuties struct {
	AccountID int64
	Duties    payroll.Duties
	// Declared and ReDeclared are when the declaration of compliance and
	// the latest re-declaration were made (zero: not yet).
	Declared, ReDeclared civil.Date
	// SchemeRef is the scheme's reference for the employer (NEST: EMP and
	// 9 digits); PaymentSource the payment source named in the scheme's
	// account.
	SchemeRef, PaymentSource string
}

// PensionDuties returns an account's pension duties; ok is false when
// none are recorded.
func (t *Tx) PensionDuties(accountID int64) (d PensionDuties, ok bool, err error) {
	d.AccountID = accountID
	err = t.tx.QueryRow(`SELECT duties_start, postpone_months, reenrolment_date, declared_on, redeclared_on, scheme_employer_ref, payment_source
		FROM pension_duties WHERE account_id = ?`, accountID).Scan(dateScan{&d.Duties.Start}, &d.Duties.PostponeMonths,
		dateScan{&d.Duties.ReEnrolment}, dateScan{&d.Declared}, dateScan{&d.ReDeclared}, &d.SchemeRef, &d.PaymentSource)
	if errors.Is(err, sql.ErrNoRows) {
		return d, false, nil
	}
	return d, err == nil, err
}

// SavePensionDuties stores an account's pension duties, replacing any
// before.
func (t *Tx) SavePensionDuties(d PensionDuties) error {
	_, err := t.exec(`INSERT INTO pension_duties (account_id, duties_start, postpone_months, reenrolment_date, declared_on, redeclared_on,
		scheme_employer_ref, payment_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (account_id) DO UPDATE SET duties_start = excluded.duties_start, postpone_months = excluded.postpone_months,
		reenrolment_date = excluded.reenrolment_date, declared_on = excluded.declared_on, redeclared_on = excluded.redeclared_on,
		scheme_employer_ref = excluded.scheme_employer_ref, payment_source = excluded.payment_source`,
		d.AccountID, d.Duties.Start.String(), d.Duties.PostponeMonths, d.Duties.ReEnrolment.String(), d.Declared.String(),
		d.ReDeclared.String(), d.SchemeRef, d.PaymentSource)
	return err
}

// PensionStates returns what is recorded about the pension of each PA of
// an account, by PA ID (a PA with nothing recorded is left out).
func (t *Tx) PensionStates(accountID int64) (map[int64]payroll.PensionState, error) {
	out := map[int64]payroll.PensionState{}
	err := scanAll(t, func(r *sql.Rows) error {
		var id int64
		var s payroll.PensionState
		if err := r.Scan(&id, dateScan{&s.Enrolled}, dateScan{&s.InfoGiven}, dateScan{&s.PostponedTo}, dateScan{&s.PostponementNotice},
			dateScan{&s.OptedOut}, dateScan{&s.Joined}, dateScan{&s.Stopped}); err != nil {
			return err
		}
		out[id] = s
		return nil
	}, `SELECT p.pa_id, p.enrolled_on, p.info_given_on, p.postponed_to, p.postponement_notice_on, p.opted_out_on, p.joined_on, p.stopped_on
		FROM pension_pas p JOIN pas ON pas.id = p.pa_id WHERE pas.account_id = ?`, accountID)
	return out, err
}

// SavePensionState stores what is recorded about a PA's pension,
// replacing any before.
func (t *Tx) SavePensionState(paID int64, s payroll.PensionState) error {
	_, err := t.exec(`INSERT INTO pension_pas (pa_id, enrolled_on, info_given_on, postponed_to, postponement_notice_on, opted_out_on, joined_on, stopped_on)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (pa_id) DO UPDATE SET enrolled_on = excluded.enrolled_on, info_given_on = excluded.info_given_on,
		postponed_to = excluded.postponed_to, postponement_notice_on = excluded.postponement_notice_on,
		opted_out_on = excluded.opted_out_on, joined_on = excluded.joined_on, stopped_on = excluded.stopped_on`,
		paID, s.Enrolled.String(), s.InfoGiven.String(), s.PostponedTo.String(), s.PostponementNotice.String(),
		s.OptedOut.String(), s.Joined.String(), s.Stopped.String())
	return err
}
