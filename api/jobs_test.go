package api

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/loaders"
)

// putAsync uploads as the admin with async=true and returns the answer
// and its Location.
func putAsync(t *testing.T, s *Server, path string, body []byte) (int, string, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPut, path, bytes.NewReader(body))
	req.Header.Set("Authorization", adminToken)
	resp, err := s.App.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out := map[string]any{}
	_ = jsonDecode(resp.Body, &out)
	return resp.StatusCode, resp.Header.Get("Location"), out
}

// awaitJob polls a job until it has finished, within the admin rate
// (5 requests a second).
func awaitJob(t *testing.T, s *Server, location string) map[string]any {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		time.Sleep(250 * time.Millisecond)
		status, out := doAs(t, s, adminToken, http.MethodGet, location, "")
		if status != http.StatusOK {
			t.Fatalf("GET %s: %d %v", location, status, out)
		}
		if out["state"] == "succeeded" || out["state"] == "failed" {
			return out
		}
		if time.Now().After(deadline) {
			t.Fatalf("job still %v", out)
		}
	}
}

func spoolFiles(t *testing.T, s *Server) []os.DirEntry {
	t.Helper()
	files, err := os.ReadDir(s.cfg.SpoolDir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestAsyncUploadRunsAsJob(t *testing.T) {
	s, catalog := newListServer(t, 64<<20)
	un := mustRead(t, unFile)
	status, location, out := putAsync(t, s, "/v1/lists/un-sc?format=un-xml&async=true", un)
	if status != http.StatusAccepted || location != "/v1/jobs/"+out["job_id"].(string) || out["list_id"] != "un-sc" ||
		out["bytes_total"] != float64(len(un)) || out["sha256"] == "" {
		t.Fatalf("async upload: %d %q %v", status, location, out)
	}
	if state := out["state"]; state != "queued" && state != "running" {
		t.Fatalf("state at submission: %v", state)
	}
	done := awaitJob(t, s, location)
	result, _ := done["result"].(map[string]any)
	if done["state"] != "succeeded" || result["entries"] != 1003.0 || done["bytes_read"] != float64(len(un)) || done["finished_at"] == nil {
		t.Fatalf("finished job: %v", done)
	}
	if a := catalog.Active(); len(a) != 1 || a[0].Version != result["version"] || a[0].SHA256 != out["sha256"] {
		t.Fatalf("serving %+v, job result %v", a, result)
	}
	if files := spoolFiles(t, s); len(files) != 0 {
		t.Fatalf("spool files left: %v", files)
	}
	wantAuditOutcomes(t, s, "list.upload", "queued", "ok")
}

func TestAsyncUploadFailureKeepsActiveVersion(t *testing.T) {
	s, catalog := newListServer(t, 64<<20)
	un := mustRead(t, unFile)
	if status, out := sendAs(t, s, http.MethodPut, "/v1/lists/un-sc?format=un-xml", "application/xml", un); status != http.StatusCreated {
		t.Fatalf("upload: %d %v", status, out)
	}
	active := catalog.Active()[0].Version
	status, location, _ := putAsync(t, s, "/v1/lists/un-sc?format=un-xml&async=true", un[:len(un)/2])
	if status != http.StatusAccepted {
		t.Fatalf("async upload: %d", status)
	}
	done := awaitJob(t, s, location)
	jerr, _ := done["error"].(map[string]any)
	if done["state"] != "failed" || jerr["code"] != "invalid" || !strings.Contains(jerr["message"].(string), "truncated") || done["result"] != nil {
		t.Fatalf("failed job: %v", done)
	}
	if got := catalog.Active()[0].Version; got != active {
		t.Fatalf("failed job changed the active version: %s, was %s", got, active)
	}
	if files := spoolFiles(t, s); len(files) != 0 {
		t.Fatalf("spool files left: %v", files)
	}
	wantAuditOutcomes(t, s, "list.upload", "queued", "invalid")
}

func TestJobErrors(t *testing.T) {
	s, _ := newListServer(t, 64<<20)
	status, out := doAs(t, s, adminToken, http.MethodGet, "/v1/jobs/0123456789abcdef", "")
	if status != http.StatusNotFound || !strings.Contains(out["message"].(string), "restarted replica forgets") {
		t.Fatalf("unknown job: %d %v", status, out)
	}
	if status, _ := doAs(t, s, checkerToken, http.MethodGet, "/v1/jobs/0123456789abcdef", ""); status != http.StatusForbidden {
		t.Fatalf("checker reads a job: %d", status)
	}
	status, _, out = putAsync(t, s, "/v1/lists/un-sc?async=true", []byte("x"))
	if status != http.StatusBadRequest || !strings.Contains(out["message"].(string), "format: missing") {
		t.Fatalf("async upload without format: %d %v", status, out)
	}
}

// wantAuditOutcomes waits until the admin records of an action have the
// given outcomes, one record each.
func wantAuditOutcomes(t *testing.T, s *Server, action string, outcomes ...string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, out := doAs(t, s, auditorToken, http.MethodGet, "/v1/audit/checks?kind=admin", "")
		seen := map[string]bool{}
		for _, r := range records(out) {
			rec := r.(map[string]any)
			if rec["action"] == action && strings.Contains(rec["target"].(string), " job ") {
				seen[rec["outcome"].(string)] = true
			}
		}
		all := true
		for _, o := range outcomes {
			all = all && seen[o]
		}
		if all {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("audit outcomes of %s: %v, want %v", action, seen, outcomes)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A body without Content-Length (chunked) is counted while it streams:
// over the limit it is refused, its spool removed, the list untouched.
func TestStreamedUploadOverLimit(t *testing.T) {
	s, catalog := newListServer(t, 1<<20)
	base := listen(t, s)
	for _, tc := range []struct {
		method, path, token string
		size                int
	}{
		{http.MethodPut, "/v1/lists/un-sc?format=un-xml", adminToken, 1<<20 + 64<<10},
		{http.MethodPut, "/v1/lists/un-sc?format=un-xml&async=true", adminToken, 1<<20 + 64<<10},
		{http.MethodPatch, "/v1/lists/un-sc?format=crosscheck-delta", adminToken, 1<<20 + 64<<10},
		{http.MethodPost, "/v1/check", checkerToken, 8192 + 64<<10},
	} {
		// Somewhat over the limit (the server drains a little of a
		// refused body), of unknown length: sent chunked.
		body := io.MultiReader(strings.NewReader("<"), bytes.NewReader(make([]byte, tc.size)))
		req, _ := http.NewRequest(tc.method, base+tc.path, body)
		req.Header.Set("Authorization", tc.token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", tc.method, tc.path, err)
		}
		out := map[string]any{}
		_ = jsonDecode(resp.Body, &out)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || out["code"] != "too_large" || !strings.Contains(out["message"].(string), "limit of") {
			t.Errorf("%s %s: %d %v", tc.method, tc.path, resp.StatusCode, out)
		}
	}
	if files := spoolFiles(t, s); len(files) != 0 || catalog.Ready() {
		t.Fatalf("after refused uploads: spool %v, lists %v", files, catalog.Active())
	}
}

// The OpenAPI document describes the job route, async and the delta
// formats the server takes.
func TestOpenAPIDescribesJobsAndDeltas(t *testing.T) {
	s := newTestServer(t, &fakeChecker{}, true)
	_, out := do(t, s, http.MethodGet, "/openapi.json", "")
	paths := out["paths"].(map[string]any)
	if paths["/v1/jobs/{id}"] == nil || out["components"].(map[string]any)["schemas"].(map[string]any)["Job"] == nil {
		t.Fatal("openapi lacks GET /v1/jobs/{id} or the Job schema")
	}
	list := paths["/v1/lists/{id}"].(map[string]any)
	for _, method := range []string{"put", "patch"} {
		op := list[method].(map[string]any)
		if op["responses"].(map[string]any)["202"] == nil || !hasParam(op, "async") {
			t.Errorf("openapi %s /v1/lists/{id} lacks async and its 202", method)
		}
	}
	for _, p := range list["patch"].(map[string]any)["parameters"].([]any) {
		if prm := p.(map[string]any); prm["name"] == "format" {
			var enum []string
			for _, f := range prm["schema"].(map[string]any)["enum"].([]any) {
				enum = append(enum, f.(string))
			}
			slices.Sort(enum)
			if !slices.Equal(enum, loaders.DeltaFormats()) {
				t.Errorf("delta formats in openapi: %v, the server takes %v", enum, loaders.DeltaFormats())
			}
		}
	}
}

func hasParam(op map[string]any, name string) bool {
	for _, p := range op["parameters"].([]any) {
		if p.(map[string]any)["name"] == name {
			return true
		}
	}
	return false
}

// Spool files a previous run left (a crash mid-upload) are removed when
// the server is made; other files in the directory are not.
func TestStaleSpoolRemovedAtStart(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"upload-123", "upload-456", "keep.txt"} {
		if err := os.WriteFile(dir+"/"+name, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	New(Config{SpoolDir: dir}, Deps{})
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 || entries[0].Name() != "keep.txt" {
		t.Fatalf("spool dir after start: %v %v", entries, err)
	}
}
