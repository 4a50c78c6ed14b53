// The fact keys that have ending evidence ("withdrew its recognition of"), read at the start of
// each chunk: the timelines of these facts are recomputed from their evidence.
RETURN COLLECT { MATCH (v:Ending) RETURN DISTINCT v.key } AS keys
