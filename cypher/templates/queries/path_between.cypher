// Path between two entities: the shortest chains of fact relationships (either direction, at most 4 steps, through entities only, so never through aliases, documents or evidence) linking them; the 10 best supported.
// $from: name or alias of one entity, matched case-, accent- and punctuation-insensitively (e.g. "Russia")
// $to: name or alias of the other entity, matched case-, accent- and punctuation-insensitively (e.g. "Guaido")
WITH {{ alias_key($from) }} AS from_key,
     {{ alias_key($to) }} AS to_key
MATCH (alias:Alias {key: from_key})-[:ALIAS_OF]->(a:Entity) USING INDEX SEEK alias:Alias(key)
MATCH (alias2:Alias {key: to_key})-[:ALIAS_OF]->(b:Entity) USING INDEX SEEK alias2:Alias(key)
WHERE a <> b
// only entities on the path, so only fact relationships (the predicate prunes the search itself)
MATCH p = allShortestPaths((a)-[*..4]-(b))
WHERE all(n IN nodes(p) WHERE n:Entity)
// at most 50 shortest paths are ranked (a hub can link two entities in thousands of ways)
WITH p LIMIT 50
WITH p, reduce(total = 0, r IN relationships(p) | total + coalesce(r.mentions, 0)) AS sentences
RETURN reduce(text = head(nodes(p)).name, i IN range(0, length(p) - 1) |
         text + CASE WHEN startNode(relationships(p)[i]) = nodes(p)[i]
                     THEN ' -[' + type(relationships(p)[i]) + ']-> '
                     ELSE ' <-[' + type(relationships(p)[i]) + ']- ' END + nodes(p)[i + 1].name) AS path,
       length(p) AS hops, sentences,
       [r IN relationships(p) | r.mentions] AS step_sentences, [p] AS graph
ORDER BY hops, sentences DESC, path
LIMIT 10
