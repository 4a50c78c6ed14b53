// Path between two entities, as a graph (Neo4j Browser, kgload viz): the shortest chains of fact relationships (either direction, at most 4 steps, through entities only, so never through aliases, documents or evidence) linking them.
// $from: name or alias of one entity, matched case-, accent- and punctuation-insensitively (e.g. "Russia")
// $to: name or alias of the other entity, matched case-, accent- and punctuation-insensitively (e.g. "Guaido")
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim($from)), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS from_key,
     reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim($to)), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS to_key
MATCH (alias:Alias {key: from_key})-[:ALIAS_OF]->(a:Entity) USING INDEX SEEK alias:Alias(key)
MATCH (alias2:Alias {key: to_key})-[:ALIAS_OF]->(b:Entity) USING INDEX SEEK alias2:Alias(key)
WHERE a <> b
// only entities on the path, so only fact relationships (the predicate prunes the search itself)
MATCH p = allShortestPaths((a)-[*..4]-(b))
WHERE all(n IN nodes(p) WHERE n:Entity)
RETURN p
LIMIT 10
