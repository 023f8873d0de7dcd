package audit

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

// The spliced MAC must give exactly what marshalling the sealed record
// gives, and survive a round trip: Verify recomputes it from the store.
func TestSealMatchesMarshal(t *testing.T) {
	for _, r := range []Record{
		{Chain: "a", Seq: 1, Time: time.Unix(0, 1).UTC(), CheckID: "x", Kind: KindCheck},
		{Chain: "a", Seq: 2, Prev: "ff", Time: time.Now().UTC(), CheckID: "y", Kind: KindAdmin, Action: "purge", Target: "<all>", Outcome: "ok & done"},
		{Chain: "b", Seq: 9, Time: time.Now().UTC(), Kind: KindCheck, Traveller: json.RawMessage(`{ "name" : "A <b>" }`),
			Hits: json.RawMessage(`[ {"score": 0.5} ]`), Lists: []ListRef{{ID: "un", Version: "1"}}, Latency: time.Millisecond},
	} {
		line, err := seal(testKey, &r)
		if err != nil {
			t.Fatal(err)
		}
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
