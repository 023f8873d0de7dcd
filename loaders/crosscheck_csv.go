package loaders

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// crosscheck-csv: crosscheck's own list format for national lists typed
// up by administrators (spreadsheet exports). A header row names the
// columns in any order; id and name are required. Multi-valued cells use
// "|". See FORMATS.md for the column reference.

const ccsvFormat = "crosscheck-csv"

// header maps column names to their index and reports required ones
// missing, with the line of the header.
type header map[string]int

func readHeader(format string, w row, known, required []string) (header, error) {
	h := header{}
	for i, f := range w.fields {
		name := strings.ToLower(clean(f))
		if _, dup := h[name]; dup && name != "" {
			return nil, w.errorAt(format, "", i, name, "column appears twice")
		}
		h[name] = i
	}
	for _, r := range required {
		if _, ok := h[r]; !ok {
			return nil, w.errorAt(format, "", -1, r, fmt.Sprintf("required column missing (header must name the columns, e.g. %s)", strings.Join(known, ",")))
		}
	}
	return h, nil
}

// indexes returns the position of each named column, -1 when absent.
func (h header) indexes(names []string) []int {
	idx := make([]int, len(names))
	for i, n := range names {
		idx[i] = -1
		if j, ok := h[n]; ok {
			idx[i] = j
		}
	}
	return idx
}

// cell returns the cleaned value of a named column, "" when absent.
func (h header) cell(w row, name string) string {
	if i, ok := h[name]; ok {
		return w.get(i)
	}
	return ""
}

// Column positions in ccsvColumns; a row's cells are looked up through a
// slice built once from the header, not a map, because this is the
// format of the largest national lists.
const (
	ccID = iota
	ccSubject
	ccName
	ccAliases
	ccWeakAliases
	ccBirthDates
	ccNationalities
	ccGender
	ccDocuments
	ccPrograms
	ccTravelBan
	ccAssetFreeze
	ccListedOn
	ccRemarks
)

var ccsvColumns = []string{
	"id", "subject", "name", "aliases", "weak_aliases", "birth_dates", "nationalities", "gender",
	"documents", "programs", "travel_ban", "asset_freeze", "listed_on", "remarks",
}

func readCrosscheckCSV(parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	var h header
	var idx []int
	return csvRows(ccsvFormat, "", parts[filePart], ',', func(w row) error {
		if h == nil {
			var err error
			h, err = readHeader(ccsvFormat, w, ccsvColumns, []string{"id", "name"})
			idx = h.indexes(ccsvColumns)
			return err
		}
		e, err := ccsvEntry(h, idx, w)
		if err != nil {
			return err
		}
		return locate(emit(e), w.line, "")
	})
}

// ccsvRow is one data row with its header, for reading cells by column.
type ccsvRow struct {
	h   header
	idx []int
	w   row
}

func (r ccsvRow) c(col int) string {
	if r.idx[col] < 0 {
		return ""
	}
	return r.w.get(r.idx[col])
}

// fail reports a bad cell with its line and column.
func (r ccsvRow) fail(col, reason string) error {
	return r.w.errorAt(ccsvFormat, "", r.h[col], col, reason)
}

// ccsvEntry builds one entry; a bad cell is an error with its position.
// run validates the result, and locate places any problem on its line.
func ccsvEntry(h header, idx []int, w row) (matcher.Entry, error) {
	r := ccsvRow{h: h, idx: idx, w: w}
	e := matcher.Entry{ID: r.c(ccID), Subject: matcher.SubjectPerson, Remarks: r.c(ccRemarks)}
	if s := r.c(ccSubject); s != "" {
		e.Subject = matcher.SubjectType(strings.ToLower(s))
	}
	if name := r.c(ccName); name != "" {
		e.Names = append(e.Names, matcher.Name{Full: name, Script: detectScript(name), Kind: matcher.NamePrimary, Quality: matcher.QualityStrong})
	}
	addNames(&e, r.c(ccAliases), matcher.QualityStrong)
	addNames(&e, r.c(ccWeakAliases), matcher.QualityWeak)
	for n := range splitBar(r.c(ccNationalities)) {
		e.Nationalities = append(e.Nationalities, countries(n)...)
	}
	for p := range splitBar(r.c(ccPrograms)) {
		e.Programs = append(e.Programs, p)
	}
	if err := r.person(&e); err != nil {
		return e, err
	}
	return e, r.listing(&e)
}

// person reads the cells that must parse: dates of birth, gender and
// documents.
func (r ccsvRow) person(e *matcher.Entry) error {
	for d := range splitBar(r.c(ccBirthDates)) {
		bd, ok := textDate(d)
		if !ok {
			return r.fail("birth_dates", fmt.Sprintf("%q is not a date (want YYYY, YYYY-MM, YYYY-MM-DD or YYYY to YYYY)", d))
		}
		e.BirthDates = append(e.BirthDates, bd)
	}
	if e.Gender = strings.ToUpper(r.c(ccGender)); e.Gender != "" && e.Gender != "M" && e.Gender != "F" {
		return r.fail("gender", "want M, F or empty")
	}
	for d := range splitBar(r.c(ccDocuments)) {
		doc, err := parseDocSpec(d)
		if err != nil {
			return r.fail("documents", err.Error())
		}
		e.Documents = append(e.Documents, doc)
	}
	return nil
}

// listing reads the measures and the listing date.
func (r ccsvRow) listing(e *matcher.Entry) error {
	var err error
	if e.Measures.TravelBan, err = parseBool(r.c(ccTravelBan)); err != nil {
		return r.fail("travel_ban", err.Error())
	}
	if e.Measures.AssetFreeze, err = parseBool(r.c(ccAssetFreeze)); err != nil {
		return r.fail("asset_freeze", err.Error())
	}
	if s := r.c(ccListedOn); s != "" {
		if e.ListedOn, _ = isoDate(s); e.ListedOn == "" || len(s) != 10 {
			return r.fail("listed_on", "want YYYY-MM-DD")
		}
	}
	return nil
}

func addNames(e *matcher.Entry, cell string, q matcher.Quality) {
	for n := range splitBar(cell) {
		e.Names = append(e.Names, matcher.Name{Full: n, Script: detectScript(n), Kind: matcher.NameAlias, Quality: q})
	}
}

// splitBar yields the non-empty cleaned values of a "|"-separated cell.
func splitBar(cell string) func(func(string) bool) {
	return func(yield func(string) bool) {
		if cell == "" {
			return
		}
		for v := range strings.SplitSeq(cell, "|") {
			if v = clean(v); v != "" && !yield(v) {
				return
			}
		}
	}
}

// parseDocSpec reads "type:country:number"; the number comes last so it
// may itself hold a colon.
func parseDocSpec(s string) (matcher.Document, error) {
	f := strings.SplitN(s, ":", 3)
	if len(f) != 3 || matcher.NormalizeDocumentNumber(f[2]) == "" {
		return matcher.Document{}, fmt.Errorf("%q: want type:country:number, e.g. passport:DEU:C01X00T47", s)
	}
	d := matcher.Document{Type: docType(f[0]), TypeRaw: clean(f[0]), Number: clean(f[2]), Country: countryCode(clean(f[1]))}
	if d.Country == "" && clean(f[1]) != "" {
		return d, fmt.Errorf("%q: unknown country %q (want ISO alpha-3)", s, f[1])
	}
	if d.Type == "" {
		d.Type = matcher.DocOther
	}
	return d, nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "", "false", "no", "0", "n":
		return false, nil
	case "true", "yes", "1", "y":
		return true, nil
	}
	return false, fmt.Errorf("%q: want true or false", s)
}
