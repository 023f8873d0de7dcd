// Package loaders turns alert-list files (UN, OFAC, EU, UK, FollowTheMoney,
// Senzing and crosscheck's own formats) into matcher.Entry values.
//
// Every format is read as a stream: one entry is parsed, validated and
// handed to emit before the next one is read, so a 100 MB list never sits
// in memory as a whole. A loader never drops a field it understands:
// original-script names, every date of birth, every document and every
// nationality reach the entry, with the raw source text kept beside each
// parsed value. Errors say which format, where (line, column or XML
// element path), which field and why, so an administrator can fix an
// upload without reading Go.
package loaders

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// Sentinel errors, usable with errors.Is on anything this package returns.
var (
	ErrUnknownFormat = errors.New("unknown list format")
	ErrNoEntries     = errors.New("file yields no entries")
	ErrDuplicateID   = errors.New("duplicate entry id")
	ErrInvalidEntry  = errors.New("invalid entry")
)

// filePart is the part name single-file formats accept in ReadParts.
const filePart = "file"

// reader parses the parts of one format and calls emit per entry. Parts
// missing from the map are nil; the reader decides which are required.
type reader func(parts map[string]io.Reader, emit func(matcher.Entry) error) error

// format describes one supported list format.
type format struct {
	read  reader
	main  string   // the part Read's single reader stands for
	parts []string // every part name the format accepts
}

// registry is the fixed table of formats. It is built once and never
// changed, so it is safe to read from any goroutine.
var registry = map[string]format{
	"un-xml":           {read: readUN, main: filePart, parts: []string{filePart}},
	"ofac-csv":         {read: readOFACCSV, main: "sdn", parts: []string{"sdn", "alt", "add", "comments"}},
	"crosscheck-csv":   {read: readCrosscheckCSV, main: filePart, parts: []string{filePart}},
	"crosscheck-jsonl": {read: readCrosscheckJSONL, main: filePart, parts: []string{filePart}},
	"documents-csv":    {read: readDocumentsCSV, main: filePart, parts: []string{filePart}},
	"ofac-xml":         {read: readOFACXML, main: filePart, parts: []string{filePart}},
	"eu-xml":           {read: readEUXML, main: filePart, parts: []string{filePart}},
	"uk-fcdo-xml":      {read: readFCDOXML, main: filePart, parts: []string{filePart}},
	"uk-ofsi-csv":      {read: readOFSICSV, main: filePart, parts: []string{filePart}},
	"ftm":              {read: readFTM, main: filePart, parts: []string{filePart}},
	"senzing":          {read: readSenzing, main: filePart, parts: []string{filePart}},
}

// deltaRegistry is the fixed table of delta formats: change files applied
// to a list's active version. Like registry, it is never changed.
var deltaRegistry = map[string]func(io.Reader, func(Change) error) error{
	ftmFormat:   readFTMDelta,
	deltaFormat: readCrosscheckDelta,
}

// DeltaFormats lists the supported delta format ids, sorted.
func DeltaFormats() []string {
	ids := make([]string, 0, len(deltaRegistry))
	for id := range deltaRegistry {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// ReadDelta streams a delta file of the given format (see DeltaFormats)
// and calls emit once per change, in file order. ADD and MOD entries are
// validated like full-file entries; a file without a change is an error.
func ReadDelta(format string, r io.Reader, emit func(Change) error) error {
	read, ok := deltaRegistry[format]
	if !ok {
		return &Error{Format: format, Reason: "no delta format; deltas exist for " + strings.Join(DeltaFormats(), ", "), Err: ErrUnknownFormat}
	}
	return read(r, emit)
}

// Formats lists the supported format ids, sorted.
func Formats() []string {
	ids := make([]string, 0, len(registry))
	for id := range registry {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Read parses one list file of the given format and calls emit once per
// entry, in file order. For multi-file formats r is the main part (for
// ofac-csv, sdn.csv alone).
func Read(format string, r io.Reader, emit func(matcher.Entry) error) error {
	f, ok := registry[format]
	if !ok {
		return &Error{Format: format, Reason: "not one of " + fmt.Sprint(Formats()), Err: ErrUnknownFormat}
	}
	return run(format, f, map[string]io.Reader{f.main: r}, emit)
}

// ReadParts parses a multi-file format (ofac-csv: parts "sdn", "alt",
// "add", "comments"). Single-file formats accept one part named "file".
func ReadParts(format string, parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	f, ok := registry[format]
	if !ok {
		return &Error{Format: format, Reason: "not one of " + fmt.Sprint(Formats()), Err: ErrUnknownFormat}
	}
	named := make(map[string]io.Reader, len(parts))
	for name, r := range parts {
		if name == filePart && f.main != filePart {
			name = f.main
		}
		if !slices.Contains(f.parts, name) {
			return &Error{Format: format, Part: name, Reason: fmt.Sprintf("unknown part; want one of %v", f.parts)}
		}
		named[name] = r
	}
	if named[f.main] == nil {
		return &Error{Format: format, Part: f.main, Reason: "required part missing"}
	}
	return run(format, f, named, emit)
}

// run wraps emit with the checks every format shares: each entry must
// validate, ids must be unique, and at least one entry must come out. An
// empty or half-parsed upload must never replace a good list.
func run(id string, f format, parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	seen := make(map[string]struct{}, 1<<12)
	check := func(e matcher.Entry) error {
		if err := Validate(e); err != nil {
			return &Error{Format: id, Record: e.ID, Reason: err.Error(), Err: ErrInvalidEntry}
		}
		if _, dup := seen[e.ID]; dup {
			return &Error{Format: id, Record: e.ID, Reason: "id appears twice", Err: ErrDuplicateID}
		}
		seen[e.ID] = struct{}{}
		return emit(e)
	}
	if err := f.read(parts, check); err != nil {
		return err
	}
	if len(seen) == 0 {
		return &Error{Format: id, Reason: "no entries found", Err: ErrNoEntries}
	}
	return nil
}
