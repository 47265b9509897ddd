-- Assessment cycles and editable agency frameworks (SQLite dialect).

-- A cycle is open from opens_on to closes_on inclusive (ISO dates, WIB) for
-- the active employees of its scope unit's subtree, for the sources it
-- opens; closed_at (Unix seconds) ends it early for good.
ALTER TABLE assessment_cycle ADD COLUMN src_self INTEGER NOT NULL DEFAULT 1;
ALTER TABLE assessment_cycle ADD COLUMN src_supervisor INTEGER NOT NULL DEFAULT 1;
ALTER TABLE assessment_cycle ADD COLUMN src_peer INTEGER NOT NULL DEFAULT 1;
ALTER TABLE assessment_cycle ADD COLUMN closed_at INTEGER;
ALTER TABLE assessment_cycle ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assessment_cycle ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
CREATE INDEX assessment_cycle_dates ON assessment_cycle(closes_on, opens_on);
CREATE INDEX assessment_cycle_scope ON assessment_cycle(scope_unit_id);

-- Cycle progress counts read this index only; ratings outside any cycle
-- (most of a demo or a bulk load) are not in it.
CREATE INDEX rating_cycle ON rating(cycle_id, source, employee_id, rater_id) WHERE cycle_id IS NOT NULL;
-- Which framework version ratings and standards point at.
CREATE INDEX rating_competency ON rating(competency_id);
CREATE INDEX standard_item_competency ON standard_item(competency_id);

-- The agency (unit) that owns a framework, whose admins may version it, and
-- the version a new version was copied from.
ALTER TABLE framework ADD COLUMN owner_unit_id INTEGER REFERENCES org_unit(id);
ALTER TABLE framework ADD COLUMN based_on_id INTEGER REFERENCES framework(id);

-- A framework version being edited: a dictionary.Framework as JSON. It
-- becomes framework, competency and competency_level rows when published,
-- which freezes it; at most one draft per framework code.
CREATE TABLE framework_draft (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    version       TEXT NOT NULL,
    based_on_id   INTEGER REFERENCES framework(id),
    owner_unit_id INTEGER REFERENCES org_unit(id),
    body          TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    created_by    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX framework_draft_owner ON framework_draft(owner_unit_id);
