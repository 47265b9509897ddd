// Command floorgo runs a schema-floor script (bench/run.sh writes it) on a
// SQLite file through the pure-Go engine Kompeten uses, on one connection:
// the floor of the engine rather than of the sqlite3 shell. Usage:
// floorgo DB SCRIPT. Statements are separated by ";" (none of the
// script's statements has one inside).
package main

import (
	"database/sql"
	"fmt"
	"os"
	"strings"

	_ "modernc.org/sqlite"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: floorgo DB SCRIPT")
		os.Exit(2)
	}
	script, err := os.ReadFile(os.Args[2])
	if err != nil {
		fail(err)
	}
	db, err := sql.Open("sqlite", os.Args[1])
	if err != nil {
		fail(err)
	}
	db.SetMaxOpenConns(1)
	for _, st := range strings.Split(string(script), ";") {
		if st = strings.TrimSpace(st); st == "" {
			continue
		}
		if _, err := db.Exec(st); err != nil {
			fail(fmt.Errorf("%s: %w", st, err))
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "floorgo:", err)
	os.Exit(1)
}
