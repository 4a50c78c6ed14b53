// Remove the MENTIONS links of documents that are about to be loaded again.
// $rows: list of {doc_id}
UNWIND $rows AS row
MATCH (:Document {id: row.doc_id})-[m:MENTIONS]->()
DELETE m
