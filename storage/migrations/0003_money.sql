-- Money: the direct payment account's ledger, what is owed, money set
-- aside, known bills, categories, the payee rules learnt from bank
-- statements, and receipts. Money is INTEGER pence; dates are TEXT
-- YYYY-MM-DD ('' when not set). Nothing here changes the tables of
-- earlier migrations: an account with no row in money_accounts has the
-- defaults (opening balance £0.00 on the budget's start date).

-- The account's opening balance and the dates its payment schedules run
-- from. The amounts and frequencies stay on accounts.
CREATE TABLE money_accounts (
    account_id          INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    opening_pence       INTEGER NOT NULL DEFAULT 0,
    opening_date        TEXT NOT NULL,
    payment_first       TEXT NOT NULL DEFAULT '',
    contribution_first  TEXT NOT NULL DEFAULT '',
    hmrc_quarterly      INTEGER NOT NULL DEFAULT 0 CHECK (hmrc_quarterly IN (0, 1))
) STRICT;

-- The account's categories in the order a form offers them. No rows means
-- the defaults. A hidden category is not offered for new lines but stays
-- valid for the lines that use it.
CREATE TABLE money_categories (
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL COLLATE NOCASE,
    income      INTEGER NOT NULL CHECK (income IN (0, 1)),
    hidden      INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    PRIMARY KEY (account_id, name)
) STRICT;

-- Money owed: a PA's net pay, HMRC, the pension scheme, an invoice.
CREATE TABLE owed (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('net-pay', 'hmrc', 'pension', 'invoice')),
    payee         TEXT NOT NULL,
    amount_pence  INTEGER NOT NULL CHECK (amount_pence > 0),
    raised        TEXT NOT NULL DEFAULT '',
    due           TEXT NOT NULL,
    settled       INTEGER NOT NULL DEFAULT 0 CHECK (settled IN (0, 1))
) STRICT;

CREATE INDEX owed_account ON owed(account_id, due);

-- The ledger: every transaction in and out of the account.
CREATE TABLE ledger (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    date          TEXT NOT NULL,
    payee         TEXT NOT NULL,
    amount_pence  INTEGER NOT NULL CHECK (amount_pence != 0),
    category      TEXT NOT NULL DEFAULT '',
    reference     TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    reconciled    INTEGER NOT NULL DEFAULT 0 CHECK (reconciled IN (0, 1)),
    import_key    TEXT,  -- NULL when entered by hand and not matched to a bank line
    settles_id    INTEGER REFERENCES owed(id) ON DELETE SET NULL,
    UNIQUE (account_id, import_key)
) STRICT;

CREATE INDEX ledger_account_date ON ledger(account_id, date);
CREATE INDEX ledger_settles ON ledger(settles_id);

-- Receipts and invoices for a transaction, kept inside the file.
CREATE TABLE receipts (
    id              INTEGER PRIMARY KEY,
    transaction_id  INTEGER NOT NULL REFERENCES ledger(id) ON DELETE CASCADE,
    file_name       TEXT NOT NULL,
    media_type      TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'application/pdf')),
    size            INTEGER NOT NULL,
    bytes           BLOB NOT NULL,
    added           TEXT NOT NULL
) STRICT;

CREATE INDEX receipts_transaction ON receipts(transaction_id);

-- Categories a person confirmed for a payee when importing, oldest first.
CREATE TABLE payee_rules (
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    match_text  TEXT NOT NULL,
    category    TEXT NOT NULL,
    PRIMARY KEY (account_id, match_text)
) STRICT;

-- Money held for a named purpose ("HMRC quarter", "holiday cover").
CREATE TABLE set_asides (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    purpose       TEXT NOT NULL,
    amount_pence  INTEGER NOT NULL CHECK (amount_pence >= 0)
) STRICT;

-- Known payments out in the future, for the forecast.
CREATE TABLE bills (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    payee         TEXT NOT NULL,
    amount_pence  INTEGER NOT NULL CHECK (amount_pence >= 0),
    date          TEXT NOT NULL,
    repeat_every  TEXT NOT NULL DEFAULT '',
    until_date    TEXT NOT NULL DEFAULT ''
) STRICT;
