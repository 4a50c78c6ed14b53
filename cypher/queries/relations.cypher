// Relations of one type of the relation lexicon (e.g. SUPPORTS or CALLS_ON), or of every type, by subject and/or object: who does what to whom, and how many sentences and documents say so.
// $relation (optional, relation): relationship type such as "SUPPORTS" (case, spaces and hyphens ignored: "calls on"); empty string or null for any type
// $subject (optional): name or alias of the subject entity (e.g. "Russia"), matched case-, accent- and punctuation-insensitively; empty string or null for any
// $object (optional): name or alias of the object entity (e.g. "Maduro"), matched case-, accent- and punctuation-insensitively; empty string or null for any
// Generated from cypher/templates/queries/relations.cypher by `make cypher`: edit the template, not this file.
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($subject, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS subject_key,
     reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($object, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS object_key,
     replace(replace(toUpper(trim(coalesce($relation, ''))), ' ', '_'), '-', '_') AS relation
CALL (subject_key, object_key, relation) {
  WITH subject_key, relation WHERE subject_key <> ''
  MATCH (alias:Alias {key: subject_key})-[:ALIAS_OF]->(s:Entity) USING INDEX SEEK alias:Alias(key)
  MATCH (s)-[r]->(o:Entity)
  WHERE relation = '' OR type(r) = relation
  RETURN s, r, o
  UNION
  WITH subject_key, object_key, relation WHERE subject_key = '' AND object_key <> ''
  MATCH (alias2:Alias {key: object_key})-[:ALIAS_OF]->(o:Entity) USING INDEX SEEK alias2:Alias(key)
  MATCH (o)<-[r]-(s:Entity)
  WHERE relation = '' OR type(r) = relation
  RETURN s, r, o
  UNION
  // neither given: every relationship (of the type); the scan runs only then
  UNWIND CASE WHEN subject_key = '' AND object_key = '' THEN [relation] ELSE [] END AS any_relation
  MATCH (s:Entity)-[r]->(o:Entity)
  WHERE any_relation = '' OR type(r) = any_relation
  RETURN s, r, o
}
WITH s, r, o, object_key
WHERE object_key = '' OR object_key IN [(o)<-[:ALIAS_OF]-(alias_of_o) | alias_of_o.key]
RETURN s.name AS subject, s.type AS subject_type, type(r) AS relation, o.name AS object, o.type AS object_type,
       r.mentions AS sentences, r.documents AS documents, r.first_seen AS first_seen, r.last_seen AS last_seen,
       [s, r, o] AS graph
ORDER BY sentences DESC, subject, relation, object
