// Documents are unique by id (the input's id, else "sha256:" + digest of the text).
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE
