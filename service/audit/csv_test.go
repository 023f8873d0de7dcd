package audit

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestWriteCSV(t *testing.T) {
	r := Record{Time: time.Date(2026, 3, 1, 8, 0, 0, 5e6, time.UTC), CheckID: "c1", Kind: KindCheck, Token: "t",
		Role: "checker", Checkpoint: "FRA", Operator: "=HYPERLINK(\"x\")", Reference: "r, \"q\"", Decision: "hit",
		Hits: json.RawMessage(`[{"list_id":"un"},{"list_id":"eu"}]`), Lists: []ListRef{{ID: "un", Version: "v1"}, {ID: "eu", Version: "v2"}},
		Latency: 1500 * time.Microsecond}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, []Record{r}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 1 {
		t.Fatalf("rows %v, %v", rows, err)
	}
	want := []string{"2026-03-01T08:00:00.005Z", "c1", "check", "t", "checker", "FRA", "'=HYPERLINK(\"x\")", "r, \"q\"", "hit", "2", "un@v1;eu@v2", "1.500"}
	if strings.Join(rows[0], "|") != strings.Join(want, "|") {
		t.Errorf("row:\n got %q\nwant %q", rows[0], want)
	}
	if len(CSVHeader) != len(want) {
		t.Errorf("header has %d columns, rows %d", len(CSVHeader), len(want))
	}
}
