package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer collects the log of a running service for the test to read.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// runningService is one run() of the real program on a free port.
type runningService struct {
	base    string
	token   string // the bootstrap checker token
	dataDir string
	log     *syncBuffer
	stop    func() error
}

func startService(t *testing.T, dataDir string) *runningService {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncBuffer{}
	done := make(chan error, 1)
	args := []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", dataDir, "--replica-id", "e2e"}
	go func() { done <- run(ctx, args, func(string) string { return "" }, io.Discard, log) }()
	// stop runs once, by the test or at its end: a service still writing
	// its data directory when the test ends fails TempDir's removal.
	stop := sync.OnceValue(func() error { cancel(); return <-done })
	s := &runningService{log: log, dataDir: dataDir, stop: stop}
	t.Cleanup(func() { _ = stop() })
	s.base = "http://" + waitForLog(t, log, "listening", "addr")
	waitReady(t, s.base)
	s.token = bootstrapToken(t, dataDir, "checker")
	return s
}

// bootstrapToken reads the secret of the role's token from the file the
// first start writes.
func bootstrapToken(t *testing.T, dataDir, role string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dataDir, "bootstrap-tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Tokens []struct{ Role, Secret string }
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	for _, tok := range f.Tokens {
		if tok.Role == role {
			return tok.Secret
		}
	}
	t.Fatalf("no %s token in the bootstrap file", role)
	return ""
}

// waitForLog returns the field of the first JSON log line with the message.
func waitForLog(t testing.TB, log *syncBuffer, msg, field string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		sc := bufio.NewScanner(strings.NewReader(log.String()))
		for sc.Scan() {
			var line map[string]any
			if json.Unmarshal(sc.Bytes(), &line) == nil && line["msg"] == msg {
				return line[field].(string)
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %q log line; log:\n%s", msg, log.String())
	return ""
}

func waitReady(t testing.TB, base string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("service never became ready")
}

type checkAnswer struct {
	Decision string   `json:"decision"`
	Warnings []string `json:"document_warnings"`
	Hits     []struct {
		ListID   string `json:"list_id"`
		EntryID  string `json:"entry_id"`
		Decision string `json:"decision"`
	} `json:"hits"`
	Lists []struct{ ID, Version string } `json:"lists"`
}

func postCheck(t *testing.T, base, token, body string) (int, checkAnswer) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/check", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var a checkAnswer
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, a
}

func TestServeChecksTravellersEndToEnd(t *testing.T) {
	dir := t.TempDir()
	s := startService(t, dir)
	status, a := postCheck(t, s.base, s.token, `{"traveller":{"name":"Germain Katanga","date_of_birth":"1978-04-28"},"checkpoint":"BKO-AIRPORT-T1"}`)
	if status != http.StatusOK || a.Decision != "hit" || len(a.Hits) == 0 || a.Hits[0].EntryID != "CDi.006" || a.Hits[0].ListID != "un-sc" {
		t.Fatalf("listed traveller: status %d, answer %+v", status, a)
	}
	status, a = postCheck(t, s.base, s.token, `{"traveller":{"surname":"POTTERSFIELD","given_names":"ZEBULON QUIMBY"}}`)
	if status != http.StatusOK || a.Decision != "clear" || len(a.Hits) != 0 || len(a.Lists) != 1 {
		t.Fatalf("made-up traveller: status %d, answer %+v", status, a)
	}
	checkAuditTrail(t, s, s.dataDir, 2)
	if status, _ := postCheck(t, s.base, "", `{"traveller":{"name":"Germain Katanga"}}`); status != http.StatusUnauthorized {
		t.Fatalf("check without a token: %d", status)
	}
	if err := s.stop(); err != nil {
		t.Fatalf("run returned %v after a clean stop", err)
	}
	for _, personal := range []string{"KATANGA", "Katanga", "GERMAIN", "POTTERSFIELD", "ZEBULON"} {
		if strings.Contains(s.log.String(), personal) {
			t.Fatalf("the log carries traveller data (%q):\n%s", personal, s.log.String())
		}
	}
	var report bytes.Buffer
	if err := run(context.Background(), []string{"audit", "verify", "--data-dir", dir, "--replica-id", "e2e"}, func(string) string { return "" }, &report, io.Discard); err != nil || !strings.Contains(report.String(), `"ok": true`) {
		t.Fatalf("crosscheck audit verify: %v\n%s", err, report.String())
	}
	if !strings.Contains(s.log.String(), "seeded empty store") {
		t.Fatal("first start did not seed the bundled UN list")
	}

	// A restart serves what the store holds, without loading the bundle again.
	again := startService(t, dir)
	if strings.Contains(again.log.String(), "seeded empty store") {
		t.Fatal("restart re-loaded the bundled list instead of using the store")
	}
	_, b := postCheck(t, again.base, again.token, `{"traveller":{"name":"KATANGA Germain"}}`)
	if b.Decision == "clear" || b.Lists[0].Version != a.Lists[0].Version {
		t.Fatalf("after restart: %+v (version before: %s)", b, a.Lists[0].Version)
	}
	if err := again.stop(); err != nil {
		t.Fatal(err)
	}
}

func TestRunRejectsBadConfiguration(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"no command", nil, nil, "no command"},
		{"unknown command", []string{"fly"}, nil, "unknown command"},
		{"bad env duration", []string{"serve"}, map[string]string{"CROSSCHECK_REQUEST_TIMEOUT": "soon"}, "CROSSCHECK_REQUEST_TIMEOUT"},
		{"stray argument", []string{"serve", "extra"}, nil, "unexpected argument"},
		{"zero body limit", []string{"serve", "--body-limit", "0"}, nil, "--body-limit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := run(context.Background(), tc.args, func(k string) string { return tc.env[k] }, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want error containing %q, got %v", tc.want, err)
			}
		})
	}
}

// checkAuditTrail reads the trail as the bootstrap auditor: every check is
// there, and the chain verifies.
func checkAuditTrail(t *testing.T, s *runningService, dir string, checks int) {
	t.Helper()
	auditor := bootstrapToken(t, dir, "auditor")
	deadline := time.Now().Add(10 * time.Second)
	for {
		var page struct {
			Records []struct{ CheckID, Decision string }
		}
		getJSON(t, s.base+"/v1/audit/checks?kind=check", auditor, &page)
		if len(page.Records) == checks {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d check records on the audit trail, want %d", len(page.Records), checks)
		}
		time.Sleep(50 * time.Millisecond)
	}
	var rep struct {
		OK      bool
		Records int
	}
	getJSON(t, s.base+"/v1/audit/verify", auditor, &rep)
	if !rep.OK || rep.Records < checks {
		t.Fatalf("audit verify: %+v", rep)
	}
}

func getJSON(t *testing.T, url, token string, v any) {
	t.Helper()
	if status := getJSONStatus(t, url, token, v); status != http.StatusOK {
		t.Fatalf("GET %s: %d", url, status)
	}
}

// getJSONStatus decodes a 200 answer into v and returns the status, for
// callers that wait out a 503.
func getJSONStatus(t *testing.T, url, token string, v any) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return resp.StatusCode
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode
}
