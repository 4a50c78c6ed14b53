// Endings: who stopped a relation ("withdrew its recognition of", "pulled its troops out of", "no longer recognizes"), by relation type, actor and/or object: the latest ending's date and sentence, how many sentences tell of endings, and whether the relation holds again since.
// $relation (optional, relation): relation type (e.g. "RECOGNIZES", "DEPLOYS_TO"); empty string or null for any
// $actor (optional): name or alias of the entity that ended it (e.g. "Ecuador"), matched case-, accent- and punctuation-insensitively; empty string or null for any
// $object (optional): name or alias of the entity it ended with (e.g. "Guaido", "Syria"); empty string or null for any
// Generated from cypher/templates/queries/endings.cypher by `make cypher`: edit the template, not this file.
WITH replace(replace(toUpper(trim(coalesce($relation, ''))), ' ', '_'), '-', '_') AS relation,
     reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($actor, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS actor_key,
     reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($object, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS object_key
CALL (actor_key, object_key) {
  WITH actor_key WHERE actor_key <> ''
  MATCH (alias:Alias {key: actor_key})-[:ALIAS_OF]->(s:Entity) USING INDEX SEEK alias:Alias(key)
  MATCH (v:Ending) WHERE v.subject_id = s.id
  RETURN v
  UNION
  WITH actor_key, object_key WHERE actor_key = '' AND object_key <> ''
  MATCH (alias2:Alias {key: object_key})-[:ALIAS_OF]->(o:Entity) USING INDEX SEEK alias2:Alias(key)
  MATCH (v:Ending) WHERE v.object_id = o.id
  RETURN v
  UNION
  // neither given: every ending (the label holds endings only, few of all evidence)
  UNWIND CASE WHEN actor_key = '' AND object_key = '' THEN [1] ELSE [] END AS every
  MATCH (v:Ending)
  RETURN v
}
WITH v, relation, object_key
WHERE v.status = 'asserted' AND (relation = '' OR v.relation = relation)
MATCH (s:Entity {id: v.subject_id})
MATCH (o:Entity {id: v.object_id})
WHERE object_key = '' OR object_key IN [(o)<-[:ALIAS_OF]-(a) | a.key]
WITH s, v.relation AS rel, o, v ORDER BY coalesce(v.event_date, v.published) DESC, v.doc_id, v.start
WITH s, rel, o, collect(v) AS endings
OPTIONAL MATCH (s)-[r]->(o) WHERE type(r) = rel
RETURN s.name AS actor, rel AS relation, o.name AS object,
       coalesce(endings[0].event_date, endings[0].published) AS ended,
       size(endings) AS sentences, endings[0].sentence AS sentence,
       coalesce(r.current, false) AS holds_again, r.since AS since,
       [x IN [s, r, o] WHERE x IS NOT NULL] AS graph
ORDER BY ended DESC, actor, object
