// Remove a document's evidence and MENTIONS before its changed text is loaded again;
// returns the fact keys whose relationships must then be recomputed.
// $rows: list of {doc_id}
UNWIND $rows AS row
MATCH (v:Evidence {doc_id: row.doc_id})
WITH row, v, v.key AS key, v.subject_id AS subject_id, v.relation AS relation, v.object_id AS object_id
DETACH DELETE v
WITH DISTINCT row, key, subject_id, relation, object_id
RETURN key, subject_id, relation, object_id
