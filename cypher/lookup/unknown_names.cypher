// Unknown names: which of the names given no entity was ever called (no Alias node has its key), so that an empty answer can say "no entity named ...".
// $names: list of names as a question or query gave them (e.g. ["Kosovoo", "Spain"])
// Generated from cypher/templates/lookup/unknown_names.cypher by `make cypher`: edit the template, not this file.
UNWIND $names AS name
WITH name, reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(name)), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS key
WHERE NOT EXISTS { MATCH (alias:Alias {key: key}) }
RETURN name, key
