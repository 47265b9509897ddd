-- Settings as data (issue 11 point 3, sqlite dialect; booleans 0/1).

-- The rules an administrator may change (package settings): one row named
-- 'rules' holding the value as JSON, so that a new setting needs no
-- migration and is read with its default (settings.Default) until first
-- saved. Every save is audited.
CREATE TABLE app_settings (
    name       TEXT PRIMARY KEY CHECK (name = 'rules'),
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES app_user(id)
);

-- The recomputation a change of settings starts in the background: what it
-- redoes (retirement dates, levels, JPM), its phase and progress, so that
-- the settings page and the API show how far it is; any app node may claim
-- a queued job (an UPDATE from queued to running decides who).
CREATE TABLE settings_job (
    id          INTEGER PRIMARY KEY,
    audit_id    INTEGER REFERENCES audit_log(id),
    retirement  INTEGER NOT NULL,
    levels      INTEGER NOT NULL,
    jpm         INTEGER NOT NULL,
    state       TEXT NOT NULL DEFAULT 'queued',
    phase       TEXT NOT NULL DEFAULT '',
    done        INTEGER NOT NULL DEFAULT 0,
    total       INTEGER NOT NULL DEFAULT 0,
    error       TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    started_at  INTEGER,
    finished_at INTEGER
);
CREATE INDEX settings_job_state ON settings_job(state, id);
