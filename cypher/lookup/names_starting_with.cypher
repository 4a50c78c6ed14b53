// Names starting with a prefix: the alias keys that start with $prefix and the name of the entity each belongs to, the candidates for "did you mean ...?" (compared in Python).
// $prefix: the first characters of a normalised name key (lower case, no accents or punctuation), e.g. "ko"
MATCH (alias:Alias)-[:ALIAS_OF]->(e:Entity)
WHERE alias.key STARTS WITH $prefix
RETURN alias.key AS key, e.name AS name, e.type AS type
ORDER BY key, name
LIMIT 5000
