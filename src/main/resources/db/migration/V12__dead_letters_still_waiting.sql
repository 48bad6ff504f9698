-- A record parked again while its dead letter is still open (the same unmapped product on every poll) is one
-- waiting dead letter, not a new one each run: the journal tells the two apart (docs/dead-letters.md).
-- dead_letters stays the total of the run; still_waiting is the part of it that was already open before.
ALTER TABLE journal_record ADD COLUMN still_waiting BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE journal_run ADD COLUMN still_waiting INT NOT NULL DEFAULT 0;
ALTER TABLE journal_run ADD COLUMN bulk_still_waiting INT NOT NULL DEFAULT 0;
