// Evidence for (subject, relation, object): every sentence and document behind that fact, asserted or marked (negated, hypothetical, ...); the answer to "why do we think ...?".
// $subject: name or alias of the subject entity, matched case-, accent- and punctuation-insensitively (e.g. "Russia")
// $relation (optional, relation): relationship type such as "RECOGNIZES" (case, spaces and hyphens ignored: "deploys to"); empty string or null for any type
// $object: name or alias of the object entity, matched case-, accent- and punctuation-insensitively (e.g. "Maduro")
WITH {{ alias_key($subject) }} AS subject_key,
     {{ alias_key($object) }} AS object_key,
     replace(replace(toUpper(trim(coalesce($relation, ''))), ' ', '_'), '-', '_') AS relation
MATCH (alias:Alias {key: subject_key})-[:ALIAS_OF]->(s:Entity) USING INDEX SEEK alias:Alias(key)
MATCH (alias2:Alias {key: object_key})-[:ALIAS_OF]->(o:Entity) USING INDEX SEEK alias2:Alias(key)
// every relation type, or the one given: the evidence key is subject id|relation|object id (index seek on its prefix)
MATCH (v:Evidence)-[:FROM_DOCUMENT]->(d:Document) USING INDEX v:Evidence(key)
WHERE v.key STARTS WITH CASE relation WHEN '' THEN {{ fact_key_prefix(s.id) }} ELSE {{ fact_key(s.id, relation, o.id) }} END
  AND v.subject_id = s.id AND v.object_id = o.id AND (relation = '' OR v.relation = relation)
WITH s, o, v.relation AS rel, v, d
WITH s, o, rel, v.status AS status, collect([v, d]) AS found
UNWIND found AS vd
WITH s, o, rel, status, size(found) AS sentences, vd[0] AS v, vd[1] AS d
CALL (v) {
  OPTIONAL MATCH (reporter:Entity {id: v.reported_by_id})
  RETURN reporter.name AS reported_by
}
CALL (v) {
  UNWIND [k IN keys(v) WHERE NOT k IN ['id', 'key', 'doc_id', 'subject_id', 'relation', 'object_id', 'sentence', 'start', 'end', 'confidence', 'status', 'reported_by_id', 'published']] AS k
  WITH k ORDER BY k
  RETURN collect(k + ': ' + CASE WHEN valueType(v[k]) STARTS WITH 'LIST' THEN reduce(t = '', x IN v[k] | t + CASE t WHEN '' THEN '' ELSE ', ' END + toString(x)) ELSE toString(v[k]) END) AS details
}
RETURN s.name AS subject, rel AS relation, o.name AS object, status, sentences, v.sentence AS sentence,
       details, reported_by, v.confidence AS confidence, coalesce(d.title, d.source) AS document,
       d.id AS doc_id, v.published AS published, v.start AS start, v.end AS end, d.author AS author,
       [s, o] + [(s)-[r]->(o) WHERE type(r) = rel | r] AS graph
ORDER BY relation, status, published, doc_id, start
