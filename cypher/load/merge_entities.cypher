// Create or update entities: one node per id, labelled Entity and its type; aliases accumulate.
// Returns, per entity, the aliases it did not have yet (they get Alias lookup keys).
// $rows: list of {id, name, type, aliases}; type is checked against the allowlist before the write.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.name = row.name, e.type = row.type, e.aliases = []
WITH e, row, [a IN row.aliases WHERE NOT a IN e.aliases] AS added
SET e.aliases = e.aliases + added
SET e:$(row.type)
RETURN e.id AS id, added
