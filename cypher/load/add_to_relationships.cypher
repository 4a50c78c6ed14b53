// Add the asserted evidence of newly loaded documents to one relationship per
// (subject, relation, object): mentions and documents are added, first_seen / last_seen widened;
// the relationship is created when missing. Only for documents not counted before (new ones);
// facts touched by a replaced document are recomputed by refresh_relationships.cypher instead.
// Loaders are serialised by lock_loader.cypher, so looking up + CREATE cannot duplicate. The
// existing relationship is found by expanding from the subject (see refresh_relationships.cypher
// for why).
// Returns how many relationships already existed.
// $rows: list of {subject_id, relation, object_id, mentions, documents, first_seen, last_seen}; relation is checked against the allowlist before the write; first_seen / last_seen may be null.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject_id})
MATCH (o:Entity {id: row.object_id})
WITH s, o, row, [x IN [(s)-[y]->() | y] WHERE type(x) = row.relation AND endNode(x) = o] AS found
FOREACH (_ IN CASE WHEN size(found) = 0 THEN [1] ELSE [] END |
  CREATE (s)-[:$(row.relation) {mentions: row.mentions, documents: row.documents,
                                first_seen: row.first_seen, last_seen: row.last_seen}]->(o))
FOREACH (existing IN found |
  SET existing.mentions = existing.mentions + row.mentions,
      existing.documents = existing.documents + row.documents,
      existing.first_seen = CASE WHEN existing.first_seen IS NULL OR row.first_seen < existing.first_seen
                                 THEN coalesce(row.first_seen, existing.first_seen) ELSE existing.first_seen END,
      existing.last_seen = CASE WHEN existing.last_seen IS NULL OR row.last_seen > existing.last_seen
                                THEN coalesce(row.last_seen, existing.last_seen) ELSE existing.last_seen END)
RETURN sum(size(found)) AS updated
