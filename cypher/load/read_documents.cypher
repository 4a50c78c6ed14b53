// The text digest and extractor version of documents already loaded, to skip unchanged ones:
// asked once per chunk of articles before spaCy reads them, and again in each write transaction.
// $ids: list of document ids
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.text_sha256 AS text_sha256, d.extractor_version AS extractor_version
