package loaders

import (
	"errors"
	"fmt"
	"strings"
)

// Error is a problem with a list file: which format, where (line and
// column for text formats, the element path for XML), which entry and
// field, and why. Err, when set, is a sentinel (ErrNoEntries...) or the
// underlying cause, and errors.Is/As see through it.
type Error struct {
	Format string // format id, e.g. "un-xml"
	Part   string // file part for multi-file formats, e.g. "alt"
	Line   int    // 1-based; 0 when unknown
	Column int    // 1-based; 0 when unknown
	Path   string // XML element path, e.g. "CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL"
	Record string // entry id when known
	Field  string // column or element name
	Reason string
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Format)
	if e.Part != "" && e.Part != filePart {
		fmt.Fprintf(&b, " (%s)", e.Part)
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, ": line %d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ", column %d", e.Column)
		}
	}
	if e.Path != "" {
		fmt.Fprintf(&b, ": <%s>", e.Path)
	}
	if e.Record != "" {
		fmt.Fprintf(&b, ": entry %q", e.Record)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, ": field %s", e.Field)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	if e.Err != nil && !isSentinel(e.Err) {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// isSentinel reports whether err is one of the package's sentinels, whose
// text would only repeat the Reason.
func isSentinel(err error) bool {
	return err == ErrUnknownFormat || err == ErrNoEntries || err == ErrDuplicateID || err == ErrInvalidEntry
}

// locate fills in the position of an *Error raised without one (the
// shared checks in run do not know where the reader is). Other errors,
// such as the caller's own from emit, pass through untouched.
func locate(err error, line int, path string) error {
	var le *Error
	if errors.As(err, &le) && le.Line == 0 && le.Path == "" {
		le.Line, le.Path = line, path
	}
	return err
}

// fieldError is a record-level problem found while building an entry; the
// reader that knows the position wraps it in an *Error.
type fieldError struct{ field, reason string }

func (e fieldError) Error() string { return e.field + ": " + e.reason }

// recordError places a problem with one record: a fieldError names its
// field, anything else is the reason as is.
func recordError(format string, line int, path, id string, err error) *Error {
	e := &Error{Format: format, Line: line, Path: path, Record: id, Reason: err.Error()}
	var fe fieldError
	if errors.As(err, &fe) {
		e.Field, e.Reason = fe.field, fe.reason
	}
	return e
}
