// Who recognizes X: every entity whose recognition of the entity named $name holds now (no later ending such as "withdrew its recognition of"), or held on $as_of, and since when.
// $name: name or alias of the recognized entity, matched case-, accent- and punctuation-insensitively (e.g. "Guaido", "Juan Guaidó")
// $as_of (optional, date): a date "YYYY-MM-DD", "YYYY-MM" or "YYYY": what held then (to the end of that day, month or year); empty string or null for now
WITH {{ alias_key($name) }} AS key, trim(coalesce($as_of, '')) AS as_of
MATCH (alias:Alias {key: key})-[:ALIAS_OF]->(object:Entity) USING INDEX SEEK alias:Alias(key)
MATCH (subject:Entity)-[r:RECOGNIZES]->(object)
CALL (subject, object, r, as_of) {
  // as of a date: the latest assertion and the latest ending up to the end of that day, month
  // or year (an event's date is its sentence's date, else its document's publication date)
  OPTIONAL MATCH (v:Evidence {key: {{ fact_key(subject.id, 'RECOGNIZES', object.id) }}}) USING INDEX v:Evidence(key)
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
WITH *
WHERE holds
RETURN subject.name AS subject, subject.type AS subject_type, object.name AS recognized,
       r.mentions AS sentences, r.documents AS documents, since,
       [subject, r, object] AS graph
ORDER BY sentences DESC, subject
