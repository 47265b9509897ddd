package store

import (
	"context"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/cache"
	"github.com/kompeten/kompeten/internal/names"
)

// labelCache keeps what employee lists show of units and positions (unit
// name and path, position title, type and jenjang) and of supervisors
// (name and NIP), filled on demand by ID. Without it every listed employee cost three random row lookups
// instead of one: at a million employees the unit and position pages did
// not stay in SQLite's per-connection page cache and each lookup became a
// read from the operating system, two thirds of a list page's database
// time.
//
// An entry serves until this Store commits a write, for at most labelTTL, so a
// rename made through another process (a CLI import beside the server) or
// another app node shows in lists within that time; single records (the
// profile) are always read fresh.
type labelCache struct {
	units     *cache.Cache[int64, unitLabel]
	positions *cache.Cache[int64, positionLabel]
	people    *cache.Cache[int64, personLabel] // supervisors, see personLabels
}

// unitLabel is what a list shows of a unit: its name (with its OPD where
// the name repeats, unitPlaceU) and path.
type unitLabel struct{ Name, Path string }

// personLabel is what a list shows of an employee's supervisor.
type personLabel struct{ Name, NIP string }

type positionLabel struct{ Title, Type, Jenjang string }

const (
	labelTTL = 30 * time.Second
	// labelMax bounds each map; beyond it the cache starts again empty.
	labelMax = 100_000
)

// newLabelCache returns the label caches of s, emptied by its writes.
func newLabelCache(s *Store) labelCache {
	o := cache.Options{Name: "labels", TTL: labelTTL, Max: labelMax, Gen: s.writes.Load}
	return labelCache{
		units:     cache.New[int64, unitLabel](o),
		positions: cache.New[int64, positionLabel](o),
		people:    cache.New[int64, personLabel](o),
	}
}

// labels returns the labels of the given units and positions, reading the
// missing ones in one query per table. ID 0 (no position) is skipped.
func (s *Store) labels(ctx context.Context, unitIDs, positionIDs []int64) (map[int64]unitLabel, map[int64]positionLabel, error) {
	c := &s.labelCache
	gen := c.units.Gen() // before reading: a write meanwhile leaves what is read unkept
	units := make(map[int64]unitLabel, len(unitIDs))
	positions := make(map[int64]positionLabel, len(positionIDs))
	var missU, missP []int64
	for _, id := range unitIDs {
		if l, ok := c.units.Get(id); ok {
			units[id] = l
		} else if _, dup := units[id]; !dup {
			missU = append(missU, id)
			units[id] = unitLabel{}
		}
	}
	for _, id := range positionIDs {
		if id == 0 {
			continue
		}
		if l, ok := c.positions.Get(id); ok {
			positions[id] = l
		} else if _, dup := positions[id]; !dup {
			missP = append(missP, id)
			positions[id] = positionLabel{}
		}
	}
	if len(missU) == 0 && len(missP) == 0 {
		return units, positions, nil
	}

	// A concurrent reader may read the same labels, which is harmless.
	if len(missU) > 0 {
		var a args
		rows, err := s.query(ctx, `SELECT u.id, `+unitPlaceU+`, u.path FROM org_unit u WHERE u.id IN (`+paddedIDs(missU, &a)+`)`, a...)
		if err != nil {
			return nil, nil, fmt.Errorf("store: unit labels: %w", err)
		}
		for rows.Next() {
			var id int64
			var l unitLabel
			if err := rows.Scan(&id, &l.Name, &l.Path); err != nil {
				rows.Close()
				return nil, nil, err
			}
			units[id] = l
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, err
		}
	}
	if len(missP) > 0 {
		var a args
		rows, err := s.query(ctx, `SELECT id, title, type, jenjang FROM position WHERE id IN (`+paddedIDs(missP, &a)+`)`, a...)
		if err != nil {
			return nil, nil, fmt.Errorf("store: position labels: %w", err)
		}
		for rows.Next() {
			var id int64
			var l positionLabel
			if err := rows.Scan(&id, &l.Title, &l.Type, &l.Jenjang); err != nil {
				rows.Close()
				return nil, nil, err
			}
			positions[id] = l
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, err
		}
	}

	for _, id := range missU {
		c.units.PutAt(gen, id, units[id])
	}
	for _, id := range missP {
		c.positions.PutAt(gen, id, positions[id])
	}
	return units, positions, nil
}

// personLabels returns the display names and NIPs of the given employees
// (supervisors of listed rows: a few heads per unit, so most are cached),
// reading the missing ones in one query. ID 0 is skipped.
func (s *Store) personLabels(ctx context.Context, ids []int64) (map[int64]personLabel, error) {
	c := &s.labelCache
	gen := c.people.Gen()
	out := make(map[int64]personLabel, len(ids))
	var miss []int64
	for _, id := range ids {
		if id == 0 {
			continue
		}
		if l, ok := c.people.Get(id); ok {
			out[id] = l
		} else if _, dup := out[id]; !dup {
			miss = append(miss, id)
			out[id] = personLabel{}
		}
	}
	if len(miss) == 0 {
		return out, nil
	}
	var a args
	rows, err := s.query(ctx, `SELECT id, name, gelar_depan, gelar_belakang, nip FROM employee WHERE id IN (`+paddedIDs(miss, &a)+`)`, a...)
	if err != nil {
		return nil, fmt.Errorf("store: supervisor labels: %w", err)
	}
	for rows.Next() {
		var id int64
		var name, front, back, nip string
		if err := rows.Scan(&id, &name, &front, &back, &nip); err != nil {
			rows.Close()
			return nil, err
		}
		out[id] = personLabel{Name: names.Display(front, name, back), NIP: nip}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, id := range miss {
		c.people.PutAt(gen, id, out[id])
	}
	return out, nil
}
