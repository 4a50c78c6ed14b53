// Whom X recognizes: every entity the entity named $name recognizes now (no later ending), or recognized on $as_of, and since when.
// $name: name or alias of the recognizing entity, matched case-, accent- and punctuation-insensitively (e.g. "Russia", "U.S.")
// $as_of (optional, date): a date "YYYY-MM-DD", "YYYY-MM" or "YYYY": what held then (to the end of that day, month or year); empty string or null for now
// Generated from cypher/templates/queries/whom_recognizes.cypher by `make cypher`: edit the template, not this file.
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim($name)), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS key, trim(coalesce($as_of, '')) AS as_of
MATCH (alias:Alias {key: key})-[:ALIAS_OF]->(subject:Entity) USING INDEX SEEK alias:Alias(key)
MATCH (subject)-[r:RECOGNIZES]->(object:Entity)
CALL (subject, object, r, as_of) {
  // as of a date: the latest assertion and the latest ending up to the end of that day, month
  // or year (an event's date is its sentence's date, else its document's publication date)
  OPTIONAL MATCH (v:Evidence {key: subject.id + '|RECOGNIZES|' + object.id}) USING INDEX v:Evidence(key)
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
RETURN subject.name AS subject, object.name AS recognized, object.type AS recognized_type,
       r.mentions AS sentences, r.documents AS documents, since,
       [subject, r, object] AS graph
ORDER BY sentences DESC, recognized
