// Accusations: who accuses or blames whom (ACCUSES), by accuser and/or accused, with the charges the sentences name.
// $accuser (optional): name or alias of the entity that accuses or blames (e.g. "Sergei Lavrov"), matched case-, accent- and punctuation-insensitively; empty string or null for any
// $accused (optional): name or alias of the entity accused or blamed (e.g. "United States"), matched case-, accent- and punctuation-insensitively; empty string or null for any
// Generated from cypher/templates/queries/accusations.cypher by `make cypher`: edit the template, not this file.
WITH reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($accuser, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS accuser_key,
     reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(coalesce($accused, ''))), NFD), '') | s + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c WHEN c =~ '[\\s\\-]' THEN ' ' ELSE '' END), ' ') WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w) AS accused_key
CALL (accuser_key, accused_key) {
  WITH accuser_key, accused_key WHERE accuser_key <> ''
  MATCH (alias:Alias {key: accuser_key})-[:ALIAS_OF]->(s:Entity)-[r:ACCUSES]->(o:Entity) USING INDEX SEEK alias:Alias(key)
  RETURN s, r, o
  UNION
  WITH accuser_key, accused_key WHERE accuser_key = '' AND accused_key <> ''
  MATCH (alias2:Alias {key: accused_key})-[:ALIAS_OF]->(o:Entity)<-[r:ACCUSES]-(s:Entity) USING INDEX SEEK alias2:Alias(key)
  RETURN s, r, o
  UNION
  // neither given: every relationship; the scan runs only then (its bound comes from this row)
  UNWIND CASE WHEN accuser_key = '' AND accused_key = '' THEN [''] ELSE [] END AS lowest_id
  MATCH (s:Entity)-[r:ACCUSES]->(o:Entity)
  WHERE s.id > lowest_id
  RETURN s, r, o
}
WITH s, r, o, accused_key
WHERE accused_key = '' OR accused_key IN [(o)<-[:ALIAS_OF]-(alias_of_o) | alias_of_o.key]
CALL (s, o) {
  MATCH (v:Evidence {key: s.id + '|ACCUSES|' + o.id}) USING INDEX v:Evidence(key)
  WHERE v.status = 'asserted'
  WITH v ORDER BY v.published, v.doc_id, v.start
  RETURN collect(DISTINCT v.charge) AS charges
}
RETURN s.name AS accuser, o.name AS accused, r.mentions AS sentences, r.documents AS documents,
       charges, r.first_seen AS first_seen, r.last_seen AS last_seen, [s, r, o] AS graph
ORDER BY sentences DESC, accuser, accused
