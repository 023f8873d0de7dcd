package service_test

import (
	"context"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/service"
)

// A dry run of a documents list validates the file and stores nothing; it
// does not pretend every record is new.
func TestStoredDocumentsDryRun(t *testing.T) {
	st, lists, _ := newDocsFixture(t, t.TempDir(), 10)
	if _, err := lists.Load(context.Background(), sltd(sltdFile)); err != nil {
		t.Fatal(err)
	}
	written := len(st.sets)
	d, err := lists.DryRun(context.Background(), sltd(sltdFile+"GBR,passport,123456789,stolen,\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Entries != 5 || len(d.Added)+len(d.Changed)+len(d.Removed) != 0 || len(d.Warnings) != 1 || d.Base == "" {
		t.Errorf("dry run: %+v", d)
	}
	if len(st.sets) != written {
		t.Errorf("dry run wrote records: %v", st.sets[written:])
	}
	tests := map[string]string{
		"bad country":   "issuing_country,type,number,status,reported_on\nXX,passport,1,stolen,\n",
		"truncated":     strings.TrimSuffix(sltdFile, "\n"),
		"no documents":  "issuing_country,type,number,status,reported_on\n",
		"wrong columns": "name,dob\nA,B\n",
	}
	for name, body := range tests {
		if _, err := lists.DryRun(context.Background(), sltd(body)); service.ErrorCode(err) != service.CodeInvalid {
			t.Errorf("%s: %v, want invalid", name, err)
		}
	}
}

// A delta cannot be applied to a documents list kept in the store: it has
// no in-memory entries to apply it to, so it is refused, not applied to
// nothing.
func TestStoredDocumentsRefuseDeltas(t *testing.T) {
	_, lists, checker := newDocsFixture(t, t.TempDir(), 10)
	if _, err := lists.Load(context.Background(), sltd(sltdFile)); err != nil {
		t.Fatal(err)
	}
	delta := `{"op":"del","id":"ITA:passport:YA1234567"}` + "\n"
	_, err := lists.ApplyDelta(context.Background(), service.Delta{ListID: "sltd", Format: "crosscheck-delta", Body: strings.NewReader(delta)})
	if service.ErrorCode(err) != service.CodeInvalid || !strings.Contains(err.Error(), "upload the whole documents file") {
		t.Fatalf("delta on a documents list: %v", err)
	}
	if r := checkDoc(t, checker, "YA1234567", "ITA"); r.Decision != "hit" {
		t.Errorf("after the refused delta: %s", r.Decision)
	}
}
