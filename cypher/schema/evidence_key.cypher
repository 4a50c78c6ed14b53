// Evidence is found by its fact key "subject_id|RELATION|object_id".
CREATE INDEX evidence_key IF NOT EXISTS FOR (v:Evidence) ON (v.key)
