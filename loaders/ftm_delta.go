package loaders

import (
	"io"

	"github.com/crosscheck/crosscheck/matcher"
)

// FtM delta files (entities.delta.json) are lines of
// {"op":"ADD"|"MOD"|"DEL","entity":{…}}; a DEL carries only the id. They
// let an administrator apply a day's changes without a full upload.

// DeltaOp is what a delta line does to the list.
type DeltaOp string

// Delta operations.
const (
	DeltaAdd DeltaOp = "ADD"
	DeltaMod DeltaOp = "MOD"
	DeltaDel DeltaOp = "DEL"
)

// Change is one delta line. For DeltaDel only Entry.ID is set.
type Change struct {
	Op    DeltaOp
	Entry matcher.Entry
}

type ftmDeltaLine struct {
	Op     DeltaOp   `json:"op"`
	Entity ftmEntity `json:"entity"`
}

// readFTMDelta streams an FtM delta file and calls emit once per
// change, in file order. ADD and MOD entries are validated like
// full-file entries. ADD/MOD of a detail entity (a flat Passport or
// Address line) cannot be applied on its own and is an error: send the
// changed person in nested form instead.
func readFTMDelta(r io.Reader, emit func(Change) error) error {
	n := 0
	err := jsonLines(ftmFormat, r, func(line int, raw []byte) error {
		var d ftmDeltaLine
		if err := decodeLine(ftmFormat, raw, line, &d); err != nil {
			return err
		}
		c, err := d.change(line)
		if err != nil {
			return err
		}
		n++
		return locate(emit(c), line, "")
	})
	if err == nil && n == 0 {
		return &Error{Format: ftmFormat, Reason: "delta has no changes", Err: ErrNoEntries}
	}
	return err
}

func (d *ftmDeltaLine) change(line int) (Change, error) {
	id := clean(d.Entity.ID)
	if id == "" {
		return Change{}, &Error{Format: ftmFormat, Line: line, Field: "entity.id", Reason: "missing"}
	}
	switch d.Op {
	case DeltaDel:
		return Change{Op: DeltaDel, Entry: matcher.Entry{ID: id}}, nil
	case DeltaAdd, DeltaMod:
	default:
		return Change{}, &Error{Format: ftmFormat, Line: line, Record: id, Field: "op", Reason: "want ADD, MOD or DEL, got " + quote(string(d.Op))}
	}
	subject, ok := ftmSubjects[d.Entity.Schema]
	if !ok {
		return Change{}, &Error{Format: ftmFormat, Line: line, Record: id, Field: "schema", Reason: quote(d.Entity.Schema) + " is not a person, organisation, vessel or aircraft"}
	}
	d.Entity.ID = id
	e := d.Entity.entry(subject)
	if err := Validate(e); err != nil {
		return Change{}, &Error{Format: ftmFormat, Line: line, Record: id, Reason: err.Error(), Err: ErrInvalidEntry}
	}
	return Change{Op: d.Op, Entry: e}, nil
}
