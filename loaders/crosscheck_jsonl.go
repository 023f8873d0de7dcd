package loaders

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
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

// maxJSONLine bounds one entry; a line longer than this is not an entry
// but a broken or hostile upload.
const maxJSONLine = 4 << 20

func readCrosscheckJSONL(parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	sc := bufio.NewScanner(skipBOM(parts[filePart]))
	sc.Buffer(make([]byte, 64<<10), maxJSONLine)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		e, err := jsonlEntry(b, line)
		if err != nil {
			return err
		}
		if err := emit(e); err != nil {
			return locate(err, line, "")
		}
	}
	if err := sc.Err(); err != nil {
		reason := "read failed"
		if errors.Is(err, bufio.ErrTooLong) {
			reason = "line longer than 4 MiB"
		}
		return &Error{Format: jsonlFormat, Line: line + 1, Reason: reason, Err: err}
	}
	return nil
}

func jsonlEntry(b []byte, line int) (matcher.Entry, error) {
	var e matcher.Entry
	if !utf8.Valid(b) {
		return e, &Error{Format: jsonlFormat, Line: line, Column: invalidUTF8At(b) + 1, Reason: "invalid UTF-8"}
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(&e); err != nil {
		le := &Error{Format: jsonlFormat, Line: line, Reason: "not a JSON entry", Err: err}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			le.Column = int(se.Offset)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			le.Field, le.Column = te.Field, int(te.Offset)
		}
		return e, le
	}
	if d.More() {
		return e, &Error{Format: jsonlFormat, Line: line, Column: int(d.InputOffset()) + 1, Reason: "more than one JSON value on the line"}
	}
	normalizeEntry(&e)
	return e, nil
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
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
