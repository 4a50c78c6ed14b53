// A short name's key (a person named by surname alone: "Putin" -> "putin"), to find the short names a full name takes in.
CREATE INDEX entity_bare_surname IF NOT EXISTS FOR (e:Entity) ON (e.bare_surname)
