package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// spool is a chain's local append-only log: segment files named after
// the seq of their first record, one sealed JSON record per line. Records
// leave it only by whole segments, once the store holds all of them.
type spool struct {
	dir     string
	maxSize int64 // a segment that reaches it is closed for writing
	durable bool  // fsync on rotation (any policy but never)

	mu      sync.Mutex // guards segs, sizes and written
	segs    []*segment // oldest first; the last takes appends
	written int64      // bytes appended since open, over all segments
	// torn is set when a partial line could not be undone: the segment
	// ends in half a record, so nothing more may be appended after it.
	torn error

	syncMu sync.Mutex // one fsync at a time; waiters share its result
	synced int64      // written as of the last completed fsync
}

type segment struct {
	first uint64
	f     *os.File
	size  int64 // complete lines only
}

func segmentName(first uint64) string { return fmt.Sprintf("%020d.jsonl", first) }

// openSpool opens the segments in dir, cuts a line torn by a crash off
// each, and returns the spool with its last record (nil if empty).
func openSpool(dir string, maxSize int64, durable bool) (*spool, *Record, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("audit spool: %w", err)
	}
	s := &spool{dir: dir, maxSize: maxSize, durable: durable}
	names, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names) // zero-padded: name order is seq order
	var last *Record
	for _, name := range names {
		seg, rec, err := openSegment(name)
		if err != nil {
			s.close()
			return nil, nil, fmt.Errorf("audit spool %s: %w", filepath.Base(name), err)
		}
		s.segs = append(s.segs, seg)
		if rec != nil {
			last = rec
		}
	}
	return s, last, nil
}

// openSegment opens one segment, truncates a torn last line and parses
// the last complete one.
func openSegment(path string) (*segment, *Record, error) {
	var first uint64
	if _, err := fmt.Sscanf(filepath.Base(path), "%020d.jsonl", &first); err != nil {
		return nil, nil, fmt.Errorf("not a segment name")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, err
	}
	end := bytes.LastIndexByte(data, '\n') + 1
	if end < len(data) {
		// An append that did not return before the crash: never acknowledged.
		if err := f.Truncate(int64(end)); err != nil {
			f.Close()
			return nil, nil, err
		}
	}
	return &segment{first: first, f: f, size: int64(end)}, lastRecord(data[:end]), nil
}

func lastRecord(data []byte) *Record {
	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	for i := len(lines) - 1; i >= 0; i-- {
		var r Record
		if json.Unmarshal(lines[i], &r) == nil {
			return &r
		}
	}
	return nil
}

// append writes one line and returns the spool's written offset after
// it, for syncTo. The caller orders calls (Log holds its chain lock).
func (s *spool) append(seq uint64, line []byte) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.torn != nil {
		return 0, s.torn
	}
	if err := s.rotate(seq); err != nil {
		return 0, err
	}
	cur := s.segs[len(s.segs)-1]
	n, err := cur.f.Write(line)
	if err != nil {
		// Undo a partial line so that the next one starts clean; if even
		// that fails, refuse every later append rather than write records
		// after half a line.
		if n > 0 {
			if terr := cur.f.Truncate(cur.size); terr != nil {
				s.torn = fmt.Errorf("audit spool: a partial record could not be undone: %w", terr)
				return 0, errors.Join(fmt.Errorf("audit spool write: %w", err), s.torn)
			}
		}
		return 0, fmt.Errorf("audit spool write: %w", err)
	}
	cur.size += int64(n)
	s.written += int64(n)
	return s.written, nil
}

// rotate starts a new segment at seq when there is none or the current
// one is full. The old one is synced first, so that syncTo only ever
// needs to sync the current segment.
func (s *spool) rotate(seq uint64) error {
	if n := len(s.segs); n > 0 && s.segs[n-1].size < s.maxSize {
		return nil
	}
	if n := len(s.segs); n > 0 && s.durable {
		if err := s.segs[n-1].f.Sync(); err != nil {
			return fmt.Errorf("audit spool sync: %w", err)
		}
	}
	path := filepath.Join(s.dir, segmentName(seq))
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("audit spool: %w", err)
	}
	if s.durable {
		if err := syncDir(s.dir); err != nil {
			f.Close()
			return err
		}
	}
	s.segs = append(s.segs, &segment{first: seq, f: f})
	return nil
}

// syncTo returns once everything up to offset end is on disk. Concurrent
// callers share fsyncs (group commit): whoever gets the lock syncs all
// that was written so far, and the others find their offset covered.
func (s *spool) syncTo(end int64) error {
	s.syncMu.Lock()
	defer s.syncMu.Unlock()
	if s.synced >= end {
		return nil
	}
	s.mu.Lock()
	f, written := s.segs[len(s.segs)-1].f, s.written
	s.mu.Unlock()
	// ErrClosed: the segment was rotated (and synced) and then released.
	if err := f.Sync(); err != nil && !errors.Is(err, os.ErrClosed) {
		return fmt.Errorf("audit spool sync: %w", err)
	}
	s.synced = written
	return nil
}

func (s *spool) writtenBytes() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.written
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("audit spool: sync directory: %w", err)
	}
	return nil
}

// close syncs (unless the policy is never) and closes every segment.
func (s *spool) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for i, seg := range s.segs {
		if s.durable && i == len(s.segs)-1 {
			errs = append(errs, seg.f.Sync())
		}
		errs = append(errs, seg.f.Close())
	}
	s.segs = nil
	return errors.Join(errs...)
}
