// Timeline: the dated events of an entity's facts, as subject or object: assertions and endings ("withdrew", "pulled out") by date, with how many sentences tell of each and one of them, oldest first; optionally only with $other and of one $relation type.
// $name: name or alias of the entity (e.g. "Russia"), matched case-, accent- and punctuation-insensitively
// $other (optional): name or alias of the other entity (e.g. "Venezuela"); empty string or null for any
// $relation (optional, relation): relation type (e.g. "DEPLOYS_TO"); empty string or null for any
// Generated from cypher/templates/queries/timeline.cypher by `make cypher`: edit the template, not this file.
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim($name)), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS key,
     reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($other, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS other_key,
     replace(replace(toUpper(trim(coalesce($relation, ''))), ' ', '_'), '-', '_') AS relation
MATCH (alias:Alias {key: key})-[:ALIAS_OF]->(e:Entity) USING INDEX SEEK alias:Alias(key)
CALL (e, relation) {
  // the evidence of the entity's facts (found by their key), and its endings (few, by label)
  MATCH (e)-[r]-(:Entity) WHERE relation = '' OR type(r) = relation
  WITH DISTINCT startNode(r).id + '|' + type(r) + '|' + endNode(r).id AS fact
  MATCH (v:Evidence {key: fact}) USING INDEX v:Evidence(key)
  RETURN v
  UNION
  MATCH (v:Ending) WHERE (v.subject_id = e.id OR v.object_id = e.id) AND (relation = '' OR v.relation = relation)
  RETURN v
}
WITH v, other_key
WHERE v.status = 'asserted'
MATCH (s:Entity {id: v.subject_id})
MATCH (o:Entity {id: v.object_id})
WHERE other_key = '' OR other_key IN [(s)<-[:ALIAS_OF]-(a) | a.key] + [(o)<-[:ALIAS_OF]-(a) | a.key]
WITH coalesce(v.event_date, v.published) AS date, s, v.relation AS relation, o,
     CASE WHEN coalesce(v.ends, false) THEN 'ended' ELSE 'asserted' END AS event, v
ORDER BY v.doc_id, v.start
WITH date, s, relation, o, event, collect(v.sentence) AS sentences_told
RETURN date, s.name AS subject, relation, o.name AS object, event,
       size(sentences_told) AS sentences, sentences_told[0] AS sentence,
       [s, o] + [(s)-[r]->(o) WHERE type(r) = relation | r] AS graph
ORDER BY date, subject, relation, object, event
