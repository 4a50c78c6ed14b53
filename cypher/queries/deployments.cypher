// Deployments: who sends or stations forces where (DEPLOYS_TO), by actor and/or place, with the assets and dates the sentences name.
// $actor (optional): name or alias of the entity that deploys forces (e.g. "Russia"), matched case-, accent- and punctuation-insensitively; empty string or null for any
// $place (optional): name or alias of the place deployed to (e.g. "Venezuela"), matched case-, accent- and punctuation-insensitively; empty string or null for any
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($actor, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS actor_key,
     reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($place, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS place_key
CALL (actor_key, place_key) {
  WITH actor_key, place_key WHERE actor_key <> ''
  MATCH (alias:Alias {key: actor_key})-[:ALIAS_OF]->(s:Entity)-[r:DEPLOYS_TO]->(o:Entity) USING INDEX SEEK alias:Alias(key)
  RETURN s, r, o
  UNION
  WITH actor_key, place_key WHERE actor_key = '' AND place_key <> ''
  MATCH (alias2:Alias {key: place_key})-[:ALIAS_OF]->(o:Entity)<-[r:DEPLOYS_TO]-(s:Entity) USING INDEX SEEK alias2:Alias(key)
  RETURN s, r, o
  UNION
  // neither given: every relationship; the scan runs only then (its bound comes from this row)
  UNWIND CASE WHEN actor_key = '' AND place_key = '' THEN [''] ELSE [] END AS lowest_id
  MATCH (s:Entity)-[r:DEPLOYS_TO]->(o:Entity)
  WHERE s.id > lowest_id
  RETURN s, r, o
}
WITH s, r, o, place_key
WHERE place_key = '' OR place_key IN [(o)<-[:ALIAS_OF]-(alias_of_o) | alias_of_o.key]
CALL (s, o) {
  MATCH (v:Evidence {key: s.id + '|DEPLOYS_TO|' + o.id}) USING INDEX v:Evidence(key)
  WHERE v.status = 'asserted'
  WITH v ORDER BY v.published, v.doc_id, v.start
  RETURN collect(DISTINCT v.asset) AS assets, collect(DISTINCT v.when) AS dates
}
RETURN s.name AS actor, o.name AS place, r.mentions AS sentences, r.documents AS documents,
       assets, dates, r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY sentences DESC, actor, place
