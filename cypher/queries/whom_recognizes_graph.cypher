// Whom X recognizes, as a graph (Neo4j Browser, kgload viz): the entity named $name and the entities it RECOGNIZES.
// $name: name or alias of the recognizing entity, matched case-, accent- and punctuation-insensitively (e.g. "Russia", "U.S.")
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim($name)), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS key
MATCH (alias:Alias {key: key})-[:ALIAS_OF]->(subject:Entity) USING INDEX SEEK alias:Alias(key)
MATCH (subject)-[r:RECOGNIZES]->(object:Entity)
RETURN subject, r, object
