// Deployment evidence is found by the country its place lies in ("Crimea" and "border with Ukraine": broader_place "Ukraine"), for deployments to a country.
CREATE INDEX evidence_broader_place IF NOT EXISTS FOR (v:Evidence) ON (v.broader_place)
