-- A run that stops (a poll that failed: wrong token, the marketplace or 1C down after the retries) leaves the records
-- it had fetched but never tried: they are counted, not lost, so that every run adds up
-- (fetched = done + skipped + dead_letters + not_attempted; the run's message says why). docs/dead-letters.md.
ALTER TABLE journal_run ADD COLUMN not_attempted INT NOT NULL DEFAULT 0;

-- A replay claims its dead letter first (one caller wins the UPDATE ... WHERE replay_claimed_at IS NULL), so that
-- parallel replays of one letter send it once. A claim older than the replay timeout is taken over.
ALTER TABLE dead_letter ADD COLUMN replay_claimed_at TIMESTAMP;
