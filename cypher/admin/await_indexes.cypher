// Wait until every index (and the indexes behind the uniqueness constraints) is online, so no
// query is planned (and its plan cached) while an index is still being populated.
// $seconds: how long to wait at most
CALL db.awaitIndexes($seconds)
