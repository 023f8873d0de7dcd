package audit

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"
)

// Kind says what a record is about.
type Kind string

// The kinds of record.
const (
	KindCheck       Kind = "check"
	KindAdmin       Kind = "admin"
	KindAuthFailure Kind = "auth_failure"
	KindAuditQuery  Kind = "audit_query"
)

// ListRef names a list version a check ran against.
type ListRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

// Record is one audited event. Chain, Seq, Prev and Mac are set by Log:
// callers fill in the rest. New fields must be omitempty, so that the
// canonical bytes of records written before them do not change.
type Record struct {
	Chain string    `json:"chain"`
	Seq   uint64    `json:"seq"`
	Prev  string    `json:"prev,omitempty"` // Mac of the previous record of the chain
	Time  time.Time `json:"time"`
	// CheckID identifies the record; for checks it is the check id the
	// client got, for other kinds Log makes one in the same format.
	CheckID    string `json:"check_id"`
	Kind       Kind   `json:"kind"`
	Token      string `json:"token,omitempty"` // token name, never its secret
	Role       string `json:"role,omitempty"`
	Checkpoint string `json:"checkpoint,omitempty"`
	Operator   string `json:"operator,omitempty"`
	Reference  string `json:"reference,omitempty"`
	// Traveller is the traveller data as the client sent it (the request
	// JSON or its traveller object).
	Traveller      json.RawMessage `json:"traveller,omitempty"`
	Decision       string          `json:"decision,omitempty"`
	Hits           json.RawMessage `json:"hits,omitempty"` // []service.Hit with scores and explanations
	Lists          []ListRef       `json:"lists,omitempty"`
	MatcherVersion string          `json:"matcher_version,omitempty"`
	Latency        time.Duration   `json:"latency_ns,omitempty"`
	// Admin actions and audit queries.
	Action  string `json:"action,omitempty"`
	Target  string `json:"target,omitempty"`
	Outcome string `json:"outcome,omitempty"`
	// Mac must stay the last field: sealer appends it to the canonical bytes.
	Mac string `json:"mac,omitempty"`

	// sealed is the record's JSON as it was sealed, when it was read
	// from the spool: the forwarder hands it to the store as it is
	// instead of marshalling the record again. Such a record has only
	// its header decoded (Chain, Seq, Prev, Time, CheckID, Mac; see
	// lineParser): a store keeps JSON(), never json.Marshal of it.
	sealed []byte
}

// JSON is the record as a store keeps it: the sealed spool line for a
// record the forwarder read from the spool (what json.Marshal gave for
// the whole record when it was sealed), else json.Marshal of r.
func (r *Record) JSON() ([]byte, error) {
	if r.sealed != nil {
		return r.sealed, nil
	}
	return json.Marshal(r)
}

// Key is the position of a record in query order: time, then chain, then
// sequence number. It is unique, so pagination by key is stable.
type Key struct {
	Nanos int64
	Chain string
	Seq   uint64
}

// Key returns the record's position in query order.
func (r *Record) Key() Key { return Key{Nanos: r.Time.UnixNano(), Chain: r.Chain, Seq: r.Seq} }

// Compare orders keys: negative if k sorts before o.
func (k Key) Compare(o Key) int {
	switch {
	case k.Nanos != o.Nanos:
		return cmpInt(k.Nanos, o.Nanos)
	case k.Chain != o.Chain:
		if k.Chain < o.Chain {
			return -1
		}
		return 1
	}
	return cmpInt(k.Seq, o.Seq)
}

func cmpInt[T int64 | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Domain prefixes keep a record MAC from ever being valid as an anchor or
// head MAC, and the other way round.
const (
	domainRecord = "crosscheck-audit-record-v1\n"
	domainAnchor = "crosscheck-audit-anchor-v1\n"
	domainHead   = "crosscheck-audit-head-v1\n"
)

func mac(key []byte, domain string, data []byte) string {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(domain))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// canonical is the JSON of the record without its Mac: what the MAC
// covers. encoding/json writes struct fields in order and compacts raw
// messages, so a record read back from a store marshals to the same bytes.
func canonical(r Record) ([]byte, error) {
	r.Mac = ""
	return json.Marshal(r)
}

// validMac tells whether r.Mac is the MAC of r's canonical bytes.
func validMac(key []byte, r Record) bool {
	c, err := canonical(r)
	return err == nil && hmac.Equal([]byte(mac(key, domainRecord, c)), []byte(r.Mac))
}
