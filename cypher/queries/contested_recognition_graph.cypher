// Contested recognition, as a graph (Neo4j Browser, kgload viz): who recognizes whom; for $name, that entity, its rivals of the same type mentioned in the same documents, and their recognizers.
// $name (optional): name or alias of one recognized entity, matched case-, accent- and punctuation-insensitively; empty string or null for every RECOGNIZES relationship
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($name, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS key
MATCH (x:Entity)-[r:RECOGNIZES]->(a:Entity)
WHERE key = ''
   OR EXISTS { MATCH (:Alias {key: key})-[:ALIAS_OF]->(a) }
   OR EXISTS {
        MATCH (alias:Alias {key: key})-[:ALIAS_OF]->(c:Entity)<-[:MENTIONS]-(:Document)-[:MENTIONS]->(a) USING INDEX SEEK alias:Alias(key)
        WHERE c <> a AND c.type = a.type AND EXISTS { (c)<-[:RECOGNIZES]-(:Entity) }
      }
RETURN x, r, a
