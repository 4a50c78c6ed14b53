// Serialise concurrent loaders: every load transaction first write-locks this one node, so a
// loader counts evidence only after the other loaders' transactions have committed.
// $rows: ignored list with one element (writes take $rows)
UNWIND $rows AS row
MERGE (l:KgloadLock {id: 'loader'})
SET l.locked = true
