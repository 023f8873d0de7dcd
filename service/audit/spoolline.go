package audit

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"strconv"
	"time"
)

// The forwarder needs little of a spooled record: where it sits in its
// chain (chain, seq, prev), its time and id (the stores' indexes) and its
// MAC (the head file). Everything else goes to the store as the sealed
// bytes (Record.JSON). Decoding whole lines with encoding/json, hits and
// explanations included, cost about as much CPU as the rest of the audit
// trail together at a few thousand checks a second (16 µs a line of 1 kB;
// json.Valid alone 7 µs). So lineParser reads those fields where the
// sealer put them and checks the line's MAC (about 1.5 µs): a line whose
// MAC matches is the sealer's json.Marshal output, byte for byte, so
// valid JSON. Any other line is decoded whole, as it always was: one in
// another shape is forwarded if it decodes (Verify then reports it
// altered), one that does not decode is skipped and counted.

// errSpoolLine is a line that is not a record: bit rot, or not ours.
var errSpoolLine = errors.New("audit spool line is not a JSON record")

// lineParser reads spool lines for the forwarder. It keeps one HMAC
// state, so it is used by one goroutine at a time (the forwarder, then
// Close once the forwarder has stopped).
type lineParser struct {
	h   hash.Hash
	sum []byte
}

func newLineParser(key []byte) *lineParser {
	return &lineParser{h: hmac.New(sha256.New, key)}
}

// parse returns the record of one spool line (without its newline). For
// a line sealed by this chain's key only the header fields are set;
// sealed holds the line either way.
func (p *lineParser) parse(line []byte) (Record, error) {
	r, macAt, ok := readHeader(line)
	if !ok || !p.sealedAsIs(line, macAt, r.Mac) {
		r = Record{}
		if err := json.Unmarshal(line, &r); err != nil {
			return Record{}, errSpoolLine
		}
	}
	r.sealed = line
	return r, nil
}

// sealedAsIs tells whether mac is the MAC of the line as the sealer
// wrote it: what comes before the mac field, closed.
func (p *lineParser) sealedAsIs(line []byte, macAt int, mac string) bool {
	var want [sha256.Size]byte
	if n, err := hex.Decode(want[:], []byte(mac)); err != nil || n != len(want) {
		return false
	}
	p.h.Reset()
	p.h.Write([]byte(domainRecord))
	p.h.Write(line[:macAt])
	p.h.Write([]byte("}"))
	p.sum = p.h.Sum(p.sum[:0])
	return hmac.Equal(p.sum, want[:])
}

// readHeader reads `{"chain":C,"seq":N[,"prev":P],"time":T,"check_id":I`
// from the start of line and `,"mac":M}` from its end (macAt is where),
// as seal writes them; ok is false for anything else.
func readHeader(line []byte) (r Record, macAt int, ok bool) {
	c := lineCursor{rest: line, ok: true}
	c.expect(`{"chain":`)
	r.Chain = c.plainString()
	c.expect(`,"seq":`)
	r.Seq = c.number()
	if c.skip(`,"prev":`) {
		r.Prev = c.plainString()
	}
	c.expect(`,"time":`)
	r.Time = c.time()
	c.expect(`,"check_id":`)
	r.CheckID = c.plainString()
	r.Mac, macAt, ok = macOf(line)
	return r, macAt, ok && c.ok
}

// macOf reads the MAC from the end of a sealed line, `,"mac":"hex"}`,
// and says where that field starts.
func macOf(line []byte) (mac string, at int, ok bool) {
	const key = `,"mac":"`
	at = bytes.LastIndex(line, []byte(key))
	if at < 0 || !bytes.HasSuffix(line, []byte(`"}`)) || at+len(key) > len(line)-2 {
		return "", 0, false
	}
	hexMac := line[at+len(key) : len(line)-2]
	for _, b := range hexMac {
		if !('0' <= b && b <= '9' || 'a' <= b && b <= 'f') {
			return "", 0, false
		}
	}
	return string(hexMac), at, len(hexMac) > 0
}

// lineCursor reads a line left to right; the first mismatch clears ok and
// every later read gives zero values.
type lineCursor struct {
	rest []byte
	ok   bool
}

func (c *lineCursor) expect(s string) {
	if !c.skip(s) {
		c.ok = false
	}
}

func (c *lineCursor) skip(s string) bool {
	if !c.ok || !bytes.HasPrefix(c.rest, []byte(s)) {
		return false
	}
	c.rest = c.rest[len(s):]
	return true
}

// plainString reads a JSON string of printable ASCII without escapes:
// exactly the bytes encoding/json would decode it to.
func (c *lineCursor) plainString() string {
	s := c.quoted()
	if len(s) < 2 {
		return ""
	}
	return string(s[1 : len(s)-1])
}

// quoted returns the next JSON string with its quotes.
func (c *lineCursor) quoted() []byte {
	if !c.ok || len(c.rest) == 0 || c.rest[0] != '"' {
		c.ok = false
		return nil
	}
	for i := 1; i < len(c.rest); i++ {
		switch b := c.rest[i]; {
		case b == '"':
			s := c.rest[:i+1]
			c.rest = c.rest[i+1:]
			return s
		case b < 0x20 || b >= 0x7f || b == '\\':
			c.ok = false
			return nil
		}
	}
	c.ok = false
	return nil
}

func (c *lineCursor) number() uint64 {
	end := 0
	for end < len(c.rest) && '0' <= c.rest[end] && c.rest[end] <= '9' {
		end++
	}
	n, err := strconv.ParseUint(string(c.rest[:end]), 10, 64)
	if !c.ok || err != nil || (end > 1 && c.rest[0] == '0') {
		c.ok = false
		return 0
	}
	c.rest = c.rest[end:]
	return n
}

// time decodes as encoding/json does, with time.Time's own UnmarshalJSON.
func (c *lineCursor) time() time.Time {
	var t time.Time
	if q := c.quoted(); c.ok && t.UnmarshalJSON(q) != nil {
		c.ok = false
	}
	return t
}
