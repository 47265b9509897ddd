-- Work evidence (bukti kerja): a document an employee submits for a
-- competency of their position's standard, reviewed by their supervisor.
-- The file lives in the row (transactional with the review, and in every
-- backup); at most 5 MB, PDF, JPEG or PNG only. Accepting records a rating
-- of source 'evidence' by the reviewer (rating_id); rows are never deleted.
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    employee_id   INTEGER NOT NULL REFERENCES employee(id),
    competency_id INTEGER NOT NULL REFERENCES competency(id),
    claimed_level INTEGER NOT NULL CHECK (claimed_level BETWEEN 1 AND 5),
    note          TEXT NOT NULL DEFAULT '',
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    content       BLOB NOT NULL,
    size          INTEGER NOT NULL,
    submitted_at  INTEGER NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
    reviewer_id   INTEGER REFERENCES employee(id),
    reviewed_at   INTEGER,
    review_note   TEXT NOT NULL DEFAULT '',
    rating_id     INTEGER REFERENCES rating(id)
);
CREATE INDEX evidence_employee ON evidence(employee_id, id);
CREATE INDEX evidence_pending ON evidence(employee_id) WHERE status = 'pending';
