// Recompute one relationship per (subject, relation, object) from its asserted evidence:
// mentions, documents, first_seen, last_seen, and (as if it had no endings: facts with endings
// are then recomputed by refresh_timelines.cypher) current, since, last_asserted; creates it when missing. Keys without asserted
// evidence are left to delete_unsupported_relationships.cypher. Loaders are serialised by
// lock_loader.cypher, so looking up + CREATE cannot duplicate. The existing relationship is
// found by expanding from the subject: on 5.26 a MERGE or OPTIONAL MATCH between two bound
// nodes may be planned as a scan of all relationships while the graph is still empty.
// Used for the facts of replaced documents; those of new documents go through add_to_relationships.cypher.
// Returns how many relationships already existed.
// $rows: list of {key, subject_id, relation, object_id}; relation is checked against the allowlist before the write.
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (v:Evidence {key: row.key})
  WHERE v.status = 'asserted' AND NOT coalesce(v.ends, false)
  RETURN count(v) AS mentions, count(DISTINCT v.doc_id) AS documents,
         min(v.published) AS first_seen, max(v.published) AS last_seen,
         min(coalesce(v.event_date, v.published)) AS since, max(coalesce(v.event_date, v.published)) AS last_asserted
}
WITH row, mentions, documents, first_seen, last_seen, since, last_asserted
WHERE mentions > 0
MATCH (s:Entity {id: row.subject_id})
MATCH (o:Entity {id: row.object_id})
WITH s, o, row, mentions, documents, first_seen, last_seen, since, last_asserted,
     [x IN [(s)-[y]->() | y] WHERE type(x) = row.relation AND endNode(x) = o] AS found
FOREACH (_ IN CASE WHEN size(found) = 0 THEN [1] ELSE [] END |
  CREATE (s)-[:$(row.relation) {mentions: mentions, documents: documents, first_seen: first_seen, last_seen: last_seen,
                                current: true, since: since, last_asserted: last_asserted}]->(o))
FOREACH (existing IN found |
  SET existing.mentions = mentions, existing.documents = documents,
      existing.first_seen = first_seen, existing.last_seen = last_seen,
      existing.current = true, existing.since = since, existing.last_asserted = last_asserted, existing.ended = null)
RETURN sum(size(found)) AS updated
