// Alias keys (normalised names: lower case, no accents, no punctuation) are unique.
CREATE CONSTRAINT alias_key IF NOT EXISTS FOR (a:Alias) REQUIRE a.key IS UNIQUE
