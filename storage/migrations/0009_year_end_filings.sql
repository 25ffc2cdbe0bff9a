-- The year end joins the filing list: the final submission for the year
-- ('final') and the P60s ('p60'), each marked done per tax year.
CREATE TABLE hmrc_filed_new (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('fps', 'nil-eps', 'allowance-eps', 'final', 'p60')),
    ref        TEXT NOT NULL,   -- the payday, the tax month's key, or the tax year
    done_on    TEXT NOT NULL,
    PRIMARY KEY (account_id, kind, ref)
) STRICT;
INSERT INTO hmrc_filed_new (account_id, kind, ref, done_on) SELECT account_id, kind, ref, done_on FROM hmrc_filed;
DROP TABLE hmrc_filed;
ALTER TABLE hmrc_filed_new RENAME TO hmrc_filed;
