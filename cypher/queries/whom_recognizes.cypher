// Whom X recognizes: every entity the entity named $name has a RECOGNIZES relationship to.
// $name: name or alias of the recognizing entity, matched case-, accent- and punctuation-insensitively (e.g. "Russia", "U.S.")
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim($name)), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS key
MATCH (alias:Alias {key: key})-[:ALIAS_OF]->(subject:Entity) USING INDEX SEEK alias:Alias(key)
MATCH (subject)-[r:RECOGNIZES]->(object:Entity)
RETURN subject.name AS subject, object.name AS recognized, object.type AS recognized_type,
       r.mentions AS sentences, r.documents AS documents
ORDER BY sentences DESC, recognized
