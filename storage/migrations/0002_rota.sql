-- The rota: shifts, the patterns that fill them, absences, and timesheets.
-- Shift times are TEXT RFC 3339 with the UTC offset in force
-- (2026-10-24T22:00:00+01:00), so a shift across a clock change keeps its
-- true length.

ALTER TABLE accounts ADD COLUMN allow_two_to_one INTEGER NOT NULL DEFAULT 0 CHECK (allow_two_to_one IN (0, 1));
ALTER TABLE pas ADD COLUMN opted_out_48h INTEGER NOT NULL DEFAULT 0 CHECK (opted_out_48h IN (0, 1));

CREATE TABLE patterns (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    cycle       INTEGER NOT NULL CHECK (cycle IN (1, 2)),
    anchor      TEXT NOT NULL DEFAULT '',
    from_date   TEXT NOT NULL,
    until_date  TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE pattern_entries (
    pattern_id     INTEGER NOT NULL REFERENCES patterns(id) ON DELETE CASCADE,
    entry_id       INTEGER NOT NULL,
    pa_id          INTEGER NOT NULL REFERENCES pas(id),
    week           INTEGER NOT NULL,
    weekday        INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_minute   INTEGER NOT NULL,
    end_minute     INTEGER NOT NULL,
    type           TEXT NOT NULL,
    break_minutes  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (pattern_id, entry_id)
) STRICT;

CREATE TABLE shifts (
    id                INTEGER PRIMARY KEY,
    account_id        INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    pa_id             INTEGER REFERENCES pas(id),
    start_at          TEXT NOT NULL,
    end_at            TEXT NOT NULL,
    start_utc         TEXT NOT NULL,  -- for ordering and ranges
    type              TEXT NOT NULL,
    break_minutes     INTEGER NOT NULL DEFAULT 0,
    woken_minutes     INTEGER NOT NULL DEFAULT 0,
    status            TEXT NOT NULL,
    cover_for_pa_id   INTEGER REFERENCES pas(id),
    pattern_id        INTEGER REFERENCES patterns(id) ON DELETE SET NULL,
    pattern_entry_id  INTEGER NOT NULL DEFAULT 0,
    pattern_date      TEXT NOT NULL DEFAULT '',
    edited            INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
    note              TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX shifts_account_start ON shifts(account_id, start_utc);
CREATE INDEX shifts_pattern ON shifts(pattern_id, pattern_date);

CREATE TABLE absences (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    pa_id            INTEGER REFERENCES pas(id),
    kind             TEXT NOT NULL,
    from_date        TEXT NOT NULL,
    to_date          TEXT NOT NULL,
    qualifying_days  TEXT NOT NULL DEFAULT '',  -- weekday numbers, 0 = Sunday: "1,2,3,4,5"
    hospital_mode    TEXT NOT NULL DEFAULT '',
    note             TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX absences_account ON absences(account_id, from_date);

CREATE TABLE timesheets (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    pa_id         INTEGER NOT NULL REFERENCES pas(id),
    from_date     TEXT NOT NULL,
    to_date       TEXT NOT NULL,
    status        TEXT NOT NULL,
    rota_snapshot TEXT NOT NULL DEFAULT '[]',  -- JSON: the shifts planned when it was made
    signed_name   TEXT NOT NULL DEFAULT '',
    signed_on     TEXT NOT NULL DEFAULT '',
    approved_by   TEXT NOT NULL DEFAULT '',
    approved_on   TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    UNIQUE (pa_id, from_date)
) STRICT;

CREATE TABLE timesheet_entries (
    timesheet_id   INTEGER NOT NULL REFERENCES timesheets(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    shift_id       INTEGER NOT NULL DEFAULT 0,
    start_at       TEXT NOT NULL,
    end_at         TEXT NOT NULL,
    type           TEXT NOT NULL,
    break_minutes  INTEGER NOT NULL DEFAULT 0,
    woken_minutes  INTEGER NOT NULL DEFAULT 0,
    retained       INTEGER NOT NULL DEFAULT 0,
    mileage_tenths INTEGER NOT NULL DEFAULT 0,
    expenses_pence INTEGER NOT NULL DEFAULT 0,
    note           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (timesheet_id, position)
) STRICT;
