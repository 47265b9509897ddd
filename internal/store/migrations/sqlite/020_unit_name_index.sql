-- Lists, profiles and the home page show a unit with its OPD when another
-- unit bears the same name (store/unit_place.go asks "does another unit
-- have this name?" for every unit label it reads): an index on the name
-- keeps that a lookup, not a scan of every unit, in a province's tree.
CREATE INDEX org_unit_name ON org_unit(name);
