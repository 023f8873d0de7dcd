package audit

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/crosscheck/crosscheck/service"
)

// Report is the outcome of Verify.
type Report struct {
	OK       bool     `json:"ok"`
	Records  int      `json:"records"` // records whose link and MAC were checked
	FirstBad *BadLink `json:"first_bad,omitempty"`
}

// BadLink is the first place where a chain does not hold.
type BadLink struct {
	Chain   string `json:"chain"`
	Seq     uint64 `json:"seq"`
	CheckID string `json:"check_id,omitempty"`
	Reason  string `json:"reason"`
}

// Verify walks every chain in the store, and every chain with a local
// head file, from its start (or purge anchor) to its end. It reports the
// first record that is missing, out of place, altered, or a tail shorter
// than the local head. Records still in the spool are not in the store
// yet and not checked. Each chain stops at its first bad link.
func (l *Log) Verify(ctx context.Context) (Report, error) {
	// Heads first: one written while the walk runs could claim records the
	// walk already passed.
	heads, err := l.heads()
	if err != nil {
		return Report{}, service.Wrap(service.CodeInternal, err, "audit heads unreadable")
	}
	chains, err := l.o.Store.AuditChains(ctx)
	if err != nil {
		return Report{}, unavailable(err)
	}
	for c := range heads {
		if !slices.Contains(chains, c) {
			chains = append(chains, c)
		}
	}
	slices.Sort(chains)
	var rep Report
	for _, c := range chains {
		h, listed := heads[c]
		n, bad, err := l.verifyChain(ctx, c, h, listed)
		if err != nil {
			return Report{}, unavailable(err)
		}
		rep.Records += n
		if rep.FirstBad == nil {
			rep.FirstBad = bad
		}
	}
	rep.OK = rep.FirstBad == nil
	return rep, nil
}

// heads reads the head file of every chain in Dir; a nil value is a head
// file that fails its MAC.
func (l *Log) heads() (map[string]*head, error) {
	names, err := headChains(l.o.Dir)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*head, len(names))
	for _, c := range names {
		h, found, err := readHead(l.o.Dir, c)
		switch {
		case err != nil || (found && !h.valid(l.o.Key)):
			out[c] = nil
		case found:
			out[c] = &h
		}
	}
	return out, nil
}

// walker checks one chain link by link.
type walker struct {
	key   []byte
	chain string
	seq   uint64 // expected next seq
	prev  string // expected Prev of it
	head  *head
	n     int
	bad   *BadLink
}

var errStop = errors.New("stop")

// verifyChain walks one chain; listed with a nil h is a head file that is
// unreadable or fails its MAC.
func (l *Log) verifyChain(ctx context.Context, chain string, h *head, listed bool) (int, *BadLink, error) {
	w := &walker{key: l.o.Key, chain: chain, seq: 1, head: h}
	if listed && h == nil {
		return 0, w.fail(0, "", "local head file is unreadable or fails its MAC"), nil
	}
	a, err := l.o.Store.AuditAnchor(ctx, chain)
	if err != nil {
		return 0, nil, err
	}
	if a != nil {
		if !a.valid(l.o.Key) || a.Chain != chain {
			return 0, w.fail(a.Seq, "", "purge anchor fails its MAC"), nil
		}
		w.seq, w.prev = a.Seq, a.Prev
		if h != nil && a.Seq-1 == h.Seq && a.Prev != h.Mac {
			return 0, w.fail(a.Seq, "", "purge anchor differs from the local head"), nil
		}
	}
	err = l.o.Store.AuditChain(ctx, chain, w.seq, w.step)
	if err != nil && !errors.Is(err, errStop) {
		return w.n, nil, err
	}
	if w.bad == nil {
		w.checkTail()
	}
	return w.n, w.bad, nil
}

func (w *walker) step(r Record) error {
	switch {
	case r.Seq != w.seq:
		w.fail(w.seq, "", fmt.Sprintf("record missing (next stored is seq %d)", r.Seq))
	case r.Chain != w.chain:
		w.fail(r.Seq, r.CheckID, "record belongs to chain "+r.Chain)
	case r.Prev != w.prev:
		w.fail(r.Seq, r.CheckID, "prev does not match the previous record's mac")
	case !validMac(w.key, r):
		w.fail(r.Seq, r.CheckID, "mac mismatch: record altered")
	case w.head != nil && r.Seq == w.head.Seq && r.Mac != w.head.Mac:
		w.fail(r.Seq, r.CheckID, "record differs from the local head")
	}
	if w.bad != nil {
		return errStop
	}
	w.n++
	w.seq, w.prev = r.Seq+1, r.Mac
	return nil
}

// checkTail compares where the chain ends with the local head.
func (w *walker) checkTail() {
	if w.head != nil && w.seq-1 < w.head.Seq {
		w.fail(w.seq, "", fmt.Sprintf("cut tail: the store ends at seq %d, the local head is at seq %d", w.seq-1, w.head.Seq))
	}
}

func (w *walker) fail(seq uint64, checkID, reason string) *BadLink {
	w.bad = &BadLink{Chain: w.chain, Seq: seq, CheckID: checkID, Reason: reason}
	return w.bad
}

func unavailable(err error) error {
	return service.Wrap(service.CodeUnavailable, err, "audit store unavailable; retry shortly")
}
