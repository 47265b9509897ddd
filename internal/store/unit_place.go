package store

// unitPlaceU is the SQL expression of the name of unit u (an org_unit
// aliased u) as lists, profiles and printed accounts show it: followed by
// its OPD ("Subbagian Umum dan Kepegawaian — Dinas Kesehatan") when
// another unit bears the same name, since many OPDs have a unit of that
// name; the bare name otherwise. The OPD is the nearest ancestor of kind
// opd (model.UnitOPD).
const unitPlaceU = `CASE WHEN EXISTS (SELECT 1 FROM org_unit d WHERE d.name = u.name AND d.id <> u.id)
	THEN u.name || COALESCE((SELECT ' — ' || o.name FROM org_unit o WHERE o.kind = 'opd' AND o.id <> u.id
		AND SUBSTR(u.path, 1, LENGTH(o.path)) = o.path ORDER BY LENGTH(o.path) DESC LIMIT 1), '')
	ELSE u.name END`
