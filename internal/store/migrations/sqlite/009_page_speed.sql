-- Indexes for pages that must stay fast at a million employees (sqlite dialect).

-- The questionnaire list (/kuesioner) pages surveys newest closing date
-- first (store.SurveyPage) without sorting every survey ever held; each
-- row's responses are counted on survey_response's (survey_id, employee_id)
-- unique index.
CREATE INDEX survey_closes ON survey(closes_on, id);

-- The version history (/kamus/{id}/versi) counts superseded position
-- standards per framework version by reading superseded standards only
-- (store.FrameworkVersions): they are few beside the current ones.
CREATE INDEX position_standard_old ON position_standard(is_current, id) WHERE is_current = FALSE;
