// A short name merged into a full name keeps its id on a MergedName node (to split it back when its surname stops being one full name's).
CREATE CONSTRAINT merged_name_id IF NOT EXISTS FOR (m:MergedName) REQUIRE m.id IS UNIQUE
