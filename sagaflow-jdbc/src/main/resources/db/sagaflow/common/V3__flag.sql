-- Why an instance needs an operator's eye while it goes on (RETRYING: a step keeps failing and is
-- still retried; COMPENSATION_STALLED), or NULL. Listing the flagged ones reads only those rows.
ALTER TABLE saga_instance ADD COLUMN flag VARCHAR(40);
UPDATE saga_instance SET flag = 'COMPENSATION_STALLED' WHERE state = 'COMPENSATION_STALLED';
CREATE INDEX saga_instance_flagged ON saga_instance (flag, created_at) WHERE flag IS NOT NULL;
