// Delete everything kgload loaded (entities, merged short names, aliases, documents, evidence), in batches.
// (no parameters) run in an auto-commit transaction (`:auto` in Neo4j Browser)
MATCH (n)
WHERE n:Entity OR n:MergedName OR n:Alias OR n:Document OR n:Evidence
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
