// Create or update entities: one node per id, labelled Entity and its type (set when created);
// aliases accumulate, and an entity is written only when it gains one. Returns the entities
// that gained aliases and those aliases (they get Alias lookup keys).
// A person's surname keys (loader/short_names.py) are set from rows of the entity's own type:
// surname for a full name, bare_surname for a surname alone. An entity that took in short names
// (merge_short_names.cypher) keeps its own aliases in own_aliases, and aliases is its own and
// theirs: a row's alias is new when it is not among its own.
// $rows: list of {id, name, type, aliases, surname, bare_surname}; type is checked against the allowlist before the write; surname and bare_surname may be null.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.name = row.name, e.type = row.type, e.aliases = [], e:$(row.type)
WITH e, row
FOREACH (_ IN CASE WHEN e.type = row.type AND row.surname IS NOT NULL AND coalesce(e.surname, '') <> row.surname THEN [1] ELSE [] END |
  SET e.surname = row.surname)
FOREACH (_ IN CASE WHEN e.type = row.type AND row.bare_surname IS NOT NULL AND coalesce(e.bare_surname, '') <> row.bare_surname THEN [1] ELSE [] END |
  SET e.bare_surname = row.bare_surname)
WITH e, row, [a IN row.aliases WHERE NOT a IN coalesce(e.own_aliases, e.aliases)] AS added
WHERE size(added) > 0
SET e.aliases = e.aliases + [a IN added WHERE NOT a IN e.aliases],
    e.own_aliases = CASE WHEN e.own_aliases IS NULL THEN null ELSE e.own_aliases + added END
RETURN e.id AS id, added
