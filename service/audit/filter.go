package audit

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/service"
)

// Filter selects records for a query. Zero fields match everything.
type Filter struct {
	From time.Time // inclusive
	To   time.Time // exclusive
	Kind Kind
	// Decision matches the record's decision exactly.
	Decision string
	// ListID matches records with a hit from the list, and admin actions
	// whose target is the list.
	ListID string
	// EntryID matches records with a hit on the entry (of any list, or of
	// ListID when both are set).
	EntryID    string
	Checkpoint string
	Operator   string
	Token      string
	// Q matches, case-insensitively, part of a traveller name, document
	// number or MRZ in the stored traveller data.
	Q string
}

// Match tells whether r passes every set field of f. Stores that cannot
// index a field scan and call Match.
func (f Filter) Match(r *Record) bool {
	switch {
	case !f.From.IsZero() && r.Time.Before(f.From),
		!f.To.IsZero() && !r.Time.Before(f.To),
		f.Kind != "" && r.Kind != f.Kind,
		f.Decision != "" && r.Decision != f.Decision,
		f.Checkpoint != "" && r.Checkpoint != f.Checkpoint,
		f.Operator != "" && r.Operator != f.Operator,
		f.Token != "" && r.Token != f.Token:
		return false
	}
	if (f.ListID != "" || f.EntryID != "") && !f.matchHits(r) {
		return false
	}
	return f.Q == "" || matchTraveller(r.Traveller, strings.ToLower(f.Q))
}

// hitRef is the part of a stored hit the filter looks at.
type hitRef struct {
	ListID  string `json:"list_id"`
	EntryID string `json:"entry_id"`
}

func (f Filter) matchHits(r *Record) bool {
	if f.EntryID == "" && r.Kind == KindAdmin && r.Target == f.ListID {
		return true
	}
	for _, h := range hitRefs(r.Hits) {
		if (f.ListID == "" || h.ListID == f.ListID) && (f.EntryID == "" || h.EntryID == f.EntryID) {
			return true
		}
	}
	return false
}

func hitRefs(raw json.RawMessage) []hitRef {
	var hits []hitRef
	if len(raw) > 0 {
		_ = json.Unmarshal(raw, &hits) // hits of another shape match nothing
	}
	return hits
}

// travellerText is what Q searches, in the request form or the bare
// traveller form.
type travellerText struct {
	Name       string `json:"name"`
	Surname    string `json:"surname"`
	GivenNames string `json:"given_names"`
	Documents  []struct {
		Number string `json:"number"`
	} `json:"documents"`
	MRZ       string         `json:"mrz"`
	Traveller *travellerText `json:"traveller"`
}

func matchTraveller(raw json.RawMessage, q string) bool {
	var t travellerText
	if len(raw) == 0 || json.Unmarshal(raw, &t) != nil {
		return false
	}
	return t.contains(q)
}

func (t *travellerText) contains(q string) bool {
	for _, s := range []string{t.Name, t.Surname, t.GivenNames, t.Surname + " " + t.GivenNames, t.MRZ} {
		if s != "" && strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	for _, d := range t.Documents {
		if strings.Contains(strings.ToLower(d.Number), q) {
			return true
		}
	}
	return t.Traveller != nil && t.Traveller.contains(q)
}

// Page sizes of Query.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

func pageSize(limit int) (int, error) {
	switch {
	case limit == 0:
		return DefaultLimit, nil
	case limit < 0 || limit > MaxLimit:
		return 0, service.Errorf(service.CodeInvalid, "limit: must be between 1 and %d", MaxLimit)
	}
	return limit, nil
}

// cursor is the JSON inside an opaque cursor string: the key of the last
// record of the previous page.
type cursor struct {
	T int64  `json:"t"`
	C string `json:"c"`
	S uint64 `json:"s"`
}

func encodeCursor(k Key) string {
	data, _ := json.Marshal(cursor{k.Nanos, k.Chain, k.Seq})
	return base64.RawURLEncoding.EncodeToString(data)
}

func decodeCursor(s string) (*Key, error) {
	if s == "" {
		return nil, nil
	}
	var c cursor
	data, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(data, &c)
	}
	if err != nil || c.C == "" {
		return nil, service.Errorf(service.CodeInvalid, "cursor: not a cursor from a previous page")
	}
	return &Key{Nanos: c.T, Chain: c.C, Seq: c.S}, nil
}
