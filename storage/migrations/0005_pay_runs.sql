-- Pay runs: each payday's finalised payslips, what they raised in Money,
-- what HMRC has been paid, and what has been sent to HMRC. A finalised run
-- is never changed: it is reversed (with a reason) and run again, and the
-- reversed run stays here as a record.

-- The first day of a pay period, for weekly, fortnightly and four-weekly
-- pay ('' : the day the direct payment started).
ALTER TABLE employers ADD COLUMN pay_from TEXT NOT NULL DEFAULT '';

CREATE TABLE pay_runs (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    payday          TEXT NOT NULL,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    tax_year        INTEGER NOT NULL,
    frequency       TEXT NOT NULL,
    tax_period      INTEGER NOT NULL,
    -- The Employment Allowance this run used (employer's NI not paid).
    allowance_pence INTEGER NOT NULL DEFAULT 0 CHECK (allowance_pence >= 0),
    finalised_at    TEXT NOT NULL,
    reversed_at     TEXT NOT NULL DEFAULT '',
    reversal_reason TEXT NOT NULL DEFAULT ''
) STRICT;

-- At most one run in force for a payday.
CREATE UNIQUE INDEX pay_runs_live ON pay_runs(account_id, payday) WHERE reversed_at = '';

-- One PA's payslip in a run: the engine's input and its result, as JSON
-- (so every stored payslip can be worked out again and compared), and the
-- figures the records add up, as columns.
CREATE TABLE payslips (
    id                     INTEGER PRIMARY KEY,
    run_id                 INTEGER NOT NULL REFERENCES pay_runs(id) ON DELETE CASCADE,
    pa_id                  INTEGER NOT NULL REFERENCES pas(id),
    pa_name                TEXT NOT NULL,
    minutes                INTEGER NOT NULL DEFAULT 0,
    miles_tenths           INTEGER NOT NULL DEFAULT 0,
    gross_pence            INTEGER NOT NULL,
    taxable_pence          INTEGER NOT NULL,
    ni_pay_pence           INTEGER NOT NULL,
    tax_pence              INTEGER NOT NULL,
    employee_ni_pence      INTEGER NOT NULL,
    employer_ni_pence      INTEGER NOT NULL,
    student_loan_pence     INTEGER NOT NULL,
    pg_loan_pence          INTEGER NOT NULL,
    pension_employee_pence INTEGER NOT NULL,
    pension_employer_pence INTEGER NOT NULL,
    expenses_pence         INTEGER NOT NULL,
    net_pence              INTEGER NOT NULL,
    input                  TEXT NOT NULL,  -- JSON: payroll.PayslipInput
    result                 TEXT NOT NULL,  -- JSON: payroll.Payslip
    sources                TEXT NOT NULL DEFAULT '[]', -- JSON: where each line came from
    warnings               TEXT NOT NULL DEFAULT '[]', -- JSON: what the preview warned of
    UNIQUE (run_id, pa_id)
) STRICT;

CREATE INDEX payslips_pa ON payslips(pa_id);

-- Lines entered by hand for a PA's pay on a payday: back pay, a
-- correction, a bonus, expenses. run_id is set when a run pays them.
CREATE TABLE pay_adjustments (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    pa_id        INTEGER NOT NULL REFERENCES pas(id) ON DELETE CASCADE,
    payday       TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('back-pay', 'correction', 'bonus', 'expenses')),
    description  TEXT NOT NULL,
    amount_pence INTEGER NOT NULL CHECK (amount_pence != 0),
    run_id       INTEGER REFERENCES pay_runs(id)
) STRICT;

CREATE INDEX pay_adjustments_payday ON pay_adjustments(account_id, payday);

-- The run that paid a timesheet, and the run that raised an owed item
-- (a PA's net pay, the pension). What is owed to HMRC is one item per tax
-- month or quarter (hmrc_period, its key), which each run adds to, since
-- HMRC is paid once for the period.
ALTER TABLE timesheets ADD COLUMN pay_run_id INTEGER REFERENCES pay_runs(id);
ALTER TABLE owed ADD COLUMN pay_run_id INTEGER REFERENCES pay_runs(id);
ALTER TABLE owed ADD COLUMN hmrc_period TEXT NOT NULL DEFAULT '';
CREATE INDEX owed_hmrc_period ON owed(account_id, hmrc_period) WHERE hmrc_period != '';

-- When each HMRC period's bill was paid, as the person marks it.
CREATE TABLE hmrc_paid (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    period     TEXT NOT NULL,   -- payroll.HMRCPeriod.Key: "2026-27 M08", "2026-27 Q3"
    paid_on    TEXT NOT NULL,
    PRIMARY KEY (account_id, period)
) STRICT;

-- What has been sent to HMRC, as the person marks it: an FPS for a payday,
-- a nil EPS for a tax month, the Employment Allowance claim for a year.
CREATE TABLE hmrc_filed (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('fps', 'nil-eps', 'allowance-eps')),
    ref        TEXT NOT NULL,   -- the payday, the tax month's key, or the tax year
    done_on    TEXT NOT NULL,
    PRIMARY KEY (account_id, kind, ref)
) STRICT;
