// Create evidence nodes, one per relation mention, linked to their document. An evidence id
// already present keeps its properties (the same id always has the same content).
// $rows: list of {id, doc_id, props}; props: {key, doc_id, subject_id, relation, object_id, sentence, start, end, confidence, status, reported_by_id, published, and the mention's properties such as asset, when, charge}
UNWIND $rows AS row
MATCH (d:Document {id: row.doc_id})
MERGE (v:Evidence {id: row.id})
ON CREATE SET v += row.props
MERGE (v)-[:FROM_DOCUMENT]->(d)
