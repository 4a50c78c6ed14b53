// Label the evidence of endings ("withdrew its recognition of") :Ending, so that a loader finds
// the few facts that have endings without reading all evidence (read_ending_keys.cypher).
// $rows: list of {id}, the ids of evidence just created whose props have ends = true
UNWIND $rows AS row
MATCH (v:Evidence {id: row.id})
SET v:Ending
