package api

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/boltstore"
)

const unFile = "../testdata/lists/un/consolidated-2026-02-27.xml"

// newListServer is a test server whose list routes run the real use
// case on an embedded store.
func newListServer(t *testing.T, uploadLimit int) (*Server, *service.Catalog) {
	t.Helper()
	s := newTestServer(t, &fakeChecker{}, true)
	store, err := boltstore.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	catalog := &service.Catalog{}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	lists := service.NewLists(store, catalog, matcher.DefaultOptions(), log)
	jobs := service.NewJobs(lists, log)
	t.Cleanup(func() { jobs.Close() })
	s.deps.Lists, s.deps.Jobs = lists, jobs
	s.cfg.UploadBodyLimit, s.cfg.SpoolDir = uploadLimit, t.TempDir()
	return s, catalog
}

// sendAs makes a request with a raw body and content type as the admin.
func sendAs(t *testing.T, s *Server, method, path, contentType string, body []byte) (int, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", adminToken)
	resp, err := s.App.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out := map[string]any{}
	_ = jsonDecode(resp.Body, &out)
	return resp.StatusCode, out
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestListUploadAndLifecycle(t *testing.T) {
	s, catalog := newListServer(t, 64<<20)
	un := mustRead(t, unFile)
	status, out := sendAs(t, s, http.MethodPut, "/v1/lists/un-sc?format=un-xml&name=UN&review=0.8&hit=0.9", "application/xml", un)
	if status != http.StatusCreated || out["entries"] != 1003.0 || out["list_id"] != "un-sc" || out["warnings"] == nil {
		t.Fatalf("upload: %d %v", status, out)
	}
	first := out["version"].(string)
	edited := bytes.Replace(un, []byte("<DATE>1978-04-28</DATE>"), []byte("<DATE>1979-04-28</DATE>"), 1)
	status, out = sendAs(t, s, http.MethodPut, "/v1/lists/un-sc?format=un-xml&dry_run=true", "application/xml", edited)
	if status != http.StatusOK || len(out["changed"].([]any)) != 1 || out["base"] != first {
		t.Fatalf("dry run: %d %v", status, out)
	}
	status, out = sendAs(t, s, http.MethodPut, "/v1/lists/un-sc?format=un-xml", "application/xml", edited)
	if status != http.StatusCreated || out["version"] == first {
		t.Fatalf("second upload: %d %v", status, out)
	}
	status, out = doAs(t, s, adminToken, http.MethodPost, "/v1/lists/un-sc/activate?version="+first, "")
	if status != http.StatusOK || catalog.Active()[0].Version != first {
		t.Fatalf("rollback: %d %v", status, out)
	}
	status, out = doAs(t, s, adminToken, http.MethodGet, "/v1/lists/un-sc", "")
	if status != http.StatusOK || len(out["versions"].([]any)) != 2 || out["active"] != first || out["serving"] != first {
		t.Fatalf("detail: %d %v", status, out)
	}
	if status, _ := doAs(t, s, adminToken, http.MethodDelete, "/v1/lists/un-sc", ""); status != http.StatusNoContent || catalog.Ready() {
		t.Fatalf("deactivate: %d, still serving %v", status, catalog.Active())
	}
	status, out = doAs(t, s, adminToken, http.MethodGet, "/v1/lists", "")
	if lists := out["lists"].([]any); status != http.StatusOK || len(lists) != 1 || lists[0].(map[string]any)["active"] != nil {
		t.Fatalf("overview: %d %v", status, out)
	}
	wantAdminRecords(t, s, 5) // upload, dry run, upload, activate, deactivate
}

func wantAdminRecords(t *testing.T, s *Server, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, out := doAs(t, s, auditorToken, http.MethodGet, "/v1/audit/checks?kind=admin", "")
		if len(records(out)) >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("admin actions on the audit trail: %v, want %d", out, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// ofac-csv comes as multipart/form-data, one part per file.
func TestListUploadMultipart(t *testing.T) {
	s, _ := newListServer(t, 64<<20)
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	dir := "../testdata/lists/ofac/sdn-2021/"
	for part, file := range map[string]string{"sdn": "sdn.csv", "alt": "alt.csv", "add": "add.csv", "comments": "sdn_comments.csv"} {
		fw, _ := w.CreateFormFile(part, file)
		fw.Write(mustRead(t, dir+file))
	}
	w.Close()
	status, out := sendAs(t, s, http.MethodPut, "/v1/lists/ofac-sdn?format=ofac-csv", w.FormDataContentType(), body.Bytes())
	if status != http.StatusCreated || out["entries"].(float64) < 8900 {
		t.Fatalf("multipart upload: %d %v", status, out)
	}
}

func TestFailedUploadsKeepActiveVersion(t *testing.T) {
	s, catalog := newListServer(t, 64<<20)
	un := mustRead(t, unFile)
	if status, out := sendAs(t, s, http.MethodPut, "/v1/lists/un-sc?format=un-xml", "application/xml", un); status != http.StatusCreated {
		t.Fatalf("upload: %d %v", status, out)
	}
	active := catalog.Active()[0].Version
	dup := `{"id":"a","subject":"person","names":[{"full":"A B"}]}` + "\n"
	for _, tc := range []struct {
		name, query, body string
		status            int
		msg               string
	}{
		{"malformed", "format=un-xml", "<CONSOLIDATED_LIST><INDIVIDUALS><INDIV", 400, "rejected"},
		{"truncated", "format=un-xml", string(un[:len(un)/2]), 400, "rejected"},
		{"empty", "format=un-xml", "", 400, "rejected"},
		{"wrong format", "format=ofac-csv", string(un), 400, "rejected"},
		{"unknown format", "format=pdf", string(un), 400, "not supported"},
		{"no format", "", string(un), 400, "format: missing"},
		{"duplicate ids", "format=crosscheck-jsonl", dup + dup, 400, "twice"},
		{"bad kind", "format=un-xml&kind=cars", string(un), 400, "kind"},
		{"bad policy", "format=un-xml&review=0.95&hit=0.9", string(un), 400, "policy"},
	} {
		status, out := sendAs(t, s, http.MethodPut, "/v1/lists/un-sc?"+tc.query, "application/octet-stream", []byte(tc.body))
		msg, _ := out["message"].(string)
		if status != tc.status || !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: got %d %v, want %d with %q", tc.name, status, out, tc.status, tc.msg)
		}
	}
	if got := catalog.Active()[0].Version; got != active {
		t.Fatalf("failed uploads changed the active version: %s, was %s", got, active)
	}
	if status, _ := sendAs(t, s, http.MethodPatch, "/v1/lists/un-sc?format=ftm", "application/x-ndjson", []byte("{")); status != 400 {
		t.Fatalf("malformed delta: %d", status)
	}
	if status, _ := doAs(t, s, adminToken, http.MethodPost, "/v1/lists/un-sc/activate?version=nope", ""); status != 404 {
		t.Fatalf("activate unknown version: %d", status)
	}
	if status, _ := doAs(t, s, checkerToken, http.MethodGet, "/v1/lists", ""); status != http.StatusForbidden {
		t.Fatalf("checker lists lists: %d", status)
	}
}

// The upload limit is per route: uploads take up to UploadBodyLimit,
// checks keep their own small limit. Both are refused from the
// Content-Length header after at most 8 KiB of the body (what fasthttp
// reads ahead when it streams bodies), so the test sends only the start
// of the body over a raw connection.
func TestUploadLimitIsPerRoute(t *testing.T) {
	s, _ := newListServer(t, 4<<20)
	addr := strings.TrimPrefix(listen(t, s), "http://")
	for _, tc := range []struct {
		method, path string
		length       int
		status       string
	}{
		{http.MethodPut, "/v1/lists/un-sc?format=un-xml", 8 << 20, "413"},
		{http.MethodPatch, "/v1/lists/un-sc?format=ftm", 8 << 20, "413"},
		{http.MethodPost, "/v1/check", 1 << 20, "413"},
	} {
		if got := answerStatus(t, addr, tc.method, tc.path, tc.length); got != tc.status {
			t.Errorf("%s %s with Content-Length %d: %s, want %s", tc.method, tc.path, tc.length, got, tc.status)
		}
	}
	req, _ := http.NewRequest(http.MethodPut, "http://"+addr+"/v1/lists/un-sc?format=un-xml", bytes.NewReader(mustRead(t, unFile)))
	req.Header.Set("Authorization", adminToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Errorf("upload of %d bytes under a 4 MiB limit: got %d", len(mustRead(t, unFile)), resp.StatusCode)
	}
}

// answerStatus sends a request line and headers announcing length bytes,
// then only the first 16 KiB of the body, and returns the status code of
// the answer: the server must refuse from the announced length, without
// waiting for the rest.
func answerStatus(t *testing.T, addr, method, path string, length int) string {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: x\r\nAuthorization: %s\r\nContent-Length: %d\r\n\r\n", method, path, adminToken, length)
	conn.Write(bytes.Repeat([]byte("x"), 16<<10))
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	fields := strings.Fields(line)
	if len(fields) < 2 {
		t.Fatalf("status line %q", line)
	}
	return fields[1]
}

func listen(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := netListen()
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = s.App.Listener(ln) }()
	t.Cleanup(func() { _ = s.App.ShutdownWithContext(context.Background()) })
	return "http://" + ln.Addr().String()
}

func netListen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }

func jsonDecode(r io.Reader, v any) error { return json.NewDecoder(r).Decode(v) }

type degraded bool

func (d degraded) Degraded() bool { return bool(d) }

// A replica that lost its list store stays ready: it answers checks from
// memory, and says it is degraded.
func TestReadyzDegraded(t *testing.T) {
	s := newTestServer(t, &fakeChecker{}, true)
	s.deps.Health = degraded(true)
	if status, out := do(t, s, http.MethodGet, "/readyz", ""); status != 200 || out["status"] != "degraded" {
		t.Fatalf("degraded: %d %v", status, out)
	}
	s.deps.Health = degraded(false)
	if status, out := do(t, s, http.MethodGet, "/readyz", ""); status != 200 || out["status"] != "ready" {
		t.Fatalf("healthy: %d %v", status, out)
	}
}

// PATCH with format=crosscheck-delta: a new version on top of the active
// one; a change that does not fit is a 400 naming the line. async=true
// runs it as a job.
func TestPatchCrosscheckDelta(t *testing.T) {
	s, catalog := newListServer(t, 64<<20)
	list := `{"id":"a","subject":"person","names":[{"full":"Anna A"}]}` + "\n" + `{"id":"b","subject":"person","names":[{"full":"Bruno B"}]}` + "\n"
	status, out := sendAs(t, s, http.MethodPut, "/v1/lists/nat?format=crosscheck-jsonl", "application/x-ndjson", []byte(list))
	if status != http.StatusCreated {
		t.Fatalf("upload: %d %v", status, out)
	}
	base := out["version"]
	delta := `{"op":"del","id":"b"}` + "\n" + `{"op":"add","entry":{"id":"c","subject":"person","names":[{"full":"Carla C"}]}}` + "\n"
	status, out = sendAs(t, s, http.MethodPatch, "/v1/lists/nat?format=crosscheck-delta", "application/x-ndjson", []byte(delta))
	if status != http.StatusCreated || out["base"] != base || out["entries"] != 2.0 {
		t.Fatalf("delta: %d %v", status, out)
	}
	next := out["version"]
	status, out = sendAs(t, s, http.MethodPatch, "/v1/lists/nat?format=crosscheck-delta", "application/x-ndjson", []byte(`{"op":"mod","entry":{"id":"a","subject":"person","names":[{"full":"X"}]}}`+"\n"+`{"op":"del","id":"b"}`))
	if msg, _ := out["message"].(string); status != http.StatusBadRequest || !strings.Contains(msg, `line 2: entry "b"`) {
		t.Fatalf("strict delta: %d %v", status, out)
	}
	if a := catalog.Active(); a[0].Version != next {
		t.Fatalf("refused delta changed the active version: %v", a)
	}
	req := httptest.NewRequest(http.MethodPatch, "/v1/lists/nat?format=crosscheck-delta&async=true", strings.NewReader(`{"op":"del","id":"c"}`))
	req.Header.Set("Authorization", adminToken)
	resp, err := s.App.Test(req, -1)
	if err != nil || resp.StatusCode != http.StatusAccepted {
		t.Fatalf("async delta: %v %v", resp, err)
	}
	resp.Body.Close()
	done := awaitJob(t, s, resp.Header.Get("Location"))
	if result, _ := done["result"].(map[string]any); done["state"] != "succeeded" || done["action"] != "delta" || result["base"] != next || result["entries"] != 1.0 {
		t.Fatalf("async delta job: %v", done)
	}
}

// A gzip-encoded upload is decoded while it streams; the version's hash
// is that of the list itself. Other encodings are refused by name.
func TestUploadContentEncoding(t *testing.T) {
	s, _ := newListServer(t, 64<<20)
	un := mustRead(t, unFile)
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write(un)
	zw.Close()
	for _, tc := range []struct {
		encoding string
		body     []byte
		status   int
		want     string
	}{
		{"gzip", zipped.Bytes(), http.StatusCreated, fmt.Sprintf("%x", sha256.Sum256(un))},
		{"gzip", un, http.StatusBadRequest, "does not start as gzip"},
		{"gzip", zipped.Bytes()[:zipped.Len()/2], http.StatusBadRequest, "could not be read"},
		{"br", un, http.StatusBadRequest, `Content-Encoding "br"`},
	} {
		req := httptest.NewRequest(http.MethodPut, "/v1/lists/un-sc?format=un-xml", bytes.NewReader(tc.body))
		req.Header.Set("Authorization", adminToken)
		req.Header.Set("Content-Encoding", tc.encoding)
		resp, err := s.App.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]any{}
		_ = jsonDecode(resp.Body, &out)
		resp.Body.Close()
		if got := fmt.Sprint(out["sha256"], out["message"]); resp.StatusCode != tc.status || !strings.Contains(got, tc.want) {
			t.Errorf("%s (%d bytes): %d %v, want %d with %q", tc.encoding, len(tc.body), resp.StatusCode, out, tc.status, tc.want)
		}
	}
}
