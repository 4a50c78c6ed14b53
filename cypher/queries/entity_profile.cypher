// Entity profile: name, type, aliases and number of documents, then one row per direction and relationship type: how many relationships and sentences, and the top 10 other entities.
// $name: name or alias of the entity, matched case-, accent- and punctuation-insensitively (e.g. "Cuba")
// Generated from cypher/templates/queries/entity_profile.cypher by `make cypher`: edit the template, not this file.
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim($name)), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS key
MATCH (alias:Alias {key: key})-[:ALIAS_OF]->(e:Entity) USING INDEX SEEK alias:Alias(key)
WITH e, COUNT { (:Document)-[:MENTIONS]->(e) } AS documents
OPTIONAL CALL (e) {
  // only fact relationships join two entities (ALIAS_OF comes from an Alias, MENTIONS from a Document)
  MATCH (e)-[r]->(other:Entity)
  RETURN 'out' AS direction, type(r) AS relation, other, r, r.mentions AS mentions
  UNION ALL
  MATCH (e)<-[r]-(other:Entity)
  RETURN 'in' AS direction, type(r) AS relation, other, r, r.mentions AS mentions
}
WITH e, documents, direction, relation, other, r, mentions
ORDER BY mentions DESC, other.name
WITH e, documents, direction, relation, count(other) AS relationships, sum(mentions) AS sentences,
     collect(other.name + ' (' + toString(mentions) + ')') AS others, collect(CASE WHEN other IS NOT NULL THEN [r, other] END) AS drawn
RETURN e.name AS entity, e.type AS type, e.aliases AS aliases, documents, direction, relation,
       relationships, sentences, others[..10] AS top,
       reduce(g = [e], pair IN drawn[..10] | g + pair) AS graph
ORDER BY entity, direction DESC, sentences DESC, relation
