package importer

import (
	"context"
	"runtime"
	"slices"

	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/store"
)

// convertedRow is a data row and what a worker of convertRows made of it.
type convertedRow struct {
	cells []string
	line  int
	row   *store.ImportRow
	probs []Problem
}

// convertJob is a batch of rows for one worker; done closes when they are
// converted.
type convertJob struct {
	rows  []convertedRow
	cells []string // the rows' cells, one after the other
	ends  []int    // where each row's cells end in cells
	done  chan struct{}
}

// convertRows reads the file's rows on one goroutine, converts them in
// batches on one worker per core (each with its own converter from mk,
// sharing the references), and calls fn for each row in line order on the
// calling goroutine. A row a worker found valid also has its sort key and
// search words. Converting is most of a large import's reading work;
// spread over the cores, it keeps pace with the database writing the rows.
//
// A converter keeps state across rows only for the positions a file
// creates (their numbers, in order of first use), so fn must convert a
// row again with its own converter when row.NewPosition is set. A row the
// reader cannot read ends the walk; it is reported once fn has seen every
// row before it.
func convertRows(ctx context.Context, s *session, mk func() *empConv, fn func(*convertedRow) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan *convertJob, 2*workers)
	order := make(chan *convertJob, 16*workers)
	free := make(chan *convertJob, 16*workers+4) // jobs done with, for reuse
	newJob := func() *convertJob {
		select {
		case j := <-free:
			j.rows, j.cells, j.ends = j.rows[:0], j.cells[:0], j.ends[:0]
			return j
		default:
			return &convertJob{rows: make([]convertedRow, 0, streamBatch), ends: make([]int, 0, streamBatch)}
		}
	}
	var re *readError
	var scanErr error
	go func() {
		defer close(order)
		defer close(jobs)
		job := newJob()
		dispatch := func() bool {
			if len(job.rows) == 0 {
				return true
			}
			off := 0
			for i, end := range job.ends {
				job.rows[i].cells = job.cells[off:end:end]
				off = end
			}
			job.done = make(chan struct{})
			select {
			case order <- job:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- job:
			case <-ctx.Done():
				return false
			}
			job = newJob()
			return true
		}
		re, scanErr = s.scan(func(cells []string, line int) error {
			job.cells = append(job.cells, cells...)
			job.ends = append(job.ends, len(job.cells))
			job.rows = append(job.rows, convertedRow{line: line})
			if len(job.rows) == streamBatch && !dispatch() {
				return ctx.Err()
			}
			return nil
		})
		if scanErr == nil {
			dispatch()
		}
	}()
	for w := 0; w < workers; w++ {
		go func(c *empConv) {
			for job := range jobs {
				for i := range job.rows {
					cr := &job.rows[i]
					cr.row, cr.probs = c.convert(cr.cells, cr.line)
					if !slices.ContainsFunc(cr.probs, func(p Problem) bool { return !p.Warning }) {
						cr.row.SortKey, cr.row.Words = names.KeyAndWords(cr.row.Employee.Name)
					}
				}
				close(job.done)
			}
		}(mk())
	}
	for job := range order {
		select {
		case <-job.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		for i := range job.rows {
			if err := fn(&job.rows[i]); err != nil {
				return err
			}
		}
		clear(job.rows) // the rows now belong to fn
		select {
		case free <- job:
		default:
		}
	}
	if scanErr != nil {
		return scanErr
	}
	if re != nil {
		s.fileError(re)
	}
	return ctx.Err()
}
