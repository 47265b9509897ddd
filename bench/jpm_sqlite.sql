-- Baseline of `bench/run.sh jpm`: every employee's JPM and categories in one
-- aggregate over the stored tables, for the sqlite3 shell (`sqlite3 -csv DB <
-- bench/jpm_sqlite.sql`). Employee → current standard of the position → its
-- items → the current level; one row per employee with a
-- non-empty standard, in ID order. A competency without a level (or level 0)
-- is unknown, not level 0: the sums and JPM cover the assessed ones only
-- (0 when none is), and an employee not fully assessed has no category
-- ('unknown'). JPM in hundredths rounded half up, as
-- package gap does; categories from the capped JPM with the default
-- thresholds (mapping 90/78, filling 80/68). Output columns = those of
-- `kompeten gaps jpm`, so the two files compare byte for byte.
SELECT employee_id, sum_required, sum_actual, sum_capped, jpm_raw, jpm_capped,
       CASE WHEN assessed < total THEN 'unknown' WHEN jpm_capped >= 9000 THEN 'optimal' WHEN jpm_capped >= 7800 THEN 'cukup_optimal'
            ELSE 'kurang_optimal' END,
       CASE WHEN assessed < total THEN 'unknown' WHEN jpm_capped >= 8000 THEN 'memenuhi_syarat' WHEN jpm_capped >= 6800 THEN 'masih_memenuhi_syarat'
            ELSE 'kurang_memenuhi_syarat' END
FROM (
  SELECT e.id AS employee_id,
         SUM(CASE WHEN l.level > 0 THEN i.required ELSE 0 END) AS sum_required,
         SUM(CASE WHEN l.level > 0 THEN l.level ELSE 0 END) AS sum_actual,
         SUM(CASE WHEN l.level > 0 THEN MIN(l.level, i.required) ELSE 0 END) AS sum_capped,
         COALESCE((SUM(CASE WHEN l.level > 0 THEN l.level ELSE 0 END) * 20000 + SUM(CASE WHEN l.level > 0 THEN i.required ELSE 0 END)) / NULLIF(2 * SUM(CASE WHEN l.level > 0 THEN i.required ELSE 0 END), 0), 0) AS jpm_raw,
         COALESCE((SUM(CASE WHEN l.level > 0 THEN MIN(l.level, i.required) ELSE 0 END) * 20000 + SUM(CASE WHEN l.level > 0 THEN i.required ELSE 0 END)) / NULLIF(2 * SUM(CASE WHEN l.level > 0 THEN i.required ELSE 0 END), 0), 0) AS jpm_capped,
         COUNT(CASE WHEN l.level > 0 THEN 1 END) AS assessed,
         COUNT(*) AS total
  FROM employee e
  JOIN position_standard ps ON ps.position_id = e.position_id AND ps.is_current = 1
  JOIN standard_item i ON i.standard_id = ps.id
  LEFT JOIN current_level l ON l.employee_id = e.id AND l.competency_id = i.competency_id
  GROUP BY e.id
  ORDER BY e.id
);
