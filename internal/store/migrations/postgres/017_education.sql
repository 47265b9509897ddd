-- Education history (riwayat pendidikan) per employee (postgres dialect).

-- One completed formal education: level (model.EducationLevel: sd … s3),
-- major, institution, graduation year and certificate (ijazah) number.
-- A record is identified by the employee, level and year, so that an
-- import of the same SIASN export again updates rather than duplicates.
CREATE TABLE education (
    employee_id    BIGINT NOT NULL REFERENCES employee(id),
    level          TEXT NOT NULL,
    year           INTEGER NOT NULL,
    major          TEXT NOT NULL DEFAULT '',
    institution    TEXT NOT NULL DEFAULT '',
    certificate_no TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (employee_id, level, year)
);
