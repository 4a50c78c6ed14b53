// Link normalised name keys to entities, for case-, accent- and alias-insensitive lookups. A link
// that came only from a short name merged into the entity (indirect, merge_short_names.cypher)
// becomes the entity's own.
// $rows: list of {key, entity_id}
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity_id})
MERGE (a:Alias {key: row.key})
MERGE (a)-[r:ALIAS_OF]->(e)
FOREACH (_ IN CASE WHEN r.indirect THEN [1] ELSE [] END | REMOVE r.indirect)
