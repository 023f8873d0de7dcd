package audit

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"
)

// Export formats.
const (
	FormatJSONLines = "jsonl"
	FormatCSV       = "csv"
)

// Export writes every record that matches f to w, page by page, in the
// format (FormatJSONLines or FormatCSV), and returns how many it wrote.
func (l *Log) Export(ctx context.Context, w io.Writer, format string, f Filter) (int, error) {
	write := WriteJSONLines
	if format == FormatCSV {
		if err := writeCSVHeader(w); err != nil {
			return 0, err
		}
		write = WriteCSV
	}
	n, cursor := 0, ""
	for {
		recs, next, err := l.Query(ctx, f, cursor, MaxLimit)
		if err != nil {
			return n, err
		}
		if err := write(w, recs); err != nil {
			return n, err
		}
		n += len(recs)
		if next == "" {
			return n, nil
		}
		cursor = next
	}
}

// WriteJSONLines writes one record per line, as stored (MAC included, so
// an exported record can be checked on its own).
func WriteJSONLines(w io.Writer, recs []Record) error {
	enc := json.NewEncoder(w)
	for i := range recs {
		if err := enc.Encode(&recs[i]); err != nil {
			return err
		}
	}
	return nil
}

// CSVHeader is the column list of WriteCSV.
var CSVHeader = []string{"time", "check_id", "kind", "token", "role", "checkpoint", "operator", "reference", "decision", "hits", "lists", "latency_ms"}

func writeCSVHeader(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader)
	cw.Flush()
	return cw.Error()
}

// WriteCSV writes one row per record, without the header (see CSVHeader),
// so that pages can be appended. Lists are "id@version" joined by ';'.
func WriteCSV(w io.Writer, recs []Record) error {
	cw := csv.NewWriter(w)
	for i := range recs {
		cw.Write(csvRow(&recs[i]))
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(r *Record) []string {
	lists := make([]string, len(r.Lists))
	for i, l := range r.Lists {
		lists[i] = l.ID + "@" + l.Version
	}
	row := []string{
		r.Time.UTC().Format(time.RFC3339Nano), r.CheckID, string(r.Kind), r.Token, r.Role,
		r.Checkpoint, r.Operator, r.Reference, r.Decision, strconv.Itoa(len(hitRefs(r.Hits))),
		strings.Join(lists, ";"), strconv.FormatFloat(float64(r.Latency)/float64(time.Millisecond), 'f', 3, 64),
	}
	for i := range row {
		row[i] = defuse(row[i])
	}
	return row
}

// defuse keeps a client-chosen value (operator, reference) from being
// run as a formula when an auditor opens the file in a spreadsheet.
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
