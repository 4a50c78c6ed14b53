// Recompute when each fact holds, from its asserted evidence, for facts that have endings:
// an event's date is the date its sentence gives (event_date) or else its document's
// publication date. last_asserted / last_ended are the latest dates of an assertion and of an
// ending; the fact is current unless an ending came at or after its last assertion; since is
// the first assertion after the last ending (or the first of all), ended the date it ended.
// Dates compare as text ("2019" < "2019-03" < "2019-03-26"), coarser dates first.
// $rows: list of {key, subject_id, relation, object_id}; relation is checked against the allowlist before the write.
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (v:Evidence {key: row.key})
  WHERE v.status = 'asserted'
  WITH collect(CASE WHEN coalesce(v.ends, false) THEN coalesce(v.event_date, v.published) END) AS ended,
       collect(CASE WHEN NOT coalesce(v.ends, false) THEN coalesce(v.event_date, v.published) END) AS asserted
  WITH asserted, reduce(m = null, x IN ended | CASE WHEN m IS NULL OR x > m THEN x ELSE m END) AS last_ended
  RETURN last_ended,
         reduce(m = null, x IN asserted | CASE WHEN m IS NULL OR x > m THEN x ELSE m END) AS last_asserted,
         reduce(m = null, x IN [a IN asserted WHERE last_ended IS NULL OR a > last_ended] |
                CASE WHEN m IS NULL OR x < m THEN x ELSE m END) AS since_last_end,
         reduce(m = null, x IN asserted | CASE WHEN m IS NULL OR x < m THEN x ELSE m END) AS first_asserted
}
MATCH (s:Entity {id: row.subject_id})
MATCH (o:Entity {id: row.object_id})
WITH s, o, row, last_ended, last_asserted, since_last_end, first_asserted,
     [x IN [(s)-[y]->() | y] WHERE type(x) = row.relation AND endNode(x) = o] AS found
WITH found, last_ended, last_asserted, coalesce(since_last_end, first_asserted) AS since,
     last_ended IS NULL OR (last_asserted IS NOT NULL AND last_asserted > last_ended) AS current
FOREACH (r IN found |
  SET r.current = current, r.since = since, r.last_asserted = last_asserted,
      r.ended = CASE WHEN current THEN null ELSE last_ended END)
RETURN count(*) AS refreshed
