-- Registry, accounts, audit: the foundation schema (SQLite dialect).
-- Dates are ISO 'YYYY-MM-DD' text; instants are Unix seconds; booleans 0/1.
CREATE TABLE org_unit (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    parent_id INTEGER REFERENCES org_unit(id),
    path      TEXT NOT NULL,
    depth     INTEGER NOT NULL
);
CREATE INDEX org_unit_parent ON org_unit(parent_id);
CREATE INDEX org_unit_path ON org_unit(path);

CREATE TABLE position (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,
    title   TEXT NOT NULL,
    type    TEXT NOT NULL,
    jenjang TEXT NOT NULL DEFAULT '',
    unit_id INTEGER NOT NULL REFERENCES org_unit(id),
    is_head INTEGER NOT NULL DEFAULT 0,
    UNIQUE (unit_id, title)
);

CREATE TABLE employee (
    id              INTEGER PRIMARY KEY,
    nip             TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    gelar_depan     TEXT NOT NULL DEFAULT '',
    gelar_belakang  TEXT NOT NULL DEFAULT '',
    sort_name       TEXT NOT NULL,
    birth_place     TEXT NOT NULL DEFAULT '',
    birth_date      TEXT NOT NULL DEFAULT '',
    gender          TEXT NOT NULL,
    kind            TEXT NOT NULL,
    golongan        TEXT NOT NULL DEFAULT '',
    position_id     INTEGER REFERENCES position(id),
    unit_id         INTEGER NOT NULL REFERENCES org_unit(id),
    supervisor_id   INTEGER,
    supervisor_set  INTEGER NOT NULL DEFAULT 0,
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'aktif',
    retirement_date TEXT NOT NULL DEFAULT '',
    updated_at      INTEGER NOT NULL
);
CREATE INDEX employee_sort ON employee(sort_name, id);
CREATE INDEX employee_unit ON employee(unit_id, sort_name);
CREATE INDEX employee_supervisor ON employee(supervisor_id);
CREATE INDEX employee_position ON employee(position_id);

-- One row per word of an employee's bare name: search by any word (prefix
-- range scan) returns people already in name order.
CREATE TABLE employee_word (
    word        TEXT NOT NULL,
    sort_name   TEXT NOT NULL,
    employee_id INTEGER NOT NULL,
    PRIMARY KEY (word, sort_name, employee_id)
) WITHOUT ROWID;
CREATE INDEX employee_word_emp ON employee_word(employee_id);

CREATE TABLE employee_history (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT NOT NULL,
    new_value   TEXT NOT NULL,
    actor_id    INTEGER
);
CREATE INDEX employee_history_emp ON employee_history(employee_id, at);

CREATE TABLE acting_assignment (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee(id),
    position_id INTEGER NOT NULL REFERENCES position(id),
    kind        TEXT NOT NULL,
    from_date   TEXT NOT NULL,
    until_date  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX acting_position ON acting_assignment(position_id);
CREATE INDEX acting_employee ON acting_assignment(employee_id);

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    employee_id   INTEGER UNIQUE REFERENCES employee(id),
    role          TEXT NOT NULL,
    scope_unit_id INTEGER REFERENCES org_unit(id),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1,
    lang          TEXT NOT NULL DEFAULT 'id',
    created_at    INTEGER NOT NULL
);

CREATE TABLE api_token (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user(id),
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

CREATE TABLE session (
    token  TEXT PRIMARY KEY,
    data   BLOB NOT NULL,
    expiry INTEGER NOT NULL
);
CREATE INDEX session_expiry ON session(expiry);

CREATE TABLE login_throttle (
    key           TEXT PRIMARY KEY,
    failures      INTEGER NOT NULL,
    last_failure  INTEGER NOT NULL,
    blocked_until INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor_id  INTEGER,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail    TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_at ON audit_log(at);
