package audit

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"strconv"
	"time"
)

// Sealing is split in two so that the chain lock is held only for what
// needs the chain: body, the record's canonical JSON after its position
// in the chain, is built before the lock; sealer adds the position, the
// MAC (which covers the previous record's MAC, so it is sequential by
// nature) and returns the spool line. Together they give exactly
// json.Marshal of the sealed record (TestSealMatchesMarshal and
// FuzzCheckBody hold them to it), so Verify, which marshals records read
// back from the store, recomputes the same MAC.

// bodyStart is how json.Marshal starts a record with no chain position;
// the body is what follows it, from `,"time":` (time is never omitted).
const bodyStart = `{"chain":"","seq":0`

// body is r's canonical JSON after its chain position: `,"time":...}`.
func body(r Record) ([]byte, error) {
	r.Chain, r.Seq, r.Prev, r.Mac = "", 0, "", ""
	data, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	return data[len(bodyStart):], nil
}

// checkHead and checkTail are the fields of a check record around its
// two raw JSON fields (and decision), in Record's order and with its tags
// (TestCheckBodyCoversRecord compares them); checkjson.go writes them.
type checkHead struct {
	Time       time.Time `json:"time"`
	CheckID    string    `json:"check_id"`
	Kind       Kind      `json:"kind"`
	Token      string    `json:"token,omitempty"`
	Role       string    `json:"role,omitempty"`
	Checkpoint string    `json:"checkpoint,omitempty"`
	Operator   string    `json:"operator,omitempty"`
	Reference  string    `json:"reference,omitempty"`
}

type checkTail struct {
	Lists          []ListRef     `json:"lists,omitempty"`
	MatcherVersion string        `json:"matcher_version,omitempty"`
	Latency        time.Duration `json:"latency_ns,omitempty"`
}

// checkBody is body for a check record whose traveller and hits are
// json.Marshal output, so already compact and escaped: they are spliced
// in as they are instead of being scanned and compacted again, which
// json.Marshal does to every json.RawMessage and which cost more than
// the rest of the record. Admin fields (action, target, outcome) must be
// empty; checkBody uses body for a record that has them.
func checkBody(r Record) ([]byte, error) {
	if r.Action != "" || r.Target != "" || r.Outcome != "" {
		return body(r)
	}
	out := make([]byte, 0, len(r.Traveller)+len(r.Hits)+len(r.Decision)+512)
	out, err := checkHead{r.Time, r.CheckID, r.Kind, r.Token, r.Role, r.Checkpoint, r.Operator, r.Reference}.appendMembers(out)
	if err != nil {
		return nil, err
	}
	out = appendRaw(out, "traveller", r.Traveller)
	if r.Decision != "" {
		out = appendJSONString(append(out, `,"decision":`...), r.Decision)
	}
	out = appendRaw(out, "hits", r.Hits)
	out = checkTail{r.Lists, r.MatcherVersion, r.Latency}.appendMembers(out)
	return append(out, '}'), nil
}

// appendRaw adds `,"name":value` unless value is empty (omitempty).
func appendRaw(out []byte, name string, value []byte) []byte {
	if len(value) == 0 {
		return out
	}
	out = append(append(append(out, `,"`...), name...), `":`...)
	return append(out, value...)
}

// appendJSONString appends s as encoding/json writes it. Chain ids, MACs
// and decisions are plain ASCII and go as they are; anything else goes
// through json.Marshal, whose escaping rules are the canonical ones.
func appendJSONString(out []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always marshals
			return append(out, q...)
		}
	}
	return append(append(append(out, '"'), s...), '"')
}

// sealer adds chain positions and MACs. It keeps one HMAC state, so it
// is used under the chain lock only.
type sealer struct {
	chain []byte // the chain id as a JSON string
	h     hash.Hash
	sum   []byte
}

func newSealer(key []byte, chain string) *sealer {
	return &sealer{chain: appendJSONString(nil, chain), h: hmac.New(sha256.New, key)}
}

// seal returns the spool line (with its newline) of the record whose
// body is b at seq after prev, and the record's MAC.
func (s *sealer) seal(b []byte, seq uint64, prev string) (line []byte, mac string) {
	line = make([]byte, 0, len(bodyStart)+len(s.chain)+len(prev)+len(b)+100)
	line = append(append(line, `{"chain":`...), s.chain...)
	line = strconv.AppendUint(append(line, `,"seq":`...), seq, 10)
	if prev != "" {
		line = appendJSONString(append(line, `,"prev":`...), prev)
	}
	line = append(line, b...)
	s.h.Reset()
	s.h.Write([]byte(domainRecord))
	s.h.Write(line)
	s.sum = s.h.Sum(s.sum[:0])
	mac = hex.EncodeToString(s.sum)
	line = append(append(line[:len(line)-1], `,"mac":"`...), mac...)
	return append(line, "\"}\n"...), mac
}
