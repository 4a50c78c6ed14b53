// Recompute one relationship per (subject, relation, object) from its asserted evidence:
// mentions, documents, first_seen, last_seen; delete it when no asserted evidence is left.
// Both endpoints are write-locked first, so concurrent loaders count each other's evidence.
// $rows: list of {key, subject_id, relation, object_id}; relation is checked against the allowlist before the write.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject_id})
MATCH (o:Entity {id: row.object_id})
SET s._lock = true, o._lock = true
REMOVE s._lock, o._lock
WITH s, o, row
CALL (row) {
  OPTIONAL MATCH (v:Evidence {key: row.key})
  WHERE v.status = 'asserted'
  RETURN count(v) AS mentions, count(DISTINCT v.doc_id) AS documents,
         min(v.published) AS first_seen, max(v.published) AS last_seen
}
FOREACH (_ IN CASE WHEN mentions > 0 THEN [1] ELSE [] END |
  MERGE (s)-[r:$(row.relation)]->(o)
  SET r.mentions = mentions, r.documents = documents, r.first_seen = first_seen, r.last_seen = last_seen)
WITH s, o, row, mentions
WHERE mentions = 0
OPTIONAL MATCH (s)-[stale:$(row.relation)]->(o)
DELETE stale
