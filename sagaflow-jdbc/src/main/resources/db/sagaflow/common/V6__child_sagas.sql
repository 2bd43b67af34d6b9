-- Child sagas (sub-sagas, branches of parallel steps). A child knows its parent, which it tells of its
-- end; a parent keeps, per step that starts children, which children ran and how each ended
-- (SagaRecord.Progress.joins, the engine's JSON). Both NULL for a saga with no such relation.
ALTER TABLE saga_instance ADD COLUMN parent_id VARCHAR(64);
ALTER TABLE saga_instance ADD COLUMN joins TEXT;
CREATE INDEX saga_instance_parent ON saga_instance (parent_id) WHERE parent_id IS NOT NULL;
