package audit

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
)

// header is what lineParser promises to decode of a sealed line.
func header(r Record) Record {
	return Record{Chain: r.Chain, Seq: r.Seq, Prev: r.Prev, Time: r.Time, CheckID: r.CheckID, Mac: r.Mac}
}

// sameAsUnmarshal checks that the forwarder's parser reads the header
// json.Unmarshal reads from a line and keeps the line as the record's
// JSON.
func sameAsUnmarshal(t *testing.T, line []byte) {
	t.Helper()
	var want Record
	if err := json.Unmarshal(line, &want); err != nil {
		t.Fatalf("the test's line does not decode: %v", err)
	}
	got, err := newLineParser(testKey).parse(line)
	if err != nil {
		t.Fatalf("parse(%s): %v", line, err)
	}
	if g, w := header(got), header(want); !reflect.DeepEqual(g, w) {
		t.Errorf("header\n got %+v\nwant %+v", g, w)
	}
	if data, _ := got.JSON(); string(data) != string(line) {
		t.Errorf("JSON() is not the sealed line")
	}
}

func TestParseSpoolLine(t *testing.T) {
	now := time.Date(2026, 11, 25, 13, 4, 5, 123456789, time.UTC)
	for _, tc := range []struct {
		name  string
		rec   Record
		plain bool // in the sealer's plain shape: read without decoding
	}{
		{"first record, no prev", Record{Chain: "bench", Seq: 1, Time: now, CheckID: service.NewID(now), Kind: KindCheck, Decision: "clear",
			Traveller: json.RawMessage(`{"traveller":{"name":"محمد العلي"}}`), Hits: json.RawMessage(`[]`)}, true},
		{"check with hits", Record{Chain: "a.b_c-1", Seq: 18446744073709551615, Prev: strings.Repeat("ab", 32), Time: now, CheckID: "0123abcd",
			Kind: KindCheck, Hits: json.RawMessage(`[{"mac":"x","list_id":"un-sc"}]`), Lists: []ListRef{{ID: "un-sc", Version: "v1"}}}, true},
		{"admin record", Record{Chain: "r", Seq: 7, Prev: "00", Time: time.Unix(0, 0).UTC(), CheckID: "id", Kind: KindAdmin,
			Action: "purge", Target: `"mac":"ff"}`, Outcome: "ok & done"}, true},
		// Not the sealer's plain shape: decoded whole.
		{"escaped id", Record{Chain: "c", Seq: 2, Prev: "ff", Time: now, CheckID: `a"b<c>`, Kind: KindCheck}, false},
		{"non-ASCII id", Record{Chain: "c", Seq: 3, Time: now, CheckID: "Müller", Kind: KindAuditQuery}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.rec
			line := sealed(t, &r, body)
			sameAsUnmarshal(t, line)
			if _, _, plain := readHeader(line); plain != tc.plain {
				t.Errorf("read without decoding: %v, want %v", plain, tc.plain)
			}
		})
	}
}

// Lines that are not records are refused, as json.Unmarshal refused
// them: the forwarder skips them and says so. A line altered after
// sealing that still decodes is forwarded whole, as before, for Verify to
// report.
func TestParseSpoolLineOfAlteredLines(t *testing.T) {
	r := Record{Chain: "c", Seq: 5, Prev: "ab", Time: time.Now().UTC(), CheckID: "id", Kind: KindCheck, Decision: "hit"}
	line := string(sealed(t, &r, body))
	p := newLineParser(testKey)
	for _, bad := range []string{
		"",
		"garbage",
		line[:len(line)-1], // cut short
		strings.Replace(line, `"decision":"hit"`, `"decision":hit`, 1), // bit rot after the header
		strings.Replace(line, `"seq":5`, `"seq":-5`, 1),
		strings.Replace(line, `"seq":5`, `"seq":"5"`, 1),
		strings.Replace(line, `"time":"`, `"time":"x`, 1),
	} {
		if got, err := p.parse([]byte(bad)); err == nil {
			t.Errorf("parse(%q) = %+v, want an error", bad, header(got))
		}
	}
	altered := strings.Replace(line, `"decision":"hit"`, `"decision":"clear"`, 1)
	got, err := p.parse([]byte(altered))
	if err != nil || got.Decision != "clear" || validMac(testKey, got) {
		t.Errorf("altered line: %+v, %v; want it decoded whole, its MAC invalid", header(got), err)
	}
	if _, err := newLineParser([]byte("another key, another key, another")).parse([]byte(line)); err != nil {
		t.Errorf("a line of another key: %v, want it decoded whole", err)
	}
}

// FuzzParseSpoolLine: for any record the sealer writes, the header read
// is the header json.Unmarshal reads; and no input makes the parser panic.
func FuzzParseSpoolLine(f *testing.F) {
	f.Add("bench", uint64(1), "", int64(0), "0123abcd", "clear", "")
	f.Add("c", uint64(99), "ab", int64(1764075845123456789), "a\"b", "hit", `"mac":"00"}`)
	f.Add("x", uint64(0), "\u2028", int64(-1), "\xff", "", ",\"mac\":\"")
	f.Fuzz(func(t *testing.T, chain string, seq uint64, prev string, nanos int64, id, decision, outcome string) {
		_, _ = newLineParser(testKey).parse([]byte(outcome)) // any bytes: an answer, never a panic
		r := Record{Chain: chain, Seq: seq, Prev: prev, Time: time.Unix(0, nanos).UTC(), CheckID: id, Kind: KindCheck,
			Decision: decision, Outcome: outcome}
		if _, err := json.Marshal(r); err != nil {
			t.Skip() // a time json cannot write
		}
		sameAsUnmarshal(t, sealed(t, &r, body))
	})
}
