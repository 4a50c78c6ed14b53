// Create or update documents, with their text digest and extractor version, and link each to
// the entities it mentions. The loader has deleted the MENTIONS of every document it loads
// (delete_document_mentions.cypher, same transaction), so the links are created, not merged.
// $rows: list of {id, source, title, url, published, author, text_sha256, extractor_version, entity_ids}; entity_ids distinct
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.source = row.source, d.title = row.title, d.url = row.url, d.published = row.published,
    d.author = row.author, d.text_sha256 = row.text_sha256, d.extractor_version = row.extractor_version
WITH d, row
UNWIND row.entity_ids AS entity_id
MATCH (e:Entity {id: entity_id})
CREATE (d)-[:MENTIONS]->(e)
