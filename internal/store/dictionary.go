package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
)

// FrameworkInfo is one stored framework version, as lists show it.
type FrameworkInfo struct {
	ID                          int64
	Code, Version, Name, Source string
	Owner, Description          string
	BuiltIn                     bool
	Competencies                int
	CreatedAt                   time.Time
}

// CreateFramework stores a framework as a new version (code + version must
// be new: a version that ratings may point at never changes). It refuses a
// framework with errors, naming the first (dictionary.Framework.Check).
func (s *Store) CreateFramework(ctx context.Context, a model.Actor, f *dictionary.Framework, builtin bool) (int64, error) {
	if err := f.Check(); err != nil {
		return 0, err
	}
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if id, err = s.insertFramework(ctx, tx, f, builtin); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "framework.create", "framework", id, map[string]any{
			"code": f.Code, "version": f.Version, "competencies": len(f.Competencies), "builtin": builtin})
	})
	return id, err
}

// insertFramework writes a validated framework version's rows inside tx
// (the caller audits): a (code, version) already stored is a conflict.
func (s *Store) insertFramework(ctx context.Context, tx *sql.Tx, f *dictionary.Framework, builtin bool) (int64, error) {
	id, err := insertID(ctx, tx, `INSERT INTO framework (code, version, name, source, owner, description, builtin, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, f.Code, f.Version, f.Name, f.Source, f.Owner, f.Description, builtin, s.Now().Unix())
	if isUniqueViolation(err) {
		return 0, apperr.New(apperr.ECONFLICT, "err.framework.version_exists", f.Code, f.Version)
	}
	if err != nil {
		return 0, fmt.Errorf("store: create framework %s: %w", f.Code, err)
	}
	ids := map[string]int64{}
	// Parents first: a parent may follow its child in the file.
	for pass := 0; pass < len(f.Competencies) && len(ids) < len(f.Competencies); pass++ {
		for i, c := range f.Competencies {
			if _, done := ids[c.Code]; done {
				continue
			}
			parent, ok := ids[c.ParentCode]
			if c.ParentCode != "" && !ok {
				continue
			}
			cid, err := insertID(ctx, tx, `INSERT INTO competency (framework_id, code, name, definition, grp, kind, tags, parent_id, ord)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, id, c.Code, c.Name, c.Definition, string(c.Group), c.Kind,
				strings.Join(c.Tags, ","), nullID(parent), i+1)
			if err != nil {
				return 0, fmt.Errorf("store: competency %s: %w", c.Code, err)
			}
			ids[c.Code] = cid
			for l, lv := range c.Levels {
				if _, err := tx.ExecContext(ctx, `INSERT INTO competency_level (competency_id, level, title, description, indicators)
					VALUES ($1, $2, $3, $4, $5)`, cid, l+1, lv.Title, lv.Description, strings.Join(lv.Indicators, "\n")); err != nil {
					return 0, err
				}
			}
		}
	}
	return id, nil
}

// EnsureBuiltInFrameworks stores every built-in framework whose code and
// version are not there yet, and returns how many it added.
func (s *Store) EnsureBuiltInFrameworks(ctx context.Context, a model.Actor) (int, error) {
	added := 0
	for _, f := range dictionary.BuiltIn() {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM framework WHERE code = $1 AND version = $2`, f.Code, f.Version).Scan(&n); err != nil {
			return added, err
		}
		if n > 0 {
			continue
		}
		if _, err := s.CreateFramework(ctx, a, &f, true); err != nil {
			return added, err
		}
		added++
	}
	return added, nil
}

// Frameworks lists every stored framework version, built-in ones first.
func (s *Store) Frameworks(ctx context.Context) ([]FrameworkInfo, error) {
	var out []FrameworkInfo
	var fi FrameworkInfo
	var created int64
	if err := eachRow(ctx, s.db, `SELECT f.id, f.code, f.version, f.name, f.source, f.owner, f.description, f.builtin, f.created_at,
		(SELECT COUNT(*) FROM competency c WHERE c.framework_id = f.id)
		FROM framework f ORDER BY f.builtin DESC, f.code, f.version`, nil, []any{&fi.ID, &fi.Code, &fi.Version, &fi.Name, &fi.Source, &fi.Owner, &fi.Description, &fi.BuiltIn, &created, &fi.Competencies}, func() {
		fi.CreatedAt = unixTime(created)
		out = append(out, fi)
	}); err != nil {
		return nil, fmt.Errorf("store: frameworks: %w", err)
	}
	return out, nil
}

// FrameworkID finds a framework by code and version ("" = the newest).
func (s *Store) FrameworkID(ctx context.Context, code, version string) (int64, error) {
	var id int64
	var err error
	if version == "" {
		err = s.db.QueryRowContext(ctx, `SELECT id FROM framework WHERE code = $1 ORDER BY created_at DESC, id DESC LIMIT 1`, code).Scan(&id)
	} else {
		err = s.db.QueryRowContext(ctx, `SELECT id FROM framework WHERE code = $1 AND version = $2`, code, version).Scan(&id)
	}
	if err != nil {
		return 0, notFound(err, "err.framework.version_not_found", code, version)
	}
	return id, nil
}

// Framework loads one framework version whole, with its competency IDs in
// the order of f.Competencies.
func (s *Store) Framework(ctx context.Context, id int64) (*dictionary.Framework, []int64, error) {
	var f dictionary.Framework
	err := s.db.QueryRowContext(ctx, `SELECT code, version, name, source, owner, description FROM framework WHERE id = $1`, id).
		Scan(&f.Code, &f.Version, &f.Name, &f.Source, &f.Owner, &f.Description)
	if err != nil {
		return nil, nil, notFound(err, "err.standard.framework_not_found", id)
	}
	var ids []int64
	index := map[int64]int{}
	var c dictionary.Competency
	var cid int64
	var tags string
	if err := eachRow(ctx, s.db, `SELECT c.id, c.code, c.name, c.definition, c.grp, c.kind, c.tags, COALESCE(p.code, '')
		FROM competency c LEFT JOIN competency p ON p.id = c.parent_id WHERE c.framework_id = $1 ORDER BY c.ord`, []any{id},
		[]any{&cid, &c.Code, &c.Name, &c.Definition, &c.Group, &c.Kind, &tags, &c.ParentCode}, func() {
			c.Tags = nil // c is reused
			if tags != "" {
				c.Tags = strings.Split(tags, ",")
			}
			index[cid] = len(ids)
			ids = append(ids, cid)
			f.Competencies = append(f.Competencies, c)
		}); err != nil {
		return nil, nil, err
	}
	var level int
	var l dictionary.Level
	var ind string
	if err := eachRow(ctx, s.db, `SELECT l.competency_id, l.level, l.title, l.description, l.indicators
		FROM competency_level l JOIN competency c ON c.id = l.competency_id WHERE c.framework_id = $1`, []any{id},
		[]any{&cid, &level, &l.Title, &l.Description, &ind}, func() {
			l.Indicators = nil // l is reused
			if ind != "" {
				l.Indicators = strings.Split(ind, "\n")
			}
			if i, ok := index[cid]; ok && level >= 1 && level <= dictionary.NumLevels {
				f.Competencies[i].Levels[level-1] = l
			}
		}); err != nil {
		return nil, nil, err
	}
	return &f, ids, nil
}
