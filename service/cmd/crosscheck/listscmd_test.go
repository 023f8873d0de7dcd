package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/service/storage/boltstore"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

func TestListsImport(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "sltd.csv")
	data := "issuing_country,type,number,status,reported_on\nDEU,passport,C01X00T47,stolen,2024-03-01\nFRA,national_id,X1234567,lost,\n"
	if err := os.WriteFile(file, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	env := func(k string) string { return map[string]string{"CROSSCHECK_AUDIT_KEY": testAuditKey}[k] }
	for _, tc := range []struct {
		name string
		args []string
		want string // in the error; "" for success
	}{
		{"imports", []string{"import", "--data-dir", dir, "--list", "sltd", "--format", "documents-csv", file}, ""},
		{"no file", []string{"import", "--data-dir", dir, "--list", "sltd", "--format", "documents-csv"}, "want --list, --format and one FILE"},
		{"missing file", []string{"import", "--data-dir", dir, "--list", "sltd", "--format", "documents-csv", file + ".gone"}, "no such file"},
		{"wrong format", []string{"import", "--data-dir", dir, "--list", "x", "--format", "un-xml", file}, "list file rejected"},
		{"no subcommand", nil, "usage"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			err := run(context.Background(), append([]string{"lists"}, tc.args...), env, &out, &errs)
			if tc.want == "" && (err != nil || !strings.Contains(out.String(), `"entries": 2`)) {
				t.Fatalf("err %v, output %s", err, out.String())
			}
			if tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Fatalf("got %v, want an error with %q", err, tc.want)
			}
		})
	}
	// Two imports reached the store, one good, one rejected: both are on the trail.
	var report bytes.Buffer
	if err := run(context.Background(), []string{"audit", "verify", "--data-dir", dir}, env, &report, io.Discard); err != nil || !strings.Contains(report.String(), `"records": 2`) {
		t.Fatalf("audit verify after the imports: %v\n%q", err, report.String())
	}
	st, err := boltstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	active, err := st.Active(context.Background())
	if err != nil || len(active) != 1 || active[0].ListID != "sltd" || active[0].Kind != "documents" || active[0].Entries != 2 {
		t.Fatalf("active after import: %+v, %v", active, err)
	}
}

// testAuditKey is the audit key the import tests share with their replicas.
const testAuditKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

// An import with no audit key refuses to run rather than make one up.
func TestListsImportNeedsAuditKey(t *testing.T) {
	dir := t.TempDir()
	err := run(context.Background(), []string{"lists", "import", "--data-dir", dir, "--list", "x", "--format", "documents-csv", "/dev/null"},
		func(string) string { return "" }, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "no audit key") {
		t.Fatalf("got %v, want a refusal naming the audit key", err)
	}
}

// A documents list imported through the CLI into a shared Redis is served
// by both replicas (they load its filter and confirm in Redis); while
// Redis is away a listed document gets review with a warning, never
// clear, and an unlisted one (the filter says no) is still clear.
func TestDocumentsListOnRedisEndToEnd(t *testing.T) {
	srv := redistest.StartServer(t)
	env := map[string]string{
		"CROSSCHECK_REDIS_URL": srv.URL(),
		"CROSSCHECK_TOKENS":    "checker:gate:" + outageChecker + ",admin:ops:" + outageAdmin,
		"CROSSCHECK_AUDIT_KEY": testAuditKey,
	}
	a := startReplica(t, t.TempDir(), "a", env)
	b := startReplica(t, t.TempDir(), "b", env)
	file := filepath.Join(t.TempDir(), "sltd.csv")
	data := "issuing_country,type,number,status,reported_on\nDEU,passport,C01X00T47,stolen,2024-03-01\nFRA,national_id,X1234567,lost,\n"
	if err := os.WriteFile(file, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	args := []string{"lists", "import", "--data-dir", t.TempDir(), "--list", "sltd", "--format", "documents-csv", file}
	if err := run(context.Background(), args, func(k string) string { return env[k] }, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	var loaded struct{ Version string }
	if err := json.Unmarshal(out.Bytes(), &loaded); err != nil {
		t.Fatal(err)
	}
	listed := `{"traveller":{"documents":[{"number":"C01X 00T47","issuing_country":"DEU"}]}}`
	unlisted := `{"traveller":{"documents":[{"number":"ZZ9999999","issuing_country":"DEU"}]}}`
	for _, r := range []*runningService{a, b} {
		waitServing(t, r.base, outageAdmin, "sltd", loaded.Version)
		if _, ans := postCheck(t, r.base, outageChecker, listed); ans.Decision != "hit" || ans.Hits[0].EntryID != "DEU:passport:C01X00T47" {
			t.Errorf("listed document: %+v", ans)
		}
	}
	srv.Stop()
	if ans := postDocumentCheck(t, a.base, listed); ans.Decision != "review" || len(ans.Warnings) != 1 {
		t.Errorf("listed document while Redis is away: %+v, want review with a warning", ans)
	}
	if ans := postDocumentCheck(t, a.base, unlisted); ans.Decision != "clear" || len(ans.Warnings) != 0 {
		t.Errorf("unlisted document while Redis is away: %+v, want clear", ans)
	}
}

func postDocumentCheck(t *testing.T, base, body string) checkAnswer {
	t.Helper()
	status, a := postCheck(t, base, outageChecker, body)
	if status != http.StatusOK {
		t.Fatalf("check: %d", status)
	}
	return a
}
