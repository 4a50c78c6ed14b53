// The loaders' lock node (load/lock_loader.cypher) is unique, so concurrent first loads share one.
CREATE CONSTRAINT kgload_lock_id IF NOT EXISTS FOR (l:KgloadLock) REQUIRE l.id IS UNIQUE
