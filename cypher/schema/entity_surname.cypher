// A full name's surname key (a person's last name: "vladimir putin" -> "putin"), to find the one full name a short name stands for.
CREATE INDEX entity_surname IF NOT EXISTS FOR (e:Entity) ON (e.surname)
