// Short names and full names by surname key: for each key and type, the full names of that type
// with that surname (Entity.surname), the short names (a surname alone: Entity.bare_surname), and
// the short names merged before (MergedName) with the full name each was merged into.
// loader/short_names.py decides from these which short name merges into which full name.
// $rows: list of {key, type}
UNWIND $rows AS row
RETURN row.key AS key, row.type AS type,
       COLLECT { MATCH (f:Entity {surname: row.key}) WHERE f.type = row.type RETURN f.id } AS fulls,
       COLLECT { MATCH (s:Entity {bare_surname: row.key}) WHERE s.type = row.type RETURN s.id } AS shorts,
       COLLECT { MATCH (m:MergedName)-[:MERGED_INTO]->(f:Entity {surname: row.key}) WHERE m.type = row.type
                 RETURN {id: m.id, into: f.id} } AS merged
