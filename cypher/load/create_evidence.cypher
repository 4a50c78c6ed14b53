// Create the evidence of each document: one node per relation mention, linked to its document.
// Every property comes from the loader (loader/bundles.py): the mention's own, its fact key
// "subject_id|RELATION|object_id", its document's id and published date. The loader has deleted
// the evidence of every document it loads (delete_document_evidence.cypher, same transaction) and
// sends each evidence id once, so the nodes are created, not merged. Endings are then labelled
// by mark_endings.cypher.
// $rows: list of {doc_id, evidence}; evidence: list of {props}; props: {id, key, doc_id, published (when known), subject_id, relation, object_id, sentence, start, end, confidence, status, reported_by_id (when reported), ends (only when true), and the mention's properties such as asset, when, event_date, charge}
UNWIND $rows AS row
MATCH (d:Document {id: row.doc_id})
UNWIND row.evidence AS ev
CREATE (v:Evidence)-[:FROM_DOCUMENT]->(d)
SET v = ev.props
