// Deployments, as a graph (Neo4j Browser, kgload viz): who sends or stations forces where (DEPLOYS_TO), by actor and/or place.
// $actor (optional): name or alias of the entity that deploys forces (e.g. "Russia"), matched case-, accent- and punctuation-insensitively; empty string or null for any
// $place (optional): name or alias of the place deployed to (e.g. "Venezuela"), matched case-, accent- and punctuation-insensitively; empty string or null for any
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($actor, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS actor_key,
     reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($place, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS place_key
MATCH (s:Entity)-[r:DEPLOYS_TO]->(o:Entity)
WHERE (actor_key = '' OR EXISTS { MATCH (:Alias {key: actor_key})-[:ALIAS_OF]->(s) })
  AND (place_key = '' OR EXISTS { MATCH (:Alias {key: place_key})-[:ALIAS_OF]->(o) })
RETURN s, r, o
