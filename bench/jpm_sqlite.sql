-- Baseline of `bench/run.sh jpm`: every employee's JPM and categories in one
-- aggregate over the stored tables, for the sqlite3 shell (`sqlite3 -csv DB <
-- bench/jpm_sqlite.sql`). Employee → current standard of the position → its
-- items → the current level (missing = 0); one row per employee with a
-- non-empty standard, in ID order. JPM in hundredths rounded half up, as
-- package gap does; categories from the capped JPM with the default
-- thresholds (mapping 90/78, filling 80/68). Output columns = those of
-- `kompeten gaps jpm`, so the two files compare byte for byte.
SELECT employee_id, sum_required, sum_actual, sum_capped, jpm_raw, jpm_capped,
       CASE WHEN jpm_capped >= 9000 THEN 'optimal' WHEN jpm_capped >= 7800 THEN 'cukup_optimal' ELSE 'kurang_optimal' END,
       CASE WHEN jpm_capped >= 8000 THEN 'memenuhi_syarat' WHEN jpm_capped >= 6800 THEN 'masih_memenuhi_syarat'
            ELSE 'kurang_memenuhi_syarat' END
FROM (
  SELECT e.id AS employee_id,
         SUM(i.required) AS sum_required,
         SUM(COALESCE(l.level, 0)) AS sum_actual,
         SUM(MIN(COALESCE(l.level, 0), i.required)) AS sum_capped,
         (SUM(COALESCE(l.level, 0)) * 20000 + SUM(i.required)) / (2 * SUM(i.required)) AS jpm_raw,
         (SUM(MIN(COALESCE(l.level, 0), i.required)) * 20000 + SUM(i.required)) / (2 * SUM(i.required)) AS jpm_capped
  FROM employee e
  JOIN position_standard ps ON ps.position_id = e.position_id AND ps.is_current = 1
  JOIN standard_item i ON i.standard_id = ps.id
  LEFT JOIN current_level l ON l.employee_id = e.id AND l.competency_id = i.competency_id
  GROUP BY e.id
  ORDER BY e.id
);
