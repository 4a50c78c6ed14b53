// Who recognizes X: every entity with a RECOGNIZES relationship to the entity named $name.
// $name: name or alias of the recognized entity, matched case-, accent- and punctuation-insensitively (e.g. "Guaido", "Juan Guaidó")
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim($name)), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS key
MATCH (alias:Alias {key: key})-[:ALIAS_OF]->(object:Entity) USING INDEX SEEK alias:Alias(key)
MATCH (subject:Entity)-[r:RECOGNIZES]->(object)
RETURN subject.name AS subject, subject.type AS subject_type, object.name AS recognized,
       r.mentions AS sentences, r.documents AS documents
ORDER BY sentences DESC, subject
