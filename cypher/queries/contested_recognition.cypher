// Contested recognition: who is recognized by whom, side by side: each recognized entity next to a rival of the same type that the same articles report others recognize.
// $name (optional): name or alias of one recognized entity, matched case-, accent- and punctuation-insensitively; empty string or null for every contest
// Generated from cypher/templates/queries/contested_recognition.cypher by `make cypher`: edit the template, not this file.
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($name, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS key
CALL (key) {
  WITH key WHERE key <> ''
  MATCH (alias:Alias {key: key})-[:ALIAS_OF]->(a:Entity) USING INDEX SEEK alias:Alias(key)
  RETURN a
  UNION
  // no name: every recognized entity; the scan runs only then (its bound comes from this row)
  UNWIND CASE WHEN key = '' THEN [''] ELSE [] END AS lowest_id
  MATCH (a:Entity)<-[:RECOGNIZES]-(:Entity)
  WHERE a.id > lowest_id
  RETURN DISTINCT a
}
// the articles that report a's recognition, and the other recognitions they report
MATCH (x:Entity)-[:RECOGNIZES]->(a)
MATCH (v:Evidence {key: x.id + '|RECOGNIZES|' + a.id}) USING INDEX v:Evidence(key)
WHERE v.status = 'asserted'
MATCH (w:Evidence {doc_id: v.doc_id}) USING INDEX w:Evidence(doc_id)
WHERE w.relation = 'RECOGNIZES' AND w.status = 'asserted' AND w.object_id <> a.id
MATCH (b:Entity {id: w.object_id})
WHERE b.type = a.type
WITH DISTINCT key, a, b
WHERE key <> '' OR a.name < b.name
CALL (a) {
  MATCH (x:Entity)-[r:RECOGNIZES]->(a)
  WITH x, r ORDER BY x.name
  RETURN collect(x.name) AS recognized_by, sum(r.mentions) AS sentences, collect(x) + collect(r) AS drawn
}
CALL (b) {
  MATCH (x:Entity)-[r:RECOGNIZES]->(b)
  WITH x, r ORDER BY x.name
  RETURN collect(x.name) AS rival_recognized_by, sum(r.mentions) AS rival_sentences, collect(x) + collect(r) AS rival_drawn
}
WITH a, b, recognized_by, sentences, rival_recognized_by, rival_sentences, drawn, rival_drawn
WHERE any(x IN rival_recognized_by WHERE NOT x IN recognized_by)
RETURN a.name AS recognized, recognized_by, sentences, b.name AS rival, rival_recognized_by, rival_sentences,
       [a, b] + drawn + rival_drawn AS graph
ORDER BY sentences + rival_sentences DESC, recognized, rival
