// What we know about X, as a graph (Neo4j Browser, kgload viz): the entity named $name and every fact relationship to or from it.
// $name: name or alias of the entity, matched case-, accent- and punctuation-insensitively (e.g. "Cuba")
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim($name)), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS key
MATCH (alias:Alias {key: key})-[:ALIAS_OF]->(entity:Entity) USING INDEX SEEK alias:Alias(key)
OPTIONAL MATCH (entity)-[r]-(other:Entity)
RETURN entity, r, other
