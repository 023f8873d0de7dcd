package main

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// Tokens configured in the environment work without Redis; tokens kept in
// Redis work through an outage only on a replica that confirmed them
// before it (TestAPITokenThroughOutage).
const (
	outageChecker = "checker-secret-0123456789"
	outageAdmin   = "admin-secret-0123456789ab"
)

func readyStatus(t *testing.T, base string) (int, string) {
	t.Helper()
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ Status string }
	_ = jsonDecode(resp, &out)
	return resp.StatusCode, out.Status
}

func waitReadyStatus(t *testing.T, base, want string) {
	t.Helper()
	deadline := time.Now().Add(converge)
	for time.Now().Before(deadline) {
		if code, status := readyStatus(t, base); code == http.StatusOK && status == want {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s/readyz never said %q", base, want)
}

// While Redis is away replicas answer checks from memory, /readyz is 200
// and degraded, and uploads answer 503; when Redis is back (empty) an
// upload through one replica reaches the other without any help.
func TestReplicasSurviveRedisOutage(t *testing.T) {
	srv := redistest.StartServer(t)
	env := map[string]string{
		"CROSSCHECK_REDIS_URL": srv.URL(),
		"CROSSCHECK_TOKENS":    "checker:gate:" + outageChecker + ",admin:ops:" + outageAdmin,
	}
	a := startReplica(t, t.TempDir(), "a", env)
	b := startReplica(t, t.TempDir(), "b", env)
	srv.Stop()
	for _, r := range []*runningService{a, b} {
		waitReadyStatus(t, r.base, "degraded")
		if status, ans := postCheck(t, r.base, outageChecker, `{"traveller":{"name":"Germain Katanga"}}`); status != http.StatusOK || ans.Decision != "hit" {
			t.Fatalf("check while Redis is away: %d %+v", status, ans)
		}
	}
	ct, body := ofacForm(t)
	if status := adminCall(t, http.MethodPut, a.base+"/v1/lists/ofac-sdn?format=ofac-csv", outageAdmin, ct, body, nil); status != http.StatusServiceUnavailable {
		t.Fatalf("upload while Redis is away: %d, want 503", status)
	}

	srv.Restart()
	version := uploadOFACOnceBack(t, a.base)
	waitServing(t, b.base, outageAdmin, "ofac-sdn", version)
}

// uploadOFACOnceBack uploads through a replica whose Redis has just come
// back. The client's pool, after failed dials, waits about a second
// before it dials again, so the first uploads may still answer 503 as an
// administrator would see them; like the administrator, it tries again.
func uploadOFACOnceBack(t *testing.T, base string) string {
	t.Helper()
	ct, body := ofacForm(t)
	deadline := time.Now().Add(converge)
	for {
		var out struct{ Version, Message string }
		status := adminCall(t, http.MethodPut, base+"/v1/lists/ofac-sdn?format=ofac-csv", outageAdmin, ct, body, &out)
		switch {
		case status == http.StatusCreated:
			return out.Version
		case status != http.StatusServiceUnavailable || time.Now().After(deadline):
			t.Fatalf("upload after Redis came back: %d %s", status, out.Message)
		}
		t.Logf("upload answered 503 just after Redis came back (%s); trying again", out.Message)
		time.Sleep(200 * time.Millisecond)
	}
}

// A token made through the API and used on replica A keeps working there
// while Redis is away; replica B, which never saw it, refuses it with 503
// rather than letting it in or calling it unknown.
func TestAPITokenThroughOutage(t *testing.T) {
	srv := redistest.StartServer(t)
	env := map[string]string{"CROSSCHECK_REDIS_URL": srv.URL(), "CROSSCHECK_TOKENS": "admin:ops:" + outageAdmin}
	a := startReplica(t, t.TempDir(), "a", env)
	b := startReplica(t, t.TempDir(), "b", env)
	var made struct{ Secret string }
	if status := adminCall(t, http.MethodPost, a.base+"/v1/tokens", outageAdmin, "application/json", []byte(`{"name":"gate-9","role":"checker"}`), &made); status != http.StatusCreated || made.Secret == "" {
		t.Fatalf("create token: %d", status)
	}
	const traveller = `{"traveller":{"name":"Germain Katanga"}}`
	if status, _ := postCheck(t, a.base, made.Secret, traveller); status != http.StatusOK {
		t.Fatalf("check with the new token before the outage: %d", status)
	}
	srv.Stop()
	waitReadyStatus(t, a.base, "degraded")
	time.Sleep(6 * time.Second) // past the token cache's 5 s
	if status, ans := postCheck(t, a.base, made.Secret, traveller); status != http.StatusOK || ans.Decision != "hit" {
		t.Errorf("replica A, which confirmed the token, during the outage: %d %+v", status, ans)
	}
	if status, _ := postCheck(t, b.base, made.Secret, traveller); status != http.StatusServiceUnavailable {
		t.Errorf("replica B, which never saw the token, during the outage: %d, want 503", status)
	}
}

func jsonDecode(resp *http.Response, v any) error { return json.NewDecoder(resp.Body).Decode(v) }
