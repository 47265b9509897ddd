-- The target position of an employee (jabatan target; PP 17/2020 Pasal
-- 205–206): the post the employee is being developed for, recorded by an
-- administrator. The needs analysis (AKPK) compares the employee's levels with
-- the current standard of this position beside that of the position held.
-- One per employee; clearing it deletes the row (the audit log keeps who and when).
CREATE TABLE target_position (
    employee_id INTEGER NOT NULL PRIMARY KEY REFERENCES employee(id),
    position_id INTEGER NOT NULL REFERENCES position(id),
    note        TEXT NOT NULL DEFAULT '',
    set_at      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX target_position_position ON target_position(position_id);
