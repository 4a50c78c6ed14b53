// Record what text and extractor version a document was loaded from; written last, so a
// document interrupted mid-load is loaded again on the next run.
// $rows: list of {id, text_sha256, extractor_version}
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.text_sha256 = row.text_sha256, d.extractor_version = row.extractor_version
