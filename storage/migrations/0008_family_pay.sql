-- Family leave: a PA's episodes of maternity, paternity, adoption, shared
-- parental, parental bereavement and neonatal care leave, with the key
-- dates their statutory pay is worked out from (payroll.FamilyLeave). A
-- date not needed for the kind is ''. The pay itself is worked out by each
-- pay run from these dates and the stored payslips, never typed.
CREATE TABLE family_leave (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    pa_id        INTEGER NOT NULL REFERENCES pas(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('maternity', 'paternity', 'adoption', 'shared-parental', 'bereavement', 'neonatal')),
    expected_on  TEXT NOT NULL DEFAULT '',  -- the day the baby is due (MATB1)
    matched_on   TEXT NOT NULL DEFAULT '',  -- the day the adopter was told of the match
    born_on      TEXT NOT NULL DEFAULT '',  -- date of birth or placement
    died_on      TEXT NOT NULL DEFAULT '',  -- bereavement: the day the child died or was stillborn
    care_from    TEXT NOT NULL DEFAULT '',  -- neonatal: the day neonatal care began
    leave_from   TEXT NOT NULL CHECK (leave_from != ''),
    leave_to     TEXT NOT NULL DEFAULT '',  -- '': all the weeks claimed
    weeks        INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 39),
    note         TEXT NOT NULL DEFAULT '',
    CHECK (leave_to = '' OR leave_to >= leave_from)
) STRICT;

CREATE INDEX family_leave_pa ON family_leave(pa_id, leave_from);
