// Create or update entities: one node per id, labelled Entity and its type (set when created);
// aliases accumulate, and an entity is written only when it gains one. Returns the entities
// that gained aliases and those aliases (they get Alias lookup keys).
// $rows: list of {id, name, type, aliases}; type is checked against the allowlist before the write.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.name = row.name, e.type = row.type, e.aliases = [], e:$(row.type)
WITH e, row, [a IN row.aliases WHERE NOT a IN e.aliases] AS added
WHERE size(added) > 0
SET e.aliases = e.aliases + added
RETURN e.id AS id, added
