package audit

import (
	"context"
	"crypto/hmac"
	"encoding/json"
	"errors"
	"time"
)

// Store is the port audit records are kept behind. Records arrive per
// chain in sequence order; a store never assigns sequence numbers or
// MACs, it only keeps what it is given.
type Store interface {
	// PutAudit stores records of one chain in sequence order. A record
	// whose chain and seq are stored already with the same content is
	// skipped, so a batch may be sent again after a failure; the same seq
	// with other content is ErrConflict (two writers on one chain).
	// Records below the chain's purge anchor are skipped too. A record's
	// content is Record.JSON; records from the spool have only Chain,
	// Seq, Prev, Time, CheckID and Mac decoded besides it.
	PutAudit(ctx context.Context, recs []Record) error
	// AuditRecord returns the record with the check id, or ErrNotFound.
	AuditRecord(ctx context.Context, checkID string) (Record, error)
	// AuditRecords returns up to limit records that match f, in key order,
	// starting after the key after (from the start if nil).
	AuditRecords(ctx context.Context, f Filter, after *Key, limit int) ([]Record, error)
	// AuditChains returns the ids of every chain with records or an anchor.
	AuditChains(ctx context.Context) ([]string, error)
	// AuditChain calls fn with the stored records of chain in sequence
	// order from seq from on; missing sequence numbers are simply not
	// seen. An error from fn stops the walk and is returned.
	AuditChain(ctx context.Context, chain string, from uint64, fn func(Record) error) error
	// AuditAnchor returns the purge anchor of chain, nil if never purged.
	AuditAnchor(ctx context.Context, chain string) (*Anchor, error)
	// AuditHead returns the highest stored seq of chain and its Mac; if all
	// records were purged, the anchor's Seq-1 and Prev; 0 and "" if none.
	AuditHead(ctx context.Context, chain string) (seq uint64, mac string, err error)
	// PurgeAudit stores a as the anchor of a.Chain and deletes the chain's
	// records below a.Seq, returning how many it deleted. An anchor that is
	// not newer than the stored one changes nothing.
	PurgeAudit(ctx context.Context, a Anchor) (int, error)
}

// Errors a Store returns.
var (
	ErrNotFound = errors.New("audit record not found")
	ErrConflict = errors.New("audit record exists with other content")
)

// Anchor replaces the purged start of a chain: the chain now starts at
// Seq, whose Prev must be Prev. It is MACed like a record, so a forged
// anchor cannot hide deleted records.
type Anchor struct {
	Chain  string    `json:"chain"`
	Seq    uint64    `json:"seq"`
	Prev   string    `json:"prev"`
	Before time.Time `json:"before"` // the purge cut-off, for the auditor
	Time   time.Time `json:"time"`
	Mac    string    `json:"mac,omitempty"`
}

func (a Anchor) canonical() []byte {
	a.Mac = ""
	data, _ := json.Marshal(a) // an Anchor always marshals
	return data
}

func (a *Anchor) seal(key []byte) { a.Mac = mac(key, domainAnchor, a.canonical()) }

func (a Anchor) valid(key []byte) bool {
	return hmac.Equal([]byte(mac(key, domainAnchor, a.canonical())), []byte(a.Mac))
}
