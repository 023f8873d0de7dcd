package audit

import (
	"bytes"
	"os"
)

// readPos is where the forwarder is in the spool: a segment (by its first
// seq) and a byte offset in it.
type readPos struct {
	first uint64
	off   int64
}

// readChunk is how much the forwarder reads at a time; a longer record
// is read whole.
const readChunk = 1 << 20

// read returns up to max records from pos on, each read by p, and the
// position after them; skipped counts lines that did not parse (bit rot:
// the gap shows in Verify). It moves on to the next segment at the end of
// a full one.
func (s *spool) read(p *lineParser, pos readPos, max int) (recs []Record, next readPos, skipped int, err error) {
	for {
		f, size, last, nextFirst, ok := s.segmentAt(&pos)
		if !ok {
			return nil, pos, 0, nil
		}
		if pos.off < size {
			return readLines(p, f, pos, size, max)
		}
		if last {
			return nil, pos, 0, nil
		}
		pos = readPos{first: nextFirst}
	}
}

// segmentAt finds the segment of pos (or the first after it, if it was
// released) and snapshots what read needs of it.
func (s *spool) segmentAt(pos *readPos) (f *os.File, size int64, last bool, nextFirst uint64, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, seg := range s.segs {
		if seg.first < pos.first {
			continue
		}
		if seg.first != pos.first {
			*pos = readPos{first: seg.first}
		}
		last = i == len(s.segs)-1
		if !last {
			nextFirst = s.segs[i+1].first
		}
		return seg.f, seg.size, last, nextFirst, true
	}
	return nil, 0, false, 0, false
}

func readLines(p *lineParser, f *os.File, pos readPos, size int64, max int) ([]Record, readPos, int, error) {
	n := min(size-pos.off, readChunk)
	for {
		buf := make([]byte, n)
		if _, err := f.ReadAt(buf, pos.off); err != nil {
			return nil, pos, 0, err
		}
		end := bytes.LastIndexByte(buf, '\n')
		if end < 0 && n < size-pos.off {
			n = size - pos.off // one record longer than a chunk
			continue
		}
		return parseLines(p, buf[:end+1], pos, max)
	}
}

func parseLines(p *lineParser, buf []byte, pos readPos, max int) ([]Record, readPos, int, error) {
	var recs []Record
	skipped := 0
	for len(buf) > 0 && len(recs) < max {
		i := bytes.IndexByte(buf, '\n')
		line := buf[:i]
		buf = buf[i+1:]
		pos.off += int64(i + 1)
		if len(line) == 0 {
			continue
		}
		r, err := p.parse(line) // r.sealed is line: buf is never reused
		if err != nil {
			skipped++
			continue
		}
		recs = append(recs, r)
	}
	return recs, pos, skipped, nil
}

// release deletes the segments whose records all have seq <= stored. The
// current segment always stays: it holds the last record, from which the
// chain continues after a restart.
func (s *spool) release(stored uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.segs) > 1 && s.segs[1].first <= stored+1 {
		seg := s.segs[0]
		seg.f.Close()
		if err := os.Remove(seg.f.Name()); err != nil {
			return err
		}
		s.segs = s.segs[1:]
	}
	return nil
}
