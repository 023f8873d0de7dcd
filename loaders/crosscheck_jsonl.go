package loaders

import (
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/matcher"
)

// crosscheck-jsonl: one matcher.Entry per line, in the JSON form of the
// canonical record (formats.md §8). It is the lossless format: what
// crosscheck exports, it reads back. Text is normalised on the way in
// (NFC, whitespace), scripts are detected when not given, and a date of
// birth given only as "raw" is parsed.

const jsonlFormat = "crosscheck-jsonl"

func readCrosscheckJSONL(parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	return jsonLines(jsonlFormat, parts[filePart], func(line int, raw []byte) error {
		e, err := jsonlEntry(raw, line)
		if err != nil {
			return err
		}
		return locate(emit(e), line, "")
	})
}

func jsonlEntry(b []byte, line int) (matcher.Entry, error) {
	var e matcher.Entry
	if !utf8.Valid(b) {
		return e, &Error{Format: jsonlFormat, Line: line, Column: invalidUTF8At(b) + 1, Reason: "invalid UTF-8"}
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(&e); err != nil {
		return e, jsonError(jsonlFormat, line, err)
	}
	if d.More() {
		return e, &Error{Format: jsonlFormat, Line: line, Column: int(d.InputOffset()) + 1, Reason: "more than one JSON value on the line"}
	}
	normalizeEntry(&e)
	return e, nil
}

// normalizeEntry applies the loaders' text rules to an entry written by
// someone else: clean text, detected scripts, parsed raw dates.
func normalizeEntry(e *matcher.Entry) {
	e.ID = clean(e.ID)
	for i := range e.Names {
		n := &e.Names[i]
		n.Full = clean(n.Full)
		if n.Script == "" {
			n.Script = detectScript(n.Full)
		}
		if n.Kind == "" {
			n.Kind = matcher.NameAlias
			if i == 0 {
				n.Kind = matcher.NamePrimary
			}
		}
	}
	for i, d := range e.BirthDates {
		if d.From == "" && d.Raw != "" {
			if bd, ok := textDate(d.Raw); ok {
				e.BirthDates[i] = bd
			}
		}
	}
	for i := range e.Documents {
		e.Documents[i].Number = clean(e.Documents[i].Number)
	}
}
