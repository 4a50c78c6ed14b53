// Create or update entities: one node per id, labelled Entity and its type; aliases accumulate.
// $rows: list of {id, name, type, aliases}; type is checked against the allowlist before the write.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.name = row.name, e.type = row.type, e.aliases = []
SET e.aliases = e.aliases + [a IN row.aliases WHERE NOT a IN e.aliases]
SET e:$(row.type)
