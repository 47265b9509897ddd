-- Audited imports of SKP and assessment-centre results (postgres dialect).

-- The file an import applied, kept with its event so that an auditor can
-- see what a file changed: its bytes (bounded by the import's size limit,
-- store.MaxImportFileSize), name, SHA-256 and size. One row per applied
-- import, keyed by its "import.*" audit event.
CREATE TABLE import_file (
    audit_id BIGINT PRIMARY KEY REFERENCES audit_log(id),
    kind     TEXT NOT NULL,
    name     TEXT NOT NULL,
    sha256   TEXT NOT NULL,
    size     BIGINT NOT NULL,
    content  BYTEA NOT NULL
);

-- The per-record audit rows an import writes (one per SKP predikat or
-- assessment-centre result it changed, with old and new values) name the
-- import's event, so that the audit page lists what one file changed.
ALTER TABLE audit_log ADD COLUMN event_id BIGINT REFERENCES audit_log(id);
CREATE INDEX audit_event ON audit_log(event_id, id) WHERE event_id IS NOT NULL;
