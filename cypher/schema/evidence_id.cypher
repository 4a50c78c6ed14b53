// Evidence (one sentence supporting one relation mention) is unique by a stable id.
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (v:Evidence) REQUIRE v.id IS UNIQUE
