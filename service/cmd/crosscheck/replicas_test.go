package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// converge is the generous bound of the convergence assertions; the
// measured time is logged.
const converge = 20 * time.Second

// startReplica runs run() as one replica on a shared Redis.
func startReplica(t *testing.T, dataDir, id string, env map[string]string) *runningService {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncBuffer{}
	done := make(chan error, 1)
	args := []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", dataDir, "--replica-id", id}
	go func() { done <- run(ctx, args, func(k string) string { return env[k] }, io.Discard, log) }()
	s := &runningService{log: log, dataDir: dataDir, stop: func() error { cancel(); return <-done }}
	t.Cleanup(func() { cancel() })
	s.base = "http://" + waitForLog(t, log, "listening", "addr")
	waitReady(t, s.base)
	return s
}

// adminCall makes an admin request and decodes the JSON answer into v.
func adminCall(t *testing.T, method, url, token, contentType string, body []byte, v any) int {
	t.Helper()
	req, _ := http.NewRequest(method, url, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if v != nil {
		_ = json.NewDecoder(resp.Body).Decode(v)
	}
	return resp.StatusCode
}

// ofacForm is the OFAC SDN list of 2021 (about 9k entries) as the
// multipart upload of its four files.
func ofacForm(t *testing.T) (string, []byte) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	dir := "../../../testdata/lists/ofac/sdn-2021/"
	for part, file := range map[string]string{"sdn": "sdn.csv", "alt": "alt.csv", "add": "add.csv", "comments": "sdn_comments.csv"} {
		data, err := os.ReadFile(dir + file)
		if err != nil {
			t.Fatal(err)
		}
		fw, _ := w.CreateFormFile(part, file)
		fw.Write(data)
	}
	w.Close()
	return w.FormDataContentType(), body.Bytes()
}

type listDetail struct {
	Active, Serving string
	Versions        []struct{ Version string }
}

// waitServing polls a replica until it serves version of the list.
func waitServing(t *testing.T, base, token, listID, version string) time.Duration {
	t.Helper()
	start := time.Now()
	for time.Since(start) < converge {
		var d listDetail
		if adminCall(t, http.MethodGet, base+"/v1/lists/"+listID, token, "", nil, &d) == http.StatusOK && d.Serving == version {
			return time.Since(start)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%s does not serve %s %s within %s", base, listID, version, converge)
	return 0
}

// uploadOFAC uploads the OFAC list through one replica and returns its
// version.
func uploadOFAC(t *testing.T, base, token string) string {
	t.Helper()
	ct, body := ofacForm(t)
	var out struct{ Version string }
	if status := adminCall(t, http.MethodPut, base+"/v1/lists/ofac-sdn?format=ofac-csv", token, ct, body, &out); status != http.StatusCreated {
		t.Fatalf("upload: %d", status)
	}
	return out.Version
}

// Two replicas on one fresh Redis: the store is seeded once, an upload
// through one is served by the other, and a restarted replica serves the
// active versions from Redis.
func TestReplicasFollowOneRedis(t *testing.T) {
	env := map[string]string{"CROSSCHECK_REDIS_URL": redistest.Start(t)}
	dirs := []string{t.TempDir(), t.TempDir()}
	reps := make([]*runningService, 2)
	var wg sync.WaitGroup
	for i := range reps {
		wg.Go(func() { reps[i] = startReplica(t, dirs[i], []string{"a", "b"}[i], env) })
	}
	wg.Wait()
	admin := bootstrapAdmin(t, dirs)
	var un listDetail
	adminCall(t, http.MethodGet, reps[1].base+"/v1/lists/un-sc", admin, "", nil, &un)
	if len(un.Versions) != 1 || un.Serving != un.Active {
		t.Fatalf("seeded un-sc on a fresh shared Redis: %+v, want one version, served", un)
	}

	start := time.Now()
	version := uploadOFAC(t, reps[0].base, admin)
	uploaded := time.Since(start)
	followed := waitServing(t, reps[1].base, admin, "ofac-sdn", version)
	t.Logf("OFAC SDN (multipart, ~9k entries): upload answered in %s; served by the other replica %s after the answer, %s after the upload began",
		uploaded.Round(time.Millisecond), followed.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))

	if err := reps[1].stop(); err != nil {
		t.Fatal(err)
	}
	again := startReplica(t, dirs[1], "b", env)
	waitServing(t, again.base, admin, "ofac-sdn", version)
	if strings.Contains(again.log.String(), "seeded") {
		t.Fatal("a restarted replica seeded again")
	}
}

// bootstrapAdmin reads the admin token from whichever replica wrote the
// bootstrap file: on a shared store only the first one does.
func bootstrapAdmin(t *testing.T, dirs []string) string {
	t.Helper()
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "bootstrap-tokens.json")); err == nil {
			return bootstrapToken(t, d, "admin")
		}
	}
	t.Fatal("no replica wrote bootstrap tokens")
	return ""
}
