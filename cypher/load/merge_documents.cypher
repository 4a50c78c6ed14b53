// Create or update documents (without the loaded marker) and link each to the entities it mentions.
// $rows: list of {id, source, title, url, published, entity_ids}
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.source = row.source, d.title = row.title, d.url = row.url, d.published = row.published
WITH d, row
UNWIND row.entity_ids AS entity_id
MATCH (e:Entity {id: entity_id})
MERGE (d)-[:MENTIONS]->(e)
