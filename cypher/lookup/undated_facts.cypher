// Undated facts: which of the facts given (Evidence keys, subject_id|RELATION|object_id) no asserted sentence dates, neither by its own date nor by its document's publication date: an answer as of a date ("Who recognized Kosovo in 2008?") cannot count them, and says how many it left out.
// $keys: list of fact keys (e.g. ["estonia|RECOGNIZES|kosovo"])
UNWIND $keys AS key
WITH DISTINCT key
WHERE EXISTS { MATCH (v:Evidence {key: key}) WHERE v.status = 'asserted' AND NOT coalesce(v.ends, false) }
  AND NOT EXISTS {
    MATCH (v:Evidence {key: key})
    WHERE v.status = 'asserted' AND NOT coalesce(v.ends, false) AND coalesce(v.event_date, v.published) IS NOT NULL
  }
RETURN key
ORDER BY key
