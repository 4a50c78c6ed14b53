// Split a merged short name back (a second full name with its surname has been loaded, so "Clinton" alone no longer says whom it means): the Entity of the short name is made again from its MergedName node (id, name, type, aliases), and the evidence, MENTIONS and alias keys that came from it (subject_as / object_as / reported_by_as, via) return to it; the full name keeps only what is its own. The loader recomputes the facts returned (old and new keys).
// $rows: list of one {short_id}
UNWIND $rows AS row
MATCH (m:MergedName {id: row.short_id})-[:MERGED_INTO]->(f:Entity)
MERGE (s:Entity {id: m.id})
ON CREATE SET s.name = m.name, s.type = m.type, s.aliases = [], s:$(m.type)
SET s.aliases = s.aliases + [a IN m.aliases WHERE NOT a IN s.aliases], s.bare_surname = m.bare_surname
WITH m, f, s
CALL (m, f) {
  MATCH (d:Document)-[r:MENTIONS]->(f) WHERE m.id IN coalesce(r.via, [])
  MATCH (v:Evidence {doc_id: d.id})
  WHERE m.id IN [v.subject_as, v.object_as, v.reported_by_as]
  WITH v, v.key AS old_key, v.subject_id AS old_subject_id, v.object_id AS old_object_id,
       CASE v.subject_as WHEN m.id THEN m.id ELSE v.subject_id END AS subject_id,
       CASE v.object_as WHEN m.id THEN m.id ELSE v.object_id END AS object_id,
       CASE v.reported_by_as WHEN m.id THEN m.id ELSE v.reported_by_id END AS reported_by_id,
       CASE v.subject_as WHEN m.id THEN null ELSE v.subject_as END AS subject_as,
       CASE v.object_as WHEN m.id THEN null ELSE v.object_as END AS object_as,
       CASE v.reported_by_as WHEN m.id THEN null ELSE v.reported_by_as END AS reported_by_as
  SET v.subject_id = subject_id, v.object_id = object_id, v.reported_by_id = reported_by_id,
      v.subject_as = subject_as, v.object_as = object_as, v.reported_by_as = reported_by_as,
      v.key = {{ fact_key(subject_id, v.relation, object_id) }}
  RETURN collect(DISTINCT {key: old_key, subject_id: old_subject_id, relation: v.relation, object_id: old_object_id})
         + collect(DISTINCT {key: v.key, subject_id: subject_id, relation: v.relation, object_id: object_id}) AS facts
}
CALL (m, f, s) {
  MATCH (d:Document)-[r:MENTIONS]->(f) WHERE m.id IN coalesce(r.via, [])
  MERGE (d)-[:MENTIONS]->(s)
  WITH r, [x IN r.via WHERE x <> m.id] AS rest
  SET r.via = CASE WHEN size(rest) = 0 THEN null ELSE rest END
  WITH r WHERE r.via IS NULL AND r.indirect
  DELETE r
}
CALL (m, f, s) {
  MATCH (a:Alias)-[r:ALIAS_OF]->(f) WHERE m.id IN coalesce(r.via, [])
  MERGE (a)-[:ALIAS_OF]->(s)
  WITH r, [x IN r.via WHERE x <> m.id] AS rest
  SET r.via = CASE WHEN size(rest) = 0 THEN null ELSE rest END
  WITH r WHERE r.via IS NULL AND r.indirect
  DELETE r
}
DETACH DELETE m
WITH f, facts, [(o:MergedName)-[:MERGED_INTO]->(f) | o.aliases] AS others
WITH f, facts, others, coalesce(f.own_aliases, f.aliases) AS own, reduce(acc = [], list IN others | acc + list) AS theirs
SET f.aliases = own + COLLECT { UNWIND [a IN theirs WHERE NOT a IN own] AS a RETURN DISTINCT a ORDER BY a }
SET f.own_aliases = CASE WHEN size(others) = 0 THEN null ELSE f.own_aliases END
RETURN facts
