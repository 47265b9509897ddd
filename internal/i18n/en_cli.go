package i18n

// The command line's help and reports (English).
func init() {
	extend(enMessages, map[string]string{
		"cli.title":                "Kompeten — competency development for Indonesian civil servants",
		"cli.usage":                "Usage: kompeten <command> [options]",
		"cli.commands":             "Commands:",
		"cli.options_hint":         "Options of a command: kompeten <command> -h",
		"cli.unknown":              "kompeten: unknown command %q",
		"cli.map_form":             "--map must read \"COLUMN=field\", not %q",
		"cli.options":              "Options:",
		"cli.default":              "%s (default: %s)",
		"cli.env":                  "(env %s)",
		"cli.migrations_ran":       "%d migrations applied",
		"cli.summary.backup":       "copy the SQLite database consistently while the server runs: backup FILE",
		"cli.summary.restore":      "restore the SQLite database from a backup (the server must be stopped): restore FILE",
		"cli.summary.version":      "print the version",
		"cli.summary.migrate":      "apply the database schema migrations",
		"cli.summary.demo":         "fill an empty database with the demo city (Kota Medan) and a demo account per role",
		"cli.summary.gaps":         "recompute every employee's competency levels, gaps and JPM (gaps recompute | gaps jpm)",
		"cli.summary.import":       "import employees|units|positions|framework|assessment|performance|education|catalogue from a file (a dry run unless --apply)",
		"cli.summary.export":       "export employees|units|positions|catalogue to FILE.csv|.xlsx; framework FILE --code CODE",
		"cli.summary.serve":        "run the web server and the API (--demo loads the demo city into an empty database)",
		"cli.summary.user":         "manage accounts: create, set-role, reset-password, activate, deactivate, token, tokens, revoke-token",
		"cli.opt.db":               "database: a SQLite file path or a postgres:// URL",
		"cli.opt.addr":             "HTTP listen address (HOST:PORT); use 0.0.0.0:PORT to listen on every interface",
		"cli.opt.secure-cookies":   "mark session cookies Secure (set true behind HTTPS)",
		"cli.opt.log-level":        "log level: debug, info, warn, error",
		"cli.opt.timezone":         "the city's time zone, in which dates and times are shown (Asia/Jakarta WIB, Asia/Makassar WITA, Asia/Jayapura WIT)",
		"cli.opt.session-idle":     "sign a browser out after this long without a request (Go duration: 30m, 1h)",
		"cli.opt.log-format":       "log format: text (key=value lines) or json (one JSON object a line)",
		"cli.opt.metrics-allow":    "networks (CIDR, comma-separated) whose clients may read /metrics without a token; empty: none",
		"cli.opt.metrics-token":    "bearer token that opens /metrics from any address; empty: none",
		"cli.opt.base-url":         "public URL of this server, for links in e-mails",
		"cli.opt.smtp-host":        "SMTP server for outgoing e-mail; empty: the queue is kept but nothing is sent",
		"cli.opt.smtp-port":        "SMTP server port (587 STARTTLS, 465 TLS, 25 without TLS)",
		"cli.opt.smtp-username":    "SMTP username; empty: no authentication",
		"cli.opt.smtp-password":    "SMTP password (or from the file KOMPETEN_SMTP_PASSWORD_FILE)",
		"cli.opt.smtp-from":        "sender address of e-mails",
		"cli.opt.smtp-tls":         "SMTP security: none, starttls or tls",
		"cli.opt.lang":             "language of command-line messages: id or en (empty: from LC_ALL, LC_MESSAGES or LANG, else id)",
		"cli.flag.demo.employees":  "number of employees (100 to 1,000,000)",
		"cli.flag.demo.seed":       "random seed: the same seed and size give the same data",
		"cli.flag.serve.demo":      "load the demo city (Kota Medan) when the database is still empty, then print the demo accounts",
		"cli.flag.gaps.jpm-only":   "recompute: JPM only, from the stored levels",
		"cli.flag.gaps.out":        "jpm: output CSV file (- = stdout)",
		"cli.flag.gaps.workers":    "jpm: number of parallel workers (0 = one per CPU)",
		"cli.flag.import.apply":    "write the good rows (without it, a dry run only)",
		"cli.flag.import.sheet":    "XLSX sheet name (default: the first sheet)",
		"cli.flag.import.format":   "csv or xlsx (default: from the file's extension); framework: moodle, csv, xlsx or json",
		"cli.flag.import.map":      "map an unknown column: --map \"MY COLUMN=nip\" (may repeat)",
		"cli.flag.export.code":     "competency framework code (export framework)",
		"cli.flag.export.version":  "framework version (default: the latest)",
		"cli.flag.export.format":   "moodle, csv, xlsx or json (default: from the file's extension)",
		"cli.flag.user.role":       "role: pegawai, atasan, admin_opd, admin_bkpsdm, penyelenggara, pimpinan, auditor, superadmin",
		"cli.flag.user.nip":        "NIP of the employee who owns the account (create)",
		"cli.flag.user.scope-unit": "ID of the unit an admin_opd manages",
		"cli.flag.user.name":       "API token name (token): what the token is for",
		"cli.flag.user.days":       "API token lifetime in days (token), at most 365",
		"cli.flag.user.read-only":  "API token for reading only (token)",
		"cli.usage.import": `Usage: kompeten import KIND FILE [options]   (options may come before or after KIND and FILE)
Kinds:
  employees | pegawai     employee data (CSV or XLSX exported from SIMPEG/SIASN)
  units | unit           organisation units
  positions | jabatan    positions
  framework | kerangka   competency dictionary (--format moodle|csv|xlsx|json)
  assessment             assessment-centre results (NIP, KODE KOMPETENSI, LEVEL, TANGGAL)
  performance            SKP rating per year (NIP, TAHUN, PREDIKAT)
  education | pendidikan education history, SIASN export (NIP, TINGKAT_PENDIDIKAN, TAHUN_LULUS, ...)
  catalogue | katalog    development programme catalogue (KODE, JUDUL, BENTUK, PENYAMPAIAN, JP, MITRA, KOMPETENSI, ...)
Without --apply it is a dry run: the report is written, nothing changes.`,
		"cli.usage.export": `Usage: kompeten export KIND FILE [options]   (options may come before or after KIND and FILE)
Kinds:
  employees | pegawai, units | unit, positions | jabatan   to FILE.csv or FILE.xlsx
  catalogue | katalog    development programme catalogue to FILE.csv or FILE.xlsx
  framework | kerangka   competency dictionary --code CODE [--version V] [--format moodle|csv|xlsx|json]`,
		"cli.usage.user": `Usage:
  kompeten user create USERNAME [--role R] [--nip NIP] [--scope-unit ID]
  kompeten user create USERNAME --role penyelenggara --provider ID --email ADDRESS   (a training partner's account)
  kompeten user set-role USERNAME --role R [--scope-unit ID]
  kompeten user set-grants USERNAME --grants operator   (grants beside the role; --grants "" removes them)
  kompeten user reset-password USERNAME
  kompeten user activate|deactivate USERNAME
  kompeten user token USERNAME --name NAME [--days 90] [--read-only]   (a new API token)
  kompeten user tokens USERNAME   (list the API tokens)
  kompeten user revoke-token USERNAME ID`,
		"cli.usage.backup":   "Usage: kompeten backup FILE [--db DSN]",
		"cli.usage.restore":  "Usage: kompeten restore FILE [--db DSN]   (the server must be stopped)",
		"cli.usage.version":  "Usage: kompeten version",
		"cli.usage.migrate":  "Usage: kompeten migrate [--db DSN]",
		"cli.usage.serve":    "Usage: kompeten serve [options]",
		"cli.usage.gaps":     "Usage: kompeten gaps recompute [--jpm-only] [--db DSN] | kompeten gaps jpm [--out FILE] [--workers N] [--db DSN]",
		"cli.usage.demo":     "Usage: kompeten demo [--employees N] [--seed S] [--db DSN]",
		"cli.report.dry_run": "DRY RUN (nothing changed; add --apply to write)",
		"cli.report.applied": "APPLIED",
		"cli.report.counts":  "rows %d: good %d, with problems %d, warnings %d; new %d, changed %d, unchanged %d (%s)",
		"cli.report.talent_counts": `%s: import %s
rows %d: good %d, with problems %d; employees %d (%s)`,
		"cli.report.head":          "ROW	KIND	COLUMN	VALUE	REASON",
		"cli.report.talent_head":   "ROW	COLUMN	VALUE	REASON",
		"cli.report.error":         "error",
		"cli.report.warning":       "warning",
		"cli.report.new_positions": "new positions (%d): %s",
		"cli.report.missing":       "employees of the units concerned missing from the file: %d",
		"cli.report.omitted":       "%d more problems not shown",
		"cli.exported":             "exported to %s",
		"cli.framework.read":       "framework %s version %s (%s): %d competencies, format %s",
		"cli.framework.dry_run":    "DRY RUN: nothing saved; add --apply to save",
		"cli.framework.saved":      "SAVED as framework #%d",
		"cli.framework.exported":   "framework %s version %s exported to %s (%s)",
		"cli.backup.postgres":      "PostgreSQL: pg_dump -Fc -f FILE \"$KOMPETEN_DB\"   then restore with: pg_restore --clean -d \"$KOMPETEN_DB\" FILE",
		"cli.backup.written":       "backup written to %s",
		"cli.backup.restored":      "database %s restored from %s",
		"cli.demo.not_empty":       "The database already holds data; the demo city is not loaded again. Reset an account's password with: kompeten user reset-password USERNAME",
		"cli.demo.loaded":          "Demo city loaded: %d units, %d positions, %d employees in %s.",
		"cli.demo.accounts":        "Demo accounts (passwords made for this database):",
		"cli.demo.accounts_head":   "ROLE	USER NAME	PASSWORD	EMPLOYEE",
		"cli.demo.acting":          "Demo Plt.: %s (NIP %s) acts as head of %s while the holder is on study leave.",
		"cli.demo.targets":         "Demo target positions: %d functional employees are succession candidates for their unit's head post.",
		"cli.demo.ratings":         "Demo assessments: %d ratings, %d competency levels, %d JPM in %s.",
		"cli.demo.standards":       "Position competency standards (%s): %d positions, %d competency items, %d teacher and health posts with their technical competencies, in %s.",
		"cli.demo.performance":     "Demo performance: %d SKP ratings %d–%d and %d disciplinary penalties in %s.",
		"cli.gaps.jpm_only":        "Recomputed: %d JPM in %s.",
		"cli.gaps.all":             "Recomputed: %d employees, %d competency levels, %d JPM in %s.",
		"cli.serve.running":        "Kompeten is running at http://%s (database %s). Stop it with Ctrl+C.",
		"cli.user.created":         "account %s (%s) created; password: %s",
		"cli.user.token":           "API token %q (number %d) for %s, valid until %s (keep it, it is not shown again): %s",
		"cli.user.tokens_head":     "NUMBER|NAME|CREATED|EXPIRES|LAST USED|RIGHTS",
		"cli.user.token_revoked":   "API token number %d of %s revoked",
		"cli.user.new_password":    "new password of %s: %s",
		"cli.user.state":           "account %s: role %s, active %v",
		"cli.user.token_read":      "read only",
		"cli.user.token_write":     "read-write",
	})
}
