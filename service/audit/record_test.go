package audit

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

// The sealed line must be exactly what marshalling the sealed record
// gives, and survive a round trip: Verify recomputes the MAC from the
// store.
func TestSealMatchesMarshal(t *testing.T) {
	for _, r := range []Record{
		{Chain: "a", Seq: 1, Time: time.Unix(0, 1).UTC(), CheckID: "x", Kind: KindCheck},
		{Chain: "a", Seq: 2, Prev: "ff", Time: time.Now().UTC(), CheckID: "y", Kind: KindAdmin, Action: "purge", Target: "<all>", Outcome: "ok & done"},
		{Chain: "b", Seq: 9, Time: time.Now().UTC(), Kind: KindCheck, Traveller: json.RawMessage(`{ "name" : "A <b>" }`),
			Hits: json.RawMessage(`[ {"score": 0.5} ]`), Lists: []ListRef{{ID: "un", Version: "1"}}, Latency: time.Millisecond},
		{Chain: "c", Seq: 3, Prev: "odd \"prev\" <\u2028>", Time: time.Now().UTC(), Kind: KindCheck},
	} {
		line := sealed(t, &r, body)
		want, _ := json.Marshal(r)
		if string(line) != string(want) {
			t.Errorf("seal:\n got %s\nwant %s", line, want)
		}
		var back Record
		if err := json.Unmarshal(line, &back); err != nil || !validMac(testKey, back) {
			t.Errorf("round trip of seq %d: MAC no longer valid (%v)", r.Seq, err)
		}
		back.Outcome += "x"
		if validMac(testKey, back) {
			t.Errorf("seq %d: altered record still valid", r.Seq)
		}
	}
}

// sealed seals r as Append does, with body or checkBody, and returns the
// spool line without its newline.
func sealed(t testing.TB, r *Record, encode func(Record) ([]byte, error)) []byte {
	t.Helper()
	b, err := encode(*r)
	if err != nil {
		t.Fatal(err)
	}
	line, mac := newSealer(testKey, r.Chain).seal(b, r.Seq, r.Prev)
	r.Mac = mac
	return line[:len(line)-1]
}

// checkBody splices the traveller and hits in as they are; for the
// json.Marshal output it is given, the result must be json.Marshal's.
func TestCheckBodyMatchesMarshal(t *testing.T) {
	now := time.Now().UTC()
	for _, r := range []Record{
		{Time: now, CheckID: "x", Kind: KindCheck},
		{Time: now, CheckID: "y", Kind: KindCheck, Token: "gate <1>", Role: "checker", Checkpoint: "FRA", Operator: "o&p", Reference: "r\u2028",
			Traveller: marshal(t, map[string]any{"traveller": map[string]string{"name": "Müller <b> \"x\""}}),
			Decision:  "review", Hits: marshal(t, []map[string]any{{"score": 0.5, "name": "a&b"}}),
			Lists: []ListRef{{ID: "un", Version: "1"}, {ID: "ofac", Version: "2"}}, MatcherVersion: "m/1", Latency: 412 * time.Microsecond},
		{Time: now, CheckID: "z", Kind: KindCheck, Decision: "clear", Hits: marshal(t, []int{}), Traveller: marshal(t, struct{}{})},
		{Time: now, CheckID: "w", Kind: KindCheck, Hits: json.RawMessage("null"), Latency: 1},
		{Time: now, CheckID: "a", Kind: KindAdmin, Action: "purge", Outcome: "ok"},
	} {
		for _, prev := range []string{"", "ab12"} {
			r.Chain, r.Seq, r.Prev = "pod-1", 7, prev
			got := sealed(t, &r, checkBody)
			if want, _ := json.Marshal(r); string(got) != string(want) {
				t.Errorf("checkBody:\n got %s\nwant %s", got, want)
			}
		}
	}
}

func marshal(t testing.TB, v any) json.RawMessage {
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// FuzzCheckBody holds checkBody to json.Marshal for any field values.
func FuzzCheckBody(f *testing.F) {
	f.Add("FRA-T1", "officer-1", "Müller <b>", "review", 0.5, int64(412000))
	f.Add("", "", "", "", 0.0, int64(0))
	f.Add("\x00\xff", "\u2028", "\"\\", "hit", -1.5e300, int64(-1))
	f.Fuzz(func(t *testing.T, checkpoint, operator, name, decision string, score float64, latency int64) {
		r := Record{Chain: "c", Seq: 1, Time: time.Unix(0, latency).UTC(), CheckID: name, Kind: KindCheck, Checkpoint: checkpoint,
			Operator: operator, Decision: decision, Latency: time.Duration(latency), MatcherVersion: decision,
			Traveller: marshal(t, map[string]string{"name": name}), Lists: []ListRef{{ID: checkpoint, Version: operator}}}
		if hits, err := json.Marshal([]map[string]any{{"score": score, "name": name}}); err == nil {
			r.Hits = hits
		}
		got := sealed(t, &r, checkBody)
		if want, _ := json.Marshal(r); string(got) != string(want) {
			t.Errorf("checkBody:\n got %s\nwant %s", got, want)
		}
	})
}

// A field added to Record must be added to checkBody's structs too (or
// send the record through body), or check records would leave it out.
func TestCheckBodyCoversRecord(t *testing.T) {
	var names []string
	for _, v := range []any{checkHead{}, "traveller", "decision", "hits", checkTail{}, "action", "target", "outcome"} {
		if s, ok := v.(string); ok {
			names = append(names, s)
			continue
		}
		rt := reflect.TypeOf(v)
		for i := range rt.NumField() {
			names = append(names, rt.Field(i).Tag.Get("json"))
		}
	}
	rt := reflect.TypeOf(Record{})
	var want []string
	for i := range rt.NumField() {
		if tag := rt.Field(i).Tag.Get("json"); rt.Field(i).IsExported() && !slices.Contains([]string{"chain", "seq", "prev,omitempty", "mac,omitempty"}, tag) {
			want = append(want, tag)
		}
	}
	for i := range names {
		names[i], _, _ = strings.Cut(names[i], ",")
	}
	for i := range want {
		want[i], _, _ = strings.Cut(want[i], ",")
	}
	if !slices.Equal(names, want) {
		t.Errorf("checkBody fields %v, Record fields %v", names, want)
	}
}

func TestKeyCompare(t *testing.T) {
	for _, tc := range []struct {
		a, b Key
		want int
	}{
		{Key{1, "b", 1}, Key{2, "a", 0}, -1},
		{Key{1, "a", 9}, Key{1, "b", 1}, -1},
		{Key{1, "a", 2}, Key{1, "a", 1}, 1},
		{Key{1, "a", 1}, Key{1, "a", 1}, 0},
	} {
		if got := tc.a.Compare(tc.b); got != tc.want {
			t.Errorf("%v vs %v: %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestLoadOrCreateKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.key")
	k1, err := LoadOrCreateKey(path)
	if err != nil || len(k1) != MinKeyLen {
		t.Fatalf("create: %d bytes, %v", len(k1), err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	k2, err := LoadOrCreateKey(path)
	if err != nil || string(k1) != string(k2) {
		t.Errorf("second load differs (%v)", err)
	}
	for _, bad := range []string{"zz", strings.Repeat("ab", 8)} {
		if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadOrCreateKey(path); err == nil || strings.Contains(err.Error(), bad) {
			t.Errorf("key %q: error %v (must fail and not echo the key)", bad, err)
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	k := Key{Nanos: -5, Chain: "pod-1.x", Seq: 7}
	got, err := decodeCursor(encodeCursor(k))
	if err != nil || *got != k {
		t.Errorf("cursor round trip: %v, %v", got, err)
	}
	for _, bad := range []string{"!!", "e30", "bnVsbA"} {
		if _, err := decodeCursor(bad); err == nil {
			t.Errorf("cursor %q: no error", bad)
		}
	}
}

func TestOptionsValidate(t *testing.T) {
	ok := Options{Store: nopStore{}, Key: testKey, Chain: "pod-1", Dir: "d"}
	for _, tc := range []struct {
		name string
		edit func(*Options)
	}{
		{"no store", func(o *Options) { o.Store = nil }},
		{"short key", func(o *Options) { o.Key = o.Key[:16] }},
		{"empty chain", func(o *Options) { o.Chain = "" }},
		{"chain with slash", func(o *Options) { o.Chain = "../x" }},
		{"dot chain", func(o *Options) { o.Chain = ".." }},
		{"no dir", func(o *Options) { o.Dir = "" }},
		{"sync policy", func(o *Options) { o.Sync = "sometimes" }},
	} {
		o := ok
		tc.edit(&o)
		if err := o.validate(); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	if err := ok.validate(); err != nil || ok.Sync != SyncAlways {
		t.Errorf("valid options: %v, sync %q", err, ok.Sync)
	}
}

// nopStore satisfies Store for tests that never reach it.
type nopStore struct{ Store }
