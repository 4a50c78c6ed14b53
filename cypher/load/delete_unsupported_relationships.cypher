// Delete the relationship of each (subject, relation, object) that has no asserted evidence
// left (its documents changed, or its only mentions are negated or hypothetical). Expands
// from the subject (see refresh_relationships.cypher for why).
// $rows: list of {key, subject_id, relation, object_id}
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject_id})
WHERE NOT EXISTS { MATCH (v:Evidence {key: row.key}) WHERE v.status = 'asserted' AND NOT coalesce(v.ends, false) }
WITH s, row, [x IN [(s)-[y]->() | y] WHERE type(x) = row.relation AND endNode(x).id = row.object_id] AS stale
FOREACH (r IN stale | DELETE r)
