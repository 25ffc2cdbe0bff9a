-- The household: direct payment accounts, employer details, PAs, their
-- contracts and rates, employer's liability insurance, and the audit log.
-- Money is INTEGER pence; dates are TEXT YYYY-MM-DD ('' when not set);
-- durations are INTEGER minutes; percentages are INTEGER basis points.

CREATE TABLE accounts (
    id                     INTEGER PRIMARY KEY,
    name                   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    person_supported       TEXT NOT NULL,
    managed_by             TEXT NOT NULL DEFAULT '',
    capacity               TEXT NOT NULL CHECK (capacity IN ('self', 'suitable-person', 'nominated-person')),
    council                TEXT NOT NULL,
    council_reference      TEXT NOT NULL DEFAULT '',
    payment_pence          INTEGER NOT NULL CHECK (payment_pence >= 0),
    payment_frequency      TEXT NOT NULL,
    contribution_pence     INTEGER NOT NULL DEFAULT 0 CHECK (contribution_pence >= 0),
    contribution_frequency TEXT NOT NULL DEFAULT '',
    support_minutes_week   INTEGER NOT NULL DEFAULT 0,
    start_date             TEXT NOT NULL,
    return_period          TEXT NOT NULL,
    surplus_limit_weeks    INTEGER NOT NULL DEFAULT 8,
    contingency_pence      INTEGER NOT NULL DEFAULT 0,
    review_date            TEXT NOT NULL DEFAULT '',
    notes                  TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE employers (
    account_id                INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    name                      TEXT NOT NULL,
    address                   TEXT NOT NULL DEFAULT '',
    paye_reference            TEXT NOT NULL DEFAULT '',
    accounts_office_reference TEXT NOT NULL DEFAULT '',
    employment_allowance      INTEGER NOT NULL DEFAULT 0 CHECK (employment_allowance IN (0, 1)),
    pay_frequency             TEXT NOT NULL,
    payday                    TEXT NOT NULL
) STRICT;

CREATE TABLE pas (
    id                 INTEGER PRIMARY KEY,
    account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name               TEXT NOT NULL,
    address            TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT '',
    email              TEXT NOT NULL DEFAULT '',
    date_of_birth      TEXT NOT NULL DEFAULT '',
    ni_number          TEXT NOT NULL DEFAULT '',
    start_date         TEXT NOT NULL,
    leaving_date       TEXT NOT NULL DEFAULT '',
    leaving_reason     TEXT NOT NULL DEFAULT '',
    rtw_check_date     TEXT NOT NULL DEFAULT '',
    rtw_document       TEXT NOT NULL DEFAULT '',
    dbs_number         TEXT NOT NULL DEFAULT '',
    dbs_issue_date     TEXT NOT NULL DEFAULT '',
    emergency_contact  TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    tax_code           TEXT NOT NULL,
    week1_month1       INTEGER NOT NULL DEFAULT 0 CHECK (week1_month1 IN (0, 1)),
    ni_category        TEXT NOT NULL DEFAULT 'A',
    student_loan       TEXT NOT NULL DEFAULT '',
    postgrad_loan      INTEGER NOT NULL DEFAULT 0 CHECK (postgrad_loan IN (0, 1)),
    starter_statement  TEXT NOT NULL DEFAULT '',
    p45_pay_pence      INTEGER NOT NULL DEFAULT 0,
    p45_tax_pence      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (account_id, name)
) STRICT;

CREATE TABLE contracts (
    id                     INTEGER PRIMARY KEY,
    pa_id                  INTEGER NOT NULL REFERENCES pas(id) ON DELETE CASCADE,
    effective_from         TEXT NOT NULL,
    hours_type             TEXT NOT NULL CHECK (hours_type IN ('fixed', 'irregular')),
    contracted_minutes_week INTEGER NOT NULL DEFAULT 0,
    day_rate_pence         INTEGER NOT NULL,
    waking_night_rate_pence INTEGER NOT NULL DEFAULT 0,
    weekend_rate_pence     INTEGER NOT NULL DEFAULT 0,
    bank_holiday_rate_pence INTEGER NOT NULL DEFAULT 0,
    sleep_in_pence         INTEGER NOT NULL DEFAULT 0,
    holiday_method         TEXT NOT NULL,
    pension_scheme         TEXT NOT NULL DEFAULT '',
    pension_method         TEXT NOT NULL DEFAULT 'none',
    pension_basis          TEXT NOT NULL DEFAULT 'qualifying',
    pension_employee_bp    INTEGER NOT NULL DEFAULT 0,
    pension_employer_bp    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (pa_id, effective_from)
) STRICT;

CREATE TABLE insurance (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    insurer        TEXT NOT NULL,
    policy_number  TEXT NOT NULL,
    cover_pence    INTEGER NOT NULL,
    start_date     TEXT NOT NULL,
    renewal_date   TEXT NOT NULL,
    premium_pence  INTEGER NOT NULL DEFAULT 0,
    notes          TEXT NOT NULL DEFAULT ''
) STRICT;

-- Every change a person makes, in order: what makes a return trustworthy.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    account_id  INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    action      TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX pas_account ON pas(account_id);
CREATE INDEX insurance_account ON insurance(account_id);
CREATE INDEX audit_account ON audit_log(account_id, at);
