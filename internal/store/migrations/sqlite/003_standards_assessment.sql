-- Position standards (SKJ), assessments and their results (SQLite dialect).

-- Default requirements per position type (and jenjang for functional posts);
-- an empty jenjang applies to every jenjang of the type.
CREATE TABLE standard_template (
    id            INTEGER PRIMARY KEY,
    position_type TEXT NOT NULL,
    jenjang       TEXT NOT NULL DEFAULT '',
    competency_id INTEGER NOT NULL REFERENCES competency(id),
    required      INTEGER NOT NULL,
    weight        INTEGER NOT NULL DEFAULT 1,
    mandatory     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (position_type, jenjang, competency_id)
);

-- One standard per position and decree; the newest is current, older ones
-- are its history.
CREATE TABLE position_standard (
    id          INTEGER PRIMARY KEY,
    position_id INTEGER NOT NULL REFERENCES position(id),
    decree_no   TEXT NOT NULL DEFAULT '',
    decree_date TEXT NOT NULL DEFAULT '',
    is_current  INTEGER NOT NULL DEFAULT 1,
    created_at  INTEGER NOT NULL,
    created_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX position_standard_pos ON position_standard(position_id, is_current);

CREATE TABLE standard_item (
    standard_id   INTEGER NOT NULL REFERENCES position_standard(id),
    competency_id INTEGER NOT NULL REFERENCES competency(id),
    required      INTEGER NOT NULL,
    weight        INTEGER NOT NULL DEFAULT 1,
    mandatory     INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (standard_id, competency_id)
);

CREATE TABLE assessment_cycle (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    opens_on      TEXT NOT NULL,
    closes_on     TEXT NOT NULL,
    scope_unit_id INTEGER REFERENCES org_unit(id),
    created_at    INTEGER NOT NULL
);

-- Every rating is an event; nothing overwrites it. source: self, supervisor,
-- peer, test, assessment_centre, evidence.
CREATE TABLE rating (
    id            INTEGER PRIMARY KEY,
    cycle_id      INTEGER REFERENCES assessment_cycle(id),
    employee_id   INTEGER NOT NULL REFERENCES employee(id),
    competency_id INTEGER NOT NULL REFERENCES competency(id),
    source        TEXT NOT NULL,
    level         INTEGER NOT NULL,
    rater_id      INTEGER,
    at            INTEGER NOT NULL,
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rating_employee ON rating(employee_id, competency_id);
CREATE INDEX rating_rater ON rating(rater_id);

-- The resolved level per employee and competency (package assess).
CREATE TABLE current_level (
    employee_id   INTEGER NOT NULL,
    competency_id INTEGER NOT NULL,
    level         INTEGER NOT NULL,
    decided       TEXT NOT NULL,
    conflict      INTEGER NOT NULL DEFAULT 0,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (employee_id, competency_id)
) WITHOUT ROWID;

-- JPM per employee against the current standard of their position
-- (package gap); percentages in hundredths.
CREATE TABLE employee_jpm (
    employee_id  INTEGER PRIMARY KEY,
    position_id  INTEGER,
    standard_id  INTEGER,
    sum_required INTEGER NOT NULL,
    sum_actual   INTEGER NOT NULL,
    sum_capped   INTEGER NOT NULL,
    jpm_raw      INTEGER NOT NULL,
    jpm_capped   INTEGER NOT NULL,
    mapping      TEXT NOT NULL,
    filling      TEXT NOT NULL,
    assessed     INTEGER NOT NULL,
    total        INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);

-- Yearly performance (SKP predikat) for the 9-box.
CREATE TABLE performance_rating (
    employee_id INTEGER NOT NULL REFERENCES employee(id),
    year        INTEGER NOT NULL,
    predikat    TEXT NOT NULL,
    PRIMARY KEY (employee_id, year)
);
