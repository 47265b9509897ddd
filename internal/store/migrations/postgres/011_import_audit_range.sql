-- Cheaper employee imports (postgres dialect).

-- An import audits the employees it creates as ranges of employee IDs on
-- its one "import.employees" event instead of one "employee.create" row per
-- employee (a million audit rows cost ≈ 2.6 s at a million-row import). The
-- IDs an import creates are those above the highest ID before it, so one
-- range (a few on PostgreSQL, should another transaction take IDs from the
-- sequence in between) covers them all. store.AuditLog shows the event in
-- the history of every employee whose ID falls in one of its ranges. Ranges
-- of one entity never overlap, and there is one per import, so the index
-- scan is short. Per-employee "employee.create" rows written by earlier
-- imports stay as they are.
CREATE TABLE audit_range (
    audit_id BIGINT NOT NULL REFERENCES audit_log(id),
    entity   TEXT NOT NULL,
    first_id BIGINT NOT NULL,
    last_id  BIGINT NOT NULL,
    CHECK (first_id <= last_id)
);
CREATE INDEX audit_range_entity ON audit_range(entity, first_id, last_id, audit_id);

-- employee_word's index on employee_id served only to delete an employee's
-- words on a rename and cost ≈ 1.6 s at a million-row import; a rename now
-- deletes the old name's words by the primary key (word, sort_name,
-- employee_id).
DROP INDEX IF EXISTS employee_word_emp;
