package audit

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"regexp"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crosscheck/crosscheck/service"
)

// SyncPolicy says when the spool is fsynced.
type SyncPolicy string

// The sync policies. Always is the default: Append returns only once the
// record is on disk. Interval fsyncs every SyncInterval (a crash may lose
// that much); never leaves it to the OS.
const (
	SyncAlways   SyncPolicy = "always"
	SyncInterval SyncPolicy = "interval"
	SyncNever    SyncPolicy = "never"
)

// Options configure a Log.
type Options struct {
	Store Store
	Key   []byte // HMAC key, at least MinKeyLen bytes; see LoadOrCreateKey
	// Chain is this writer's chain id, unique per replica (the pod or host
	// name): two writers on one chain would fork it. Letters, digits, '.',
	// '_' and '-'.
	Chain string
	// Dir holds the spool (Dir/audit-spool/CHAIN) and the head file
	// (Dir/audit-head-CHAIN.json): the data directory.
	Dir          string
	Sync         SyncPolicy    // default SyncAlways
	SyncInterval time.Duration // for SyncInterval; default 200ms
	SegmentSize  int64         // spool segment size; default 4 MiB
	DrainTimeout time.Duration // how long Close forwards; default 5s
	Logger       *slog.Logger  // default: discard
	Now          func() time.Time
}

var chainName = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

func (o *Options) validate() error {
	switch {
	case o.Store == nil:
		return errors.New("audit: no store")
	case len(o.Key) < MinKeyLen:
		return fmt.Errorf("audit: key of %d bytes, need at least %d", len(o.Key), MinKeyLen)
	case !chainName.MatchString(o.Chain) || o.Chain == "." || o.Chain == "..":
		return fmt.Errorf("audit: chain %q: want 1-64 letters, digits, '.', '_' or '-'", o.Chain)
	case o.Dir == "":
		return errors.New("audit: no directory")
	}
	return o.defaults()
}

func (o *Options) defaults() error {
	switch o.Sync {
	case "":
		o.Sync = SyncAlways
	case SyncAlways, SyncInterval, SyncNever:
	default:
		return fmt.Errorf("audit: sync policy %q: want always, interval or never", o.Sync)
	}
	o.SyncInterval = cmp(o.SyncInterval, 200*time.Millisecond)
	o.SegmentSize = cmp(o.SegmentSize, 4<<20)
	o.DrainTimeout = cmp(o.DrainTimeout, 5*time.Second)
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return nil
}

func cmp[T time.Duration | int64](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// Log is the audit use case: it seals records into this writer's chain,
// spools them, forwards them to the store, and answers queries.
type Log struct {
	o  Options
	sp *spool

	mu     sync.Mutex // orders sealing and spooling: seq order is file order
	seq    uint64     // last sealed
	prev   string     // its Mac
	sealer *sealer    // used under mu
	closed bool

	last   atomic.Uint64 // last spooled seq, for SpoolDepth
	stored atomic.Uint64 // last seq the store acknowledged

	wake    chan struct{} // an append happened; buffered 1
	run     sync.Mutex    // guards cancel and done
	cancel  context.CancelFunc
	done    chan struct{}
	readPos readPos     // the forwarder's; only it and Close touch it
	lines   *lineParser // the forwarder's too
	headSeq uint64      // seq in the head file; the forwarder's too
}

// Open recovers the chain's state from the spool, the head file and the
// store, in that order of trust, and returns a Log ready for Append.
// Records spooled before a crash are forwarded once Start runs.
func Open(ctx context.Context, o Options) (*Log, error) {
	if err := o.validate(); err != nil {
		return nil, err
	}
	dir := filepath.Join(o.Dir, "audit-spool", o.Chain)
	sp, last, err := openSpool(dir, o.SegmentSize, o.Sync != SyncNever)
	if err != nil {
		return nil, err
	}
	l := &Log{o: o, sp: sp, sealer: newSealer(o.Key, o.Chain), lines: newLineParser(o.Key), wake: make(chan struct{}, 1)}
	if err := l.recover(ctx, last); err != nil {
		sp.close()
		return nil, err
	}
	return l, nil
}

// Append seals rec into the chain and returns once it is in the spool
// (on disk, with SyncAlways). Chain, Seq, Prev and Mac are set here; a
// zero Time is now, an empty CheckID a new id. The forwarder moves the
// record to the store.
func (l *Log) Append(ctx context.Context, rec Record) error {
	return l.append(ctx, rec, body)
}

// append encodes rec with encode (body, or checkBody for a record built
// from a check) before taking the chain lock, then seals and spools it.
// It does not look at ctx: a record is of something that happened, and a
// caller whose deadline passed meanwhile (a list activation that took
// longer than the request timeout) must not leave it off the trail.
// Spooling is local and short; it is not worth cutting.
func (l *Log) append(_ context.Context, rec Record, encode func(Record) ([]byte, error)) error {
	if rec.Time.IsZero() {
		rec.Time = l.o.Now()
	}
	rec.Time = rec.Time.UTC() // marshals the same way after a round trip
	if rec.CheckID == "" {
		rec.CheckID = service.NewID(rec.Time)
	}
	b, err := encode(rec)
	if err != nil {
		return service.Wrap(service.CodeInternal, err, "audit record could not be encoded")
	}
	end, err := l.write(b)
	if err != nil {
		return err
	}
	if l.o.Sync == SyncAlways {
		if err := l.sp.syncTo(end); err != nil {
			return service.Wrap(service.CodeInternal, err, "audit record could not be written")
		}
	}
	select {
	case l.wake <- struct{}{}:
	default:
	}
	return nil
}

// write seals the record body b as the chain's next record and spools
// it, under the chain lock: seq order is file order.
func (l *Log) write(b []byte) (int64, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return 0, service.Errorf(service.CodeUnavailable, "audit log is closed")
	}
	seq := l.seq + 1
	line, mac := l.sealer.seal(b, seq, l.prev)
	end, err := l.sp.append(seq, line)
	if err != nil {
		return 0, service.Wrap(service.CodeInternal, err, "audit record could not be written")
	}
	l.seq, l.prev = seq, mac
	l.last.Store(seq)
	return end, nil
}

// SpoolDepth is how many appended records the store does not hold yet.
func (l *Log) SpoolDepth() int {
	return int(l.last.Load() - min(l.stored.Load(), l.last.Load()))
}
