package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/kompeten/kompeten/internal/store"
)

// Pass 1 reads the file on one goroutine and converts its rows on every
// core: converting and validating a row (units, positions, dates, NIPs,
// registry rules) is most of pass 1's CPU, and one core did it while the
// other waited (≈ 2.4 s of 3.8 s at a million rows, bench/RESULTS.md
// session 6). The rows come back in file order, so that everything that
// depends on order stays sequential and deterministic: duplicated NIPs,
// the report's problems, the spools, and the new positions a file names
// (the first row naming one decides its type and whether it is its unit's
// head post), which a worker leaves to the sequential converter.

// convBatchRows is the number of rows a worker converts at a time: enough
// to make the hand-over cheap, few enough to keep the rows in flight small.
const convBatchRows = 256

// convBatch is a run of rows in file order with their conversions.
type convBatch struct {
	lines []int
	cells [][]string
	rows  []*store.ImportRow
	probs [][]Problem
	redo  []bool        // the row names a new position: convert again in order
	done  chan struct{} // closed when a worker has converted the batch
}

// forWorker returns a converter for a worker goroutine: the same references
// (read-only while pass 1 runs), its own fold cache, and no new positions
// (it leaves rows that need one to c).
func (c *empConv) forWorker() *empConv {
	return &empConv{refs: c.refs, cols: c.cols, now: c.now, retire: c.retire, numeric: c.numeric, folded: map[string]string{}, worker: true}
}

// convertRows reads the data rows of the file, converts them on every core
// and calls fn for each one in file order with its conversion, as
// c.convert would have given it row after row. A row the reader cannot
// read ends the walk and becomes the report's file error, as in rows.
func (s *session) convertRows(ctx context.Context, c *empConv, fn func(row *store.ImportRow, probs []Problem, line int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g, gctx := errgroup.WithContext(ctx)
	workers := max(runtime.GOMAXPROCS(0), 1)
	work := make(chan *convBatch, 2*workers)
	ordered := make(chan *convBatch, 4*workers)
	var re *readError
	g.Go(func() error {
		defer close(ordered)
		defer close(work)
		var err error
		re, err = s.readBatches(func(b *convBatch) error {
			for _, ch := range []chan *convBatch{work, ordered} {
				select {
				case ch <- b:
				case <-gctx.Done():
					return gctx.Err()
				}
			}
			return nil
		})
		return err
	})
	for range workers {
		w := c.forWorker()
		g.Go(func() error {
			for b := range work {
				n := len(b.lines)
				b.rows, b.probs, b.redo = make([]*store.ImportRow, n), make([][]Problem, n), make([]bool, n)
				for i := range n {
					w.deferred = false
					b.rows[i], b.probs[i] = w.convert(b.cells[i], b.lines[i])
					b.redo[i] = w.deferred
				}
				close(b.done)
			}
			return nil
		})
	}
	err := func() error {
		for b := range ordered {
			select {
			case <-b.done:
			case <-gctx.Done():
				return gctx.Err()
			}
			for i, line := range b.lines {
				row, probs := b.rows[i], b.probs[i]
				if b.redo[i] {
					row, probs = c.convert(b.cells[i], line)
				}
				if err := fn(row, probs, line); err != nil {
					return err
				}
			}
		}
		return nil
	}()
	cancel()
	if gerr := g.Wait(); gerr != nil && !errors.Is(gerr, context.Canceled) {
		return gerr // the reader's error explains the consumer's cancellation
	}
	if err != nil {
		return err
	}
	if re != nil {
		s.fileError(re)
	}
	return nil
}

// readBatches reads the data rows (as scan does) into batches and hands
// each to send; a row the reader cannot read ends the walk and is returned.
func (s *session) readBatches(send func(*convBatch) error) (*readError, error) {
	t, err := openTable(s.path, s.format, s.opts.Sheet)
	if err != nil {
		return nil, err
	}
	defer t.close()
	var b *convBatch
	var flat []string // the batch's cells, one row after the other
	var ends []int
	flush := func() error {
		if b == nil {
			return nil
		}
		b.cells = make([][]string, len(ends))
		start := 0
		for i, end := range ends {
			b.cells[i] = flat[start:end:end]
			start = end
		}
		err := send(b)
		b, flat, ends = nil, nil, nil
		return err
	}
	for {
		cells, line, err := t.next()
		if errors.Is(err, io.EOF) {
			return nil, flush()
		}
		var re *readError
		if errors.As(err, &re) {
			return re, flush()
		}
		if err != nil {
			return nil, fmt.Errorf("importer: %w", err)
		}
		if line <= s.hdrLine || blank(cells) {
			continue
		}
		if b == nil {
			b = &convBatch{lines: make([]int, 0, convBatchRows), done: make(chan struct{})}
			flat = make([]string, 0, convBatchRows*len(cells))
			ends = make([]int, 0, convBatchRows)
		}
		// The reader reuses its slice of cells (not the strings): copy it.
		flat = append(flat, cells...)
		ends = append(ends, len(flat))
		b.lines = append(b.lines, line)
		if len(b.lines) == convBatchRows {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
}
