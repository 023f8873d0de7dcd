package loaders

import (
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/matcher"
)

// crosscheck-delta: crosscheck's own change file, one JSON object per
// line: {"op":"add","entry":{…}}, {"op":"mod","entry":{…}} or
// {"op":"del","id":"…"}, where an entry has the crosscheck-jsonl shape.
// Unlike an FtM delta it is strict: an add of a listed id, or a mod or
// del of an unlisted one, is refused by whoever applies it (the reader
// does not know the list), and the error names the line.

// CrosscheckDeltaFormat is the id of crosscheck's own delta format. Its
// changes are meant to be applied strictly (see FORMATS.md).
const CrosscheckDeltaFormat = deltaFormat

const deltaFormat = "crosscheck-delta"

// deltaLine is one line as written; Entry stays nil for a del.
type deltaLine struct {
	Op    string         `json:"op"`
	Entry *matcher.Entry `json:"entry"`
	ID    string         `json:"id"`
}

// deltaOps maps the format's lower-case ops to the shared Change ops.
var deltaOps = map[string]DeltaOp{"add": DeltaAdd, "mod": DeltaMod, "del": DeltaDel}

func readCrosscheckDelta(r io.Reader, emit func(Change) error) error {
	n := 0
	err := jsonLines(deltaFormat, r, func(line int, raw []byte) error {
		c, err := deltaChange(raw, line)
		if err != nil {
			return err
		}
		n++
		return locate(emit(c), line, "")
	})
	if err == nil && n == 0 {
		return &Error{Format: deltaFormat, Reason: "delta has no changes", Err: ErrNoEntries}
	}
	return err
}

// deltaChange decodes and checks one line. Unknown fields are errors, as
// in crosscheck-jsonl: a misspelt field would otherwise drop data.
func deltaChange(raw []byte, line int) (Change, error) {
	var d deltaLine
	if !utf8.Valid(raw) {
		return Change{}, &Error{Format: deltaFormat, Line: line, Column: invalidUTF8At(raw) + 1, Reason: "invalid UTF-8"}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return Change{}, jsonError(deltaFormat, line, err)
	}
	if dec.More() {
		return Change{}, &Error{Format: deltaFormat, Line: line, Column: int(dec.InputOffset()) + 1, Reason: "more than one JSON value on the line"}
	}
	op, ok := deltaOps[d.Op]
	if !ok {
		return Change{}, &Error{Format: deltaFormat, Line: line, Field: "op", Reason: "want add, mod or del, got " + quote(d.Op)}
	}
	if op == DeltaDel {
		return d.del(line)
	}
	return d.upsert(op, line)
}

// del is a removal: the id alone, so that nobody believes the entry sent
// along with it is checked against the listed one.
func (d *deltaLine) del(line int) (Change, error) {
	id := clean(d.ID)
	switch {
	case d.Entry != nil:
		return Change{}, &Error{Format: deltaFormat, Line: line, Record: id, Field: "entry", Reason: "a del carries only the id"}
	case id == "":
		return Change{}, &Error{Format: deltaFormat, Line: line, Field: "id", Reason: "missing"}
	}
	return Change{Op: DeltaDel, Entry: matcher.Entry{ID: id}}, nil
}

// upsert is an add or a mod: a whole entry, validated like one of a full
// crosscheck-jsonl file.
func (d *deltaLine) upsert(op DeltaOp, line int) (Change, error) {
	if d.Entry == nil {
		return Change{}, &Error{Format: deltaFormat, Line: line, Field: "entry", Reason: "missing; an add or mod carries the whole entry"}
	}
	e := *d.Entry
	normalizeEntry(&e)
	if d.ID != "" && clean(d.ID) != e.ID {
		return Change{}, &Error{Format: deltaFormat, Line: line, Record: e.ID, Field: "id", Reason: quote(d.ID) + " differs from entry.id; leave id out of an add or mod"}
	}
	if err := Validate(e); err != nil {
		return Change{}, &Error{Format: deltaFormat, Line: line, Record: e.ID, Reason: err.Error(), Err: ErrInvalidEntry}
	}
	return Change{Op: op, Entry: e}, nil
}
