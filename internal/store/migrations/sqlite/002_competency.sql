-- Competency dictionary (SQLite dialect). A framework version is immutable
-- once ratings point at its competencies; editing makes a new version.
CREATE TABLE framework (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL,
    version     TEXT NOT NULL,
    name        TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    owner       TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    builtin     INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    UNIQUE (code, version)
);

CREATE TABLE competency (
    id           INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES framework(id),
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    definition   TEXT NOT NULL DEFAULT '',
    grp          TEXT NOT NULL,
    kind         TEXT NOT NULL,
    tags         TEXT NOT NULL DEFAULT '',
    parent_id    INTEGER REFERENCES competency(id),
    ord          INTEGER NOT NULL,
    UNIQUE (framework_id, code)
);

CREATE TABLE competency_level (
    competency_id INTEGER NOT NULL REFERENCES competency(id),
    level         INTEGER NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    description   TEXT NOT NULL,
    indicators    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (competency_id, level)
);
