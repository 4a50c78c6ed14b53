// Merge a short name (a person named by surname alone, "Putin") into the one full name of its type with that surname ("Vladimir Putin"), as loader/short_names.py decided: its evidence, MENTIONS and alias keys move to the full name, and the short name is kept as a MergedName node, so that it can be split back (split_short_names.cypher) if a second full name with that surname is loaded.
// Evidence: the short id in subject_id, object_id or reported_by_id becomes the full id, the short id is kept in subject_as, object_as or reported_by_as, and the fact key is rebuilt. MENTIONS and ALIAS_OF links move to the full name, each listing in via the short ids it came from (indirect when the full name had no such link of its own). The full name's aliases gain the short name's (its own are kept in own_aliases). The short name's relationships go with it; the loader recomputes the facts returned (refresh_relationships.cypher, delete_unsupported_relationships.cypher, refresh_timelines.cypher).
// $rows: list of one {short_id, full_id}
UNWIND $rows AS row
MATCH (s:Entity {id: row.short_id})
MATCH (f:Entity {id: row.full_id})
CALL (s, f) {
  MATCH (d:Document)-[:MENTIONS]->(s)
  MATCH (v:Evidence {doc_id: d.id})
  WHERE s.id IN [v.subject_id, v.object_id, v.reported_by_id]
  WITH v, CASE v.subject_id WHEN s.id THEN f.id ELSE v.subject_id END AS subject_id,
       CASE v.object_id WHEN s.id THEN f.id ELSE v.object_id END AS object_id,
       CASE v.reported_by_id WHEN s.id THEN f.id ELSE v.reported_by_id END AS reported_by_id,
       CASE v.subject_id WHEN s.id THEN s.id ELSE v.subject_as END AS subject_as,
       CASE v.object_id WHEN s.id THEN s.id ELSE v.object_as END AS object_as,
       CASE v.reported_by_id WHEN s.id THEN s.id ELSE v.reported_by_as END AS reported_by_as
  SET v.subject_id = subject_id, v.object_id = object_id, v.reported_by_id = reported_by_id,
      v.subject_as = subject_as, v.object_as = object_as, v.reported_by_as = reported_by_as,
      v.key = {{ fact_key(subject_id, v.relation, object_id) }}
  RETURN collect(DISTINCT {key: v.key, subject_id: subject_id, relation: v.relation, object_id: object_id}) AS facts
}
CALL (s, f) {
  MATCH (d:Document)-[r:MENTIONS]->(s)
  MERGE (d)-[n:MENTIONS]->(f)
  ON CREATE SET n.indirect = true
  SET n.via = CASE WHEN s.id IN coalesce(n.via, []) THEN n.via ELSE coalesce(n.via, []) + s.id END
  DELETE r
}
CALL (s, f) {
  MATCH (a:Alias)-[r:ALIAS_OF]->(s)
  MERGE (a)-[n:ALIAS_OF]->(f)
  ON CREATE SET n.indirect = true
  SET n.via = CASE WHEN s.id IN coalesce(n.via, []) THEN n.via ELSE coalesce(n.via, []) + s.id END
  DELETE r
}
MERGE (m:MergedName {id: s.id})
ON CREATE SET m.name = s.name, m.type = s.type, m.aliases = []
SET m.aliases = m.aliases + [a IN s.aliases WHERE NOT a IN m.aliases], m.bare_surname = s.bare_surname
MERGE (m)-[:MERGED_INTO]->(f)
SET f.own_aliases = coalesce(f.own_aliases, f.aliases)
// its own aliases first, then those of the short names in alphabetical order (not in load order)
SET f.aliases = f.own_aliases + COLLECT { UNWIND [a IN f.aliases + s.aliases WHERE NOT a IN f.own_aliases] AS a
                                          RETURN DISTINCT a ORDER BY a }
DETACH DELETE s
RETURN facts
