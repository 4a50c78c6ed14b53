// Entity profile: name, type, aliases and number of documents, then one row per relationship in or out with its counts.
// $name: name or alias of the entity, matched case-, accent- and punctuation-insensitively (e.g. "Cuba")
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim($name)), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS key
MATCH (:Alias {key: key})-[:ALIAS_OF]->(e:Entity)
WITH e, COUNT { (:Document)-[:MENTIONS]->(e) } AS documents
OPTIONAL CALL (e) {
  MATCH (e)-[r]->(other:Entity)
  RETURN 'out' AS direction, type(r) AS relation, other, r
  UNION ALL
  MATCH (e)<-[r]-(other:Entity)
  RETURN 'in' AS direction, type(r) AS relation, other, r
}
RETURN e.name AS entity, e.type AS type, e.aliases AS aliases, documents, direction, relation,
       other.name AS other, coalesce(r.mentions, 0) AS sentences, r.documents AS relation_documents
ORDER BY entity, direction DESC, sentences DESC, relation, other
