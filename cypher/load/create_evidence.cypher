// Create the evidence of each document: one node per relation mention, linked to its document,
// with the fact key "subject_id|RELATION|object_id", the document id and its published date.
// The loader has deleted the evidence of every document it loads (delete_document_evidence.cypher,
// same transaction) and sends each evidence id once, so the nodes are created, not merged.
// $rows: list of {doc_id, evidence}; evidence: list of {id, props}; props: {subject_id, relation, object_id, sentence, start, end, confidence, status, reported_by_id, ends (only when true), and the mention's properties such as asset, when, event_date, charge}
UNWIND $rows AS row
MATCH (d:Document {id: row.doc_id})
UNWIND row.evidence AS ev
CREATE (v:Evidence {id: ev.id})-[:FROM_DOCUMENT]->(d)
SET v += ev.props,
    v.key = ev.props.subject_id + '|' + ev.props.relation + '|' + ev.props.object_id,
    v.doc_id = row.doc_id, v.published = d.published
// an ending ("withdrew its recognition of") is also an :Ending, so a loader finds the few
// facts that have endings without reading all evidence
FOREACH (_ IN CASE WHEN ev.props.ends THEN [1] ELSE [] END | SET v:Ending)
