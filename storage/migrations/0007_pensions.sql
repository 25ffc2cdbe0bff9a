-- Workplace pensions: the employer's automatic enrolment duties and each
-- PA's pension events. Dates are YYYY-MM-DD, '' when not known. The
-- assessment of each payslip sits in the payslip's stored detail.

-- One row per budget whose employer has recorded their duties.
CREATE TABLE pension_duties (
    account_id          INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    -- The duties start date: the day the first PA started work.
    duties_start        TEXT NOT NULL CHECK (duties_start != ''),
    -- Postponement used, in whole months (0: none).
    postpone_months     INTEGER NOT NULL DEFAULT 0 CHECK (postpone_months BETWEEN 0 AND 3),
    -- The re-enrolment date chosen for the next round ('' : not chosen).
    reenrolment_date    TEXT NOT NULL DEFAULT '',
    -- When the declaration of compliance and the latest re-declaration
    -- were made.
    declared_on         TEXT NOT NULL DEFAULT '',
    redeclared_on       TEXT NOT NULL DEFAULT '',
    -- The scheme's reference for the employer (NEST: EMP and 9 digits)
    -- and the payment source named in the scheme's account.
    scheme_employer_ref TEXT NOT NULL DEFAULT '',
    payment_source      TEXT NOT NULL DEFAULT ''
) STRICT;

-- One row per PA with anything recorded about their pension.
CREATE TABLE pension_pas (
    pa_id                  INTEGER PRIMARY KEY REFERENCES pas(id) ON DELETE CASCADE,
    enrolled_on            TEXT NOT NULL DEFAULT '',
    info_given_on          TEXT NOT NULL DEFAULT '',
    postponed_to           TEXT NOT NULL DEFAULT '',
    postponement_notice_on TEXT NOT NULL DEFAULT '',
    opted_out_on           TEXT NOT NULL DEFAULT '',
    joined_on              TEXT NOT NULL DEFAULT '',
    stopped_on             TEXT NOT NULL DEFAULT ''
) STRICT;
