// Deployments: who sends or stations forces where (DEPLOYS_TO), by actor and/or place, with the assets and dates the sentences name: those that hold now (no later withdrawal), or held on $as_of, and since when. A place includes the places within it (a deployment to "Crimea" or the "border with Ukraine" whose evidence gives broader_place "Ukraine" is one to Ukraine): the row shows the place itself and, in `within`, the broader places its sentences give.
// $actor (optional): name or alias of the entity that deploys forces (e.g. "Russia"), matched case-, accent- and punctuation-insensitively; empty string or null for any
// $place (optional): name or alias of the place deployed to (e.g. "Venezuela"), matched case-, accent- and punctuation-insensitively; empty string or null for any
// $as_of (optional, date): a date "YYYY-MM-DD", "YYYY-MM" or "YYYY": what held then (to the end of that day, month or year); empty string or null for now
WITH {{ alias_key(coalesce($actor, '')) }} AS actor_key,
     {{ alias_key(coalesce($place, '')) }} AS place_key,
     trim(coalesce($as_of, '')) AS as_of
// the names of the places asked about (those the place's name or alias belongs to)
CALL (place_key) {
  MATCH (alias3:Alias {key: place_key})-[:ALIAS_OF]->(asked:Entity) USING INDEX SEEK alias3:Alias(key)
  RETURN collect(asked.name) AS place_names
}
CALL (actor_key, place_key, place_names) {
  WITH actor_key, place_key WHERE actor_key <> ''
  MATCH (alias:Alias {key: actor_key})-[:ALIAS_OF]->(s:Entity)-[r:DEPLOYS_TO]->(o:Entity) USING INDEX SEEK alias:Alias(key)
  RETURN s, r, o
  UNION
  WITH actor_key, place_key WHERE actor_key = '' AND place_key <> ''
  MATCH (alias2:Alias {key: place_key})-[:ALIAS_OF]->(o:Entity)<-[r:DEPLOYS_TO]-(s:Entity) USING INDEX SEEK alias2:Alias(key)
  RETURN s, r, o
  UNION
  // places within the place asked about: their deployment evidence names it as broader_place
  WITH actor_key, place_names WHERE actor_key = ''
  UNWIND place_names AS place_name
  MATCH (within:Evidence {broader_place: place_name})
  WHERE within.relation = 'DEPLOYS_TO' AND within.status = 'asserted'
  MATCH (s:Entity {id: within.subject_id})-[r:DEPLOYS_TO]->(o:Entity {id: within.object_id})
  RETURN s, r, o
  UNION
  // neither given: every relationship; the scan runs only then (its bound comes from this row)
  UNWIND CASE WHEN actor_key = '' AND place_key = '' THEN [''] ELSE [] END AS lowest_id
  MATCH (s:Entity)-[r:DEPLOYS_TO]->(o:Entity)
  WHERE s.id > lowest_id
  RETURN s, r, o
}
WITH s, r, o, place_key, place_names, as_of
WHERE place_key = '' OR place_key IN [(o)<-[:ALIAS_OF]-(alias_of_o) | alias_of_o.key]
   OR EXISTS { MATCH (v:Evidence {key: {{ fact_key(s.id, 'DEPLOYS_TO', o.id) }}}) WHERE v.status = 'asserted' AND v.broader_place IN place_names }
CALL (s, o, r, as_of) {
  // as of a date: the latest deployment and the latest withdrawal up to the end of that day,
  // month or year (an event's date is its sentence's date, else its document's publication date)
  OPTIONAL MATCH (v:Evidence {key: {{ fact_key(s.id, 'DEPLOYS_TO', o.id) }}}) USING INDEX v:Evidence(key)
  WHERE as_of <> '' AND v.status = 'asserted' AND coalesce(v.event_date, v.published) <= as_of + '~'
  WITH r, as_of,
       max(CASE WHEN coalesce(v.ends, false) THEN coalesce(v.event_date, v.published) END) AS ended,
       collect(CASE WHEN NOT coalesce(v.ends, false) THEN coalesce(v.event_date, v.published) END) AS asserted
  WITH r, as_of, ended, asserted,
       reduce(m = null, x IN asserted | CASE WHEN m IS NULL OR x > m THEN x ELSE m END) AS last_asserted
  RETURN CASE WHEN as_of = '' THEN coalesce(r.current, true)
              ELSE last_asserted IS NOT NULL AND (ended IS NULL OR last_asserted > ended) END AS holds,
         CASE WHEN as_of = '' THEN r.since
              ELSE reduce(m = null, x IN [a IN asserted WHERE ended IS NULL OR a > ended] |
                          CASE WHEN m IS NULL OR x < m THEN x ELSE m END) END AS since
}
WITH s, r, o, since
WHERE holds
CALL (s, o) {
  MATCH (v:Evidence {key: {{ fact_key(s.id, 'DEPLOYS_TO', o.id) }}}) USING INDEX v:Evidence(key)
  WHERE v.status = 'asserted' AND NOT coalesce(v.ends, false)
  WITH v ORDER BY v.published, v.doc_id, v.start
  RETURN collect(DISTINCT v.asset) AS assets, collect(DISTINCT v.when) AS dates,
         collect(DISTINCT v.broader_place) AS within
}
RETURN s.name AS actor, o.name AS place, within, r.mentions AS sentences, r.documents AS documents,
       assets, dates, r.first_seen AS first_seen, r.last_seen AS last_seen, since,
       [s, r, o] AS graph
ORDER BY sentences DESC, actor, place
