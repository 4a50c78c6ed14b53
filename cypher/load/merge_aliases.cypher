// Link normalised name keys to entities, for case-, accent- and alias-insensitive lookups.
// $rows: list of {key, entity_id}
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity_id})
MERGE (a:Alias {key: row.key})
MERGE (a)-[:ALIAS_OF]->(e)
