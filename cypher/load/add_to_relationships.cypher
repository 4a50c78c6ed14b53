// Add the asserted evidence of newly loaded documents to one relationship per
// (subject, relation, object): mentions and documents are added, first_seen / last_seen widened;
// the relationship is created when missing. Only for documents not counted before (new ones);
// facts touched by a replaced document are recomputed by refresh_relationships.cypher instead.
// Loaders are serialised by lock_loader.cypher, so looking up + CREATE cannot duplicate. The
// existing relationship is found by expanding from the subject (see refresh_relationships.cypher
// for why).
// Returns how many relationships already existed.
// Facts without endings hold: current, since their earliest event date, last asserted at their
// latest (an event's date is its sentence's event_date, else its document's publication date);
// facts with endings are recomputed afterwards by refresh_timelines.cypher.
// $rows: list of {subject_id, relation, object_id, mentions, documents, first_seen, last_seen, since, last_asserted}; relation is checked against the allowlist before the write; first_seen / last_seen / since / last_asserted may be null.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject_id})
MATCH (o:Entity {id: row.object_id})
WITH s, o, row, [x IN [(s)-[y]->() | y] WHERE type(x) = row.relation AND endNode(x) = o] AS found
FOREACH (_ IN CASE WHEN size(found) = 0 THEN [1] ELSE [] END |
  CREATE (s)-[:$(row.relation) {mentions: row.mentions, documents: row.documents,
                                first_seen: row.first_seen, last_seen: row.last_seen,
                                current: true, since: row.since, last_asserted: row.last_asserted}]->(o))
FOREACH (existing IN found |
  SET existing.mentions = existing.mentions + row.mentions,
      existing.documents = existing.documents + row.documents,
      existing.first_seen = CASE WHEN existing.first_seen IS NULL OR row.first_seen < existing.first_seen
                                 THEN coalesce(row.first_seen, existing.first_seen) ELSE existing.first_seen END,
      existing.last_seen = CASE WHEN existing.last_seen IS NULL OR row.last_seen > existing.last_seen
                                THEN coalesce(row.last_seen, existing.last_seen) ELSE existing.last_seen END,
      existing.since = CASE WHEN existing.since IS NULL OR row.since < existing.since
                            THEN coalesce(row.since, existing.since) ELSE existing.since END,
      existing.last_asserted = CASE WHEN existing.last_asserted IS NULL OR row.last_asserted > existing.last_asserted
                                    THEN coalesce(row.last_asserted, existing.last_asserted) ELSE existing.last_asserted END)
RETURN sum(size(found)) AS updated
