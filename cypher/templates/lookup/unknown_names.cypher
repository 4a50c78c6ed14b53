// Unknown names: which of the names given no entity was ever called (no Alias node has its key), so that an empty answer can say "no entity named ...".
// $names: list of names as a question or query gave them (e.g. ["Kosovoo", "Spain"])
UNWIND $names AS name
WITH name, {{ alias_key(name) }} AS key
WHERE NOT EXISTS { MATCH (alias:Alias {key: key}) }
RETURN name, key
