-- The council's returns: which council profile a budget follows, each
-- return produced (its files kept, so it can be produced again byte for
-- byte), and whether it was sent. A sent return locks its period: a
-- ledger line dated in it can't be added, changed or removed; a
-- correction is a new line in an open period that names the return.
ALTER TABLE accounts ADD COLUMN council_profile TEXT NOT NULL DEFAULT '';

CREATE TABLE returns (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    from_date   TEXT NOT NULL,
    to_date     TEXT NOT NULL,
    produced_on TEXT NOT NULL,
    sent_on     TEXT NOT NULL DEFAULT '',
    pdf         BLOB NOT NULL,
    html        BLOB NOT NULL,
    csv         BLOB NOT NULL,
    CHECK (to_date >= from_date),
    UNIQUE (account_id, from_date, to_date)
) STRICT;

ALTER TABLE ledger ADD COLUMN corrects_return_id INTEGER REFERENCES returns(id) ON DELETE SET NULL;
