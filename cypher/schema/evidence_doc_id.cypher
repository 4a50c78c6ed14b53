// Evidence is found by the document it came from (to replace a changed document's evidence).
CREATE INDEX evidence_doc_id IF NOT EXISTS FOR (v:Evidence) ON (v.doc_id)
