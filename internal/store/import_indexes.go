package store

import (
	"context"
	"database/sql"
	"fmt"
)

// rebuildDDL is what dropImportIndexes dropped, as the DDL that recreates
// it: employee's part is rebuilt before the search words are written,
// employee_word's after.
type rebuildDDL struct {
	emp, words []string
}

// run executes the statements of one part.
func rebuildIndexes(ctx context.Context, tx *sql.Tx, ddl []string) error {
	for _, d := range ddl {
		if _, err := tx.ExecContext(ctx, d); err != nil {
			return fmt.Errorf("store: bulk load: rebuild index: %w", err)
		}
	}
	return nil
}

// dropImportIndexes drops the secondary (non-unique) indexes of employee and
// employee_word (and on PostgreSQL employee's foreign keys and the word
// table's primary key) and returns the DDL that recreates them. The indexes
// are listed from the catalogue, so the list follows the schema: since
// migration 011 employee_word has no secondary index (employee_word_emp
// served only renames, which now delete by the primary key), and on SQLite
// its part of the DDL is empty.
func (s *Store) dropImportIndexes(ctx context.Context, tx *sql.Tx) (*rebuildDDL, error) {
	var q string
	if s.dialect == SQLite {
		q = `SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('employee', 'employee_word')
			AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`
	} else {
		q = `SELECT indexname, indexdef, tablename FROM pg_indexes WHERE schemaname = current_schema()
			AND tablename IN ('employee', 'employee_word') AND indexdef NOT LIKE 'CREATE UNIQUE%'`
	}
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("store: import: list indexes: %w", err)
	}
	var idx []string
	ddl := &rebuildDDL{}
	for rows.Next() {
		var name, def, table string
		if err := rows.Scan(&name, &def, &table); err != nil {
			rows.Close()
			return nil, err
		}
		idx = append(idx, name)
		if table == "employee_word" {
			ddl.words = append(ddl.words, def)
		} else {
			ddl.emp = append(ddl.emp, def)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range idx {
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+name); err != nil {
			return nil, fmt.Errorf("store: import: drop index %s: %w", name, err)
		}
	}
	if s.dialect == Postgres {
		// Foreign keys too: re-adding one checks every row in one join,
		// where COPY would fire a check per row and reference. DROP INDEX
		// has locked the table for the transaction already.
		rows, err := tx.QueryContext(ctx, `SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
			WHERE conrelid = 'employee'::regclass AND contype = 'f' ORDER BY conname`)
		if err != nil {
			return nil, fmt.Errorf("store: import: list foreign keys: %w", err)
		}
		var fks []string
		for rows.Next() {
			var name, def string
			if err := rows.Scan(&name, &def); err != nil {
				rows.Close()
				return nil, err
			}
			fks = append(fks, name)
			ddl.emp = append(ddl.emp, `ALTER TABLE employee ADD CONSTRAINT `+name+` `+def)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for _, name := range fks {
			if _, err := tx.ExecContext(ctx, `ALTER TABLE employee DROP CONSTRAINT `+name); err != nil {
				return nil, fmt.Errorf("store: import: drop foreign key %s: %w", name, err)
			}
		}
		// And the word table's primary key: COPY then goes straight into
		// the heap and the key is built by one sort.
		var name, def string
		if err := tx.QueryRowContext(ctx, `SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
			WHERE conrelid = 'employee_word'::regclass AND contype = 'p'`).Scan(&name, &def); err != nil {
			return nil, fmt.Errorf("store: import: word key: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `ALTER TABLE employee_word DROP CONSTRAINT `+name); err != nil {
			return nil, fmt.Errorf("store: import: drop word key: %w", err)
		}
		ddl.words = append([]string{`ALTER TABLE employee_word ADD CONSTRAINT ` + name + ` ` + def}, ddl.words...)
		// Index builds sort in server memory rather than in temporary files.
		if _, err := tx.ExecContext(ctx, `SET LOCAL maintenance_work_mem = '256MB'`); err != nil {
			return nil, err
		}
	}
	return ddl, nil
}
