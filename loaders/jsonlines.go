package loaders

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"unicode/utf8"
)

// Helpers for the line-delimited JSON formats (crosscheck-jsonl, ftm,
// senzing).

// maxJSONLine bounds one record; a longer line is not a record but a
// broken or hostile upload.
const maxJSONLine = 4 << 20

// jsonLines calls fn for every non-blank line, with its 1-based number.
func jsonLines(format string, r io.Reader, fn func(line int, raw []byte) error) error {
	sc := bufio.NewScanner(skipBOM(r))
	sc.Buffer(make([]byte, 64<<10), maxJSONLine)
	line := 0
	for sc.Scan() {
		line++
		if b := bytes.TrimSpace(sc.Bytes()); len(b) > 0 {
			if err := fn(line, b); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		reason := "read failed"
		if errors.Is(err, bufio.ErrTooLong) {
			reason = "line longer than 4 MiB"
		}
		return &Error{Format: format, Line: line + 1, Reason: reason, Err: err}
	}
	return nil
}

// decodeLine decodes one JSON line into v and reports bad UTF-8 and JSON
// errors with their column.
func decodeLine(format string, raw []byte, line int, v any) error {
	if !utf8.Valid(raw) {
		return &Error{Format: format, Line: line, Column: invalidUTF8At(raw) + 1, Reason: "invalid UTF-8"}
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return jsonError(format, line, err)
	}
	return nil
}

// jsonError places a JSON decoding error on its line and column.
func jsonError(format string, line int, err error) *Error {
	e := &Error{Format: format, Line: line, Reason: "not a " + format + " JSON record", Err: err}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		e.Column = int(se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		e.Field, e.Column = te.Field, int(te.Offset)
	}
	return e
}

// invalidUTF8At returns the byte offset of the first invalid UTF-8
// sequence in b (call it only when b is invalid).
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
