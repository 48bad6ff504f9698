-- Recovery without a hand (docs/cluster.md, "When an instance dies"): every running instance keeps a heartbeat
-- row; a record claim and a journal run carry the instance that holds them, so a claim of an instance whose
-- heartbeat stopped is taken over within a minute and a run it left RUNNING is closed as INTERRUPTED.
-- instance_id is one start of one instance (its name and a random part); name is mp1c.schedule.instanceId.
CREATE TABLE instances (
    instance_id   VARCHAR(100)  NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    started_at    TIMESTAMP     NOT NULL,
    heartbeat_at  TIMESTAMP     NOT NULL,
    CONSTRAINT pk_instances PRIMARY KEY (instance_id)
);
ALTER TABLE idempotency_key ADD COLUMN instance_id VARCHAR(100);
ALTER TABLE journal_run ADD COLUMN instance_id VARCHAR(100);
