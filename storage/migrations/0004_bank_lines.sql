-- What the bank said about each statement line in the ledger, so that the
-- same line is recognised when it comes again in another layout or format
-- (a CSV export and an OFX download of the same days describe a line
-- differently, so their import keys differ), and the bank accounts each
-- budget's statements came from. Nothing here changes the tables of
-- earlier migrations.

-- A statement line that is in the ledger: imported as a new line, taken
-- as the bank's record of a line entered by hand, or said by the person
-- to be the same as a line imported before (so one ledger line may have
-- several). import_key is the line's key (budget.ImportKey); bank_id is
-- the bank's own id for the line (an OFX FITID, '' when the statement has
-- none); balance_pence the running balance after it (NULL when none).
CREATE TABLE bank_lines (
    account_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    import_key     TEXT NOT NULL,
    ledger_id      INTEGER NOT NULL REFERENCES ledger(id) ON DELETE CASCADE,
    date           TEXT NOT NULL,
    amount_pence   INTEGER NOT NULL CHECK (amount_pence != 0),
    description    TEXT NOT NULL,
    bank_id        TEXT NOT NULL DEFAULT '',
    balance_pence  INTEGER,
    PRIMARY KEY (account_id, import_key)
) STRICT;

CREATE INDEX bank_lines_ledger ON bank_lines(ledger_id);
CREATE INDEX bank_lines_day ON bank_lines(account_id, date, amount_pence);

-- Lines imported before this migration: what the ledger has of them.
INSERT INTO bank_lines (account_id, import_key, ledger_id, date, amount_pence, description)
    SELECT account_id, import_key, id, date, amount_pence, payee FROM ledger WHERE import_key IS NOT NULL;

-- The bank accounts a budget's statements said they were for: the sort
-- code (six digits, '' when not said) and account number (digits, hidden
-- ones as '*', '' when not said).
CREATE TABLE statement_accounts (
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    sort_code   TEXT NOT NULL,
    number      TEXT NOT NULL,
    PRIMARY KEY (account_id, sort_code, number)
) STRICT;
