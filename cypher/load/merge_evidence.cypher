// Create evidence nodes, one per relation mention, linked to their document.
// $rows: list of {id, key, doc_id, subject_id, relation, object_id, sentence, start, end, confidence, status, reported_by_id, published, properties}
UNWIND $rows AS row
MATCH (d:Document {id: row.doc_id})
MERGE (v:Evidence {id: row.id})
SET v.key = row.key, v.doc_id = row.doc_id, v.subject_id = row.subject_id,
    v.relation = row.relation, v.object_id = row.object_id, v.sentence = row.sentence,
    v.start = row.start, v.end = row.end, v.confidence = row.confidence, v.status = row.status,
    v.reported_by_id = row.reported_by_id, v.published = row.published
SET v += row.properties
MERGE (v)-[:FROM_DOCUMENT]->(d)
