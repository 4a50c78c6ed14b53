// Refusals: who said they do not, will not or did not do what a relation says (negated evidence: "Spain will not recognize Kosovo"), by relation type, subject and/or object; one row per (subject, relation, object) with its sentences, the dates they were said, and whether the relation is nevertheless asserted now.
// $relation (optional, relation): relationship type such as "RECOGNIZES" (case, spaces and hyphens ignored: "deploys to"); empty string or null for any type
// $subject (optional): name or alias of the entity that refused (e.g. "Spain"), matched case-, accent- and punctuation-insensitively; empty string or null for any
// $object (optional): name or alias of the entity refused (e.g. "Kosovo"), matched case-, accent- and punctuation-insensitively; empty string or null for any
// Generated from cypher/templates/queries/refusals.cypher by `make cypher`: edit the template, not this file.
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($subject, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS subject_key,
     reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($object, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS object_key,
     replace(replace(toUpper(trim(coalesce($relation, ''))), ' ', '_'), '-', '_') AS relation
CALL (subject_key, object_key, relation) {
  // the subject given: its evidence keys start with its id (index seek on the prefix)
  WITH subject_key, relation WHERE subject_key <> ''
  MATCH (alias:Alias {key: subject_key})-[:ALIAS_OF]->(s:Entity) USING INDEX SEEK alias:Alias(key)
  MATCH (v:Evidence) USING INDEX v:Evidence(key)
  WHERE v.key STARTS WITH CASE relation WHEN '' THEN s.id + '|' ELSE s.id + '|' + relation + '|' END
    AND v.subject_id = s.id AND v.status = 'negated'
  RETURN v
  UNION
  // only the object given: the evidence of the documents that mention it
  WITH subject_key, object_key, relation WHERE subject_key = '' AND object_key <> ''
  MATCH (alias2:Alias {key: object_key})-[:ALIAS_OF]->(o:Entity) USING INDEX SEEK alias2:Alias(key)
  MATCH (o)<-[:MENTIONS]-(:Document)<-[:FROM_DOCUMENT]-(v:Evidence)
  WHERE v.object_id = o.id AND v.status = 'negated' AND (relation = '' OR v.relation = relation)
  RETURN v
  UNION
  // neither given: every negated statement (of the type); the scan runs only then
  UNWIND CASE WHEN subject_key = '' AND object_key = '' THEN [relation] ELSE [] END AS any_relation
  MATCH (v:Evidence)
  WHERE v.status = 'negated' AND (any_relation = '' OR v.relation = any_relation)
  RETURN v
}
WITH DISTINCT v, object_key
MATCH (s:Entity {id: v.subject_id})
MATCH (o:Entity {id: v.object_id})
WHERE object_key = '' OR object_key IN [(o)<-[:ALIAS_OF]-(alias_of_o) | alias_of_o.key]
MATCH (v)-[:FROM_DOCUMENT]->(d:Document)
WITH s, v.relation AS relation, o, v, d, coalesce(v.event_date, v.published) AS said
ORDER BY said, d.id, v.start
WITH s, relation, o, count(v) AS sentences, count(DISTINCT d) AS documents,
     [x IN collect(said) WHERE x IS NOT NULL] AS dates, collect(v.sentence) AS statements
// the relation may hold all the same (asserted before or after the refusal)
OPTIONAL CALL (s, relation, o) {
  MATCH (s)-[r]->(o)
  WHERE type(r) = relation AND coalesce(r.current, true)
  RETURN coalesce(r.since, r.first_seen) AS asserted_since
}
RETURN s.name AS subject, s.type AS subject_type, relation, o.name AS object, o.type AS object_type,
       'negated' AS status, sentences, documents, head(dates) AS first_said, last(dates) AS last_said,
       statements, asserted_since, [s, o] AS graph
ORDER BY sentences DESC, subject, object, relation
