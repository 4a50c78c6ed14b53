// Accusations, as a graph (Neo4j Browser, kgload viz): who accuses or blames whom (ACCUSES), by accuser and/or accused.
// $accuser (optional): name or alias of the entity that accuses or blames (e.g. "Sergei Lavrov"), matched case-, accent- and punctuation-insensitively; empty string or null for any
// $accused (optional): name or alias of the entity accused or blamed (e.g. "United States"), matched case-, accent- and punctuation-insensitively; empty string or null for any
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($accuser, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS accuser_key,
     reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($accused, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS accused_key
MATCH (s:Entity)-[r:ACCUSES]->(o:Entity)
WHERE (accuser_key = '' OR EXISTS { MATCH (:Alias {key: accuser_key})-[:ALIAS_OF]->(s) })
  AND (accused_key = '' OR EXISTS { MATCH (:Alias {key: accused_key})-[:ALIAS_OF]->(o) })
RETURN s, r, o
