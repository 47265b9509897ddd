-- Discipline penalties (hukuman disiplin, PP 94/2021). A moderate (sedang) or
-- heavy (berat) penalty in force keeps the employee out of the 9-box
-- succession pool (Permen PANRB 3/2020). Rows are never deleted: a penalty
-- annulled on appeal is revoked, with the reason, and the audit log keeps who.
CREATE TABLE discipline_penalty (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee(id),
    level       TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT '',
    decree_no   TEXT NOT NULL,
    decree_date TEXT NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    revoked_at  INTEGER,
    revoke_note TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);
CREATE INDEX discipline_penalty_employee ON discipline_penalty(employee_id);
