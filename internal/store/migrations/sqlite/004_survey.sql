-- Training-needs questionnaires (AKPK surveys) (SQLite dialect).

-- A questionnaire sent to every active employee of one unit's subtree,
-- open from opens_on to closes_on inclusive (ISO dates, WIB).
CREATE TABLE survey (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    intro         TEXT NOT NULL DEFAULT '',
    scope_unit_id INTEGER NOT NULL REFERENCES org_unit(id),
    opens_on      TEXT NOT NULL,
    closes_on     TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    created_by    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX survey_scope ON survey(scope_unit_id);

-- kind: competencies (pick from survey_option), forms (pick training
-- forms from the fixed list), text (free answer). max_picks 0 = no limit.
CREATE TABLE survey_question (
    id        INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES survey(id),
    ord       INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    prompt    TEXT NOT NULL,
    max_picks INTEGER NOT NULL DEFAULT 0,
    required  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX survey_question_survey ON survey_question(survey_id, ord);

-- The competencies a competencies question offers.
CREATE TABLE survey_option (
    question_id   INTEGER NOT NULL REFERENCES survey_question(id),
    competency_id INTEGER NOT NULL REFERENCES competency(id),
    PRIMARY KEY (question_id, competency_id)
) WITHOUT ROWID;

-- One response per employee and survey, replaced while the survey is open;
-- unit_id is the employee's unit when they last answered.
CREATE TABLE survey_response (
    id          INTEGER PRIMARY KEY,
    survey_id   INTEGER NOT NULL REFERENCES survey(id),
    employee_id INTEGER NOT NULL REFERENCES employee(id),
    unit_id     INTEGER NOT NULL REFERENCES org_unit(id),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (survey_id, employee_id)
);
CREATE INDEX survey_response_employee ON survey_response(employee_id);

-- One row per picked competency (competency_id), picked form (choice) or
-- free-text answer (body).
CREATE TABLE survey_answer (
    response_id   INTEGER NOT NULL REFERENCES survey_response(id),
    question_id   INTEGER NOT NULL REFERENCES survey_question(id),
    competency_id INTEGER REFERENCES competency(id),
    choice        TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX survey_answer_response ON survey_answer(response_id);
CREATE INDEX survey_answer_question ON survey_answer(question_id);
