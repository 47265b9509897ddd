-- Survey answers' audit rows say only that the employee answered the survey
-- (issue 10): rows written before that rule also named the employee and the
-- size of each answer, which let a reader of the log tie free texts to people.
UPDATE audit_log
   SET detail = '{"survey_id":' || COALESCE(json_extract(detail, '$.survey_id'), 0) || '}'
 WHERE action IN ('survey.answer', 'survey.answer_update') AND entity = 'survey_response';
