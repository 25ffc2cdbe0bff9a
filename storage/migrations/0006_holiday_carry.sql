-- The leave year and holiday carried over.
-- leave_year_from: the day and month a PA's leave years start (as an ISO
-- date; '' for the day and month they started).
-- holiday_carry_minutes: the most holiday the contract lets a PA carry
-- into the next leave year (0: none).
ALTER TABLE pas ADD COLUMN leave_year_from TEXT NOT NULL DEFAULT '';
ALTER TABLE contracts ADD COLUMN holiday_carry_minutes INTEGER NOT NULL DEFAULT 0 CHECK (holiday_carry_minutes >= 0);
