package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/service/storage/boltstore"
)

func TestListsImport(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "sltd.csv")
	data := "issuing_country,type,number,status,reported_on\nDEU,passport,C01X00T47,stolen,2024-03-01\nFRA,national_id,X1234567,lost,\n"
	if err := os.WriteFile(file, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	noEnv := func(string) string { return "" }
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
			err := run(context.Background(), append([]string{"lists"}, tc.args...), noEnv, &out, &errs)
			if tc.want == "" && (err != nil || !strings.Contains(out.String(), `"entries": 2`)) {
				t.Fatalf("err %v, output %s", err, out.String())
			}
			if tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Fatalf("got %v, want an error with %q", err, tc.want)
			}
		})
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
