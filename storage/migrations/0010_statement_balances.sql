-- What the bank said: the balance at the end of each day an imported
-- statement covered (the latest import of a day wins), so the ledger can
-- be held against the bank.
CREATE TABLE statement_balances (
    account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    date          TEXT NOT NULL,
    balance_pence INTEGER NOT NULL,
    PRIMARY KEY (account_id, date)
) STRICT;
