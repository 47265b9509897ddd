-- Plt./Plh. recorded under a decree, and who saw whose data (sqlite dialect).

-- An acting assignment names its decree (SK number and date) and when it was
-- recorded. It ends by its until_date: every read compares with today.
ALTER TABLE acting_assignment ADD COLUMN decree_no TEXT NOT NULL DEFAULT '';
ALTER TABLE acting_assignment ADD COLUMN decree_date TEXT NOT NULL DEFAULT '';
ALTER TABLE acting_assignment ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX acting_dates ON acting_assignment(from_date, until_date);

-- Who saw whose data (UU 27/2022): one row per view of another person's
-- single record or per export, appended in batches off the request path.
-- subject_id is the employee whose data was seen, 0 for an export of many.
CREATE TABLE view_log (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    viewer_id  INTEGER NOT NULL,
    viewer     TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    what       TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX view_log_subject ON view_log(subject_id, at);
CREATE INDEX view_log_at ON view_log(at);

-- An employee contests a JPM, a level or a 9-box placement with a note; an
-- administrator of their unit answers it. Both steps are audited.
CREATE TABLE data_contest (
    id            INTEGER PRIMARY KEY,
    employee_id   INTEGER NOT NULL REFERENCES employee(id),
    subject       TEXT NOT NULL,
    competency_id INTEGER REFERENCES competency(id),
    note          TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    answer        TEXT NOT NULL DEFAULT '',
    answered_at   INTEGER,
    answered_by   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX data_contest_employee ON data_contest(employee_id, id);
CREATE INDEX data_contest_open ON data_contest(id) WHERE answered_at IS NULL;
