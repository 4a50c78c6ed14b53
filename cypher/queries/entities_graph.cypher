// Entities by name and the fact relationships among them, as a graph (kgload viz draws any canned answer this way).
// $names: list of names or aliases, each matched case-, accent- and punctuation-insensitively (e.g. ["Russia", "Maduro"])
UNWIND $names AS raw
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(raw)), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS key
MATCH (alias:Alias {key: key})-[:ALIAS_OF]->(e:Entity) USING INDEX SEEK alias:Alias(key)
WITH collect(DISTINCT e) AS entities
UNWIND entities AS a
OPTIONAL MATCH (a)-[r]->(b:Entity)
WHERE b IN entities
RETURN a, r, b
