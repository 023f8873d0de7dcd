package loaders

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// ofac-csv: OFAC's legacy delimited files (sdn.csv, or the consolidated
// cons_prim.csv), optionally with alt.csv, add.csv and sdn_comments.csv.
// No header, "-0-" for null, a DOS 0x1A at the end. Field notes:
// shared/docs/formats.md §2a.
//
// sdn.csv is streamed. The side parts are keyed by ent_num and are read
// into memory first: they are a fraction of the size of the main file
// and nothing guarantees they come in the same order.

const ofacFormat = "ofac-csv"

// Column counts of the four parts (cons_dat_spec.txt).
const (
	ofacSDNCols      = 12
	ofacAltCols      = 5
	ofacAddCols      = 6
	ofacCommentsCols = 2
)

type ofacAlt struct{ typ, name, remarks string }

// ofacSide holds the alt, add and comments parts by ent_num.
type ofacSide struct {
	alts     map[string][]ofacAlt
	addrs    map[string][]matcher.Place
	comments map[string]string
}

func readOFACCSV(parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	side, err := readOFACSide(parts)
	if err != nil {
		return err
	}
	tail := &tailReader{r: parts["sdn"]}
	lastLine := 0
	err = csvRows(ofacFormat, "sdn", tail, ',', func(w row) error {
		lastLine = w.line
		if len(w.fields) != ofacSDNCols {
			return w.errorAt(ofacFormat, "sdn", -1, "", fmt.Sprintf("want %d columns, got %d: not an OFAC sdn.csv row", ofacSDNCols, len(w.fields)))
		}
		id := ofacNull(w.fields[0])
		if !isDigits(id) {
			return w.errorAt(ofacFormat, "sdn", 0, "ent_num", fmt.Sprintf("want a number, got %q", id))
		}
		e := side.entry(id, w)
		if len(e.Names) == 0 {
			return w.errorAt(ofacFormat, "sdn", 1, "SDN_Name", "empty name")
		}
		return locate(emit(e), w.line, "")
	})
	if err == nil && !tail.complete() {
		return &Error{Format: ofacFormat, Part: "sdn", Line: lastLine, Reason: "file does not end with a line break (truncated?)"}
	}
	return err
}

// entry builds the entry of one sdn.csv row and its side rows.
func (s *ofacSide) entry(id string, w row) matcher.Entry {
	f := func(i int) string { return ofacNull(w.fields[i]) }
	e := matcher.Entry{ID: id, Subject: ofacSubject(f(2))}
	if name := f(1); name != "" {
		e.Names = append(e.Names, ofacName(name, e.Subject, matcher.NamePrimary, matcher.QualityStrong))
	}
	for _, a := range s.alts[id] {
		kind := matcher.NameAlias
		if a.typ == "fka" {
			kind = matcher.NameFormer
		}
		e.Names = append(e.Names, ofacName(a.name, e.Subject, kind, matcher.QualityStrong))
		if a.remarks != "" {
			e.Extra = append(e.Extra, matcher.SourceField{Key: "alt_remarks", Value: a.name + ": " + a.remarks})
		}
	}
	e.Programs = ofacPrograms(f(3))
	e.Addresses = s.addrs[id]
	e.Measures = matcher.Measures{AssetFreeze: true}
	for i, key := range []string{4: "title", 5: "call_sign", 6: "vessel_type", 7: "tonnage", 8: "grt", 9: "vessel_flag", 10: "vessel_owner"} {
		if v := f(i); key != "" && v != "" {
			e.Extra = append(e.Extra, matcher.SourceField{Key: key, Value: v})
		}
	}
	remarks := w.fields[11]
	if ofacNull(remarks) == "" {
		remarks = ""
	}
	parseOFACRemarks(&e, clean(remarks+s.comments[id]))
	return e
}

func ofacSubject(t string) matcher.SubjectType {
	switch strings.ToLower(t) {
	case "individual":
		return matcher.SubjectPerson
	case "vessel":
		return matcher.SubjectVessel
	case "aircraft":
		return matcher.SubjectAircraft
	}
	return matcher.SubjectOrganization // "-0-" is OFAC's entity type
}

// ofacName turns OFAC's "LAST, First Middle" for individuals into the
// natural order "First Middle LAST", the order a passport holder's name
// is read in; Parts keep the given names and the surname apart.
func ofacName(s string, subject matcher.SubjectType, kind matcher.NameKind, q matcher.Quality) matcher.Name {
	n := matcher.Name{Full: clean(s), Kind: kind, Quality: q}
	if last, given, ok := strings.Cut(n.Full, ", "); ok && subject == matcher.SubjectPerson && last != "" && given != "" {
		n.Full, n.Parts = given+" "+last, []string{given, last}
	}
	n.Script = detectScript(n.Full)
	return n
}

// ofacPrograms splits "SDGT] [IFSR" into its programs.
func ofacPrograms(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, "] [") {
		if p = clean(strings.Trim(p, "[]")); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func readOFACSide(parts map[string]io.Reader) (*ofacSide, error) {
	s := &ofacSide{alts: map[string][]ofacAlt{}, addrs: map[string][]matcher.Place{}, comments: map[string]string{}}
	readers := []struct {
		part string
		cols int
		fn   func(row)
	}{
		{"alt", ofacAltCols, s.addAlt},
		{"add", ofacAddCols, s.addAddress},
		{"comments", ofacCommentsCols, s.addComment},
	}
	for _, p := range readers {
		if parts[p.part] == nil {
			continue
		}
		err := csvRows(ofacFormat, p.part, parts[p.part], ',', func(w row) error {
			if len(w.fields) != p.cols {
				return w.errorAt(ofacFormat, p.part, -1, "", fmt.Sprintf("want %d columns, got %d", p.cols, len(w.fields)))
			}
			if !isDigits(ofacNull(w.fields[0])) {
				return w.errorAt(ofacFormat, p.part, 0, "ent_num", "want a number")
			}
			p.fn(w)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *ofacSide) addAlt(w row) {
	id, name := ofacNull(w.fields[0]), ofacNull(w.fields[3])
	if name != "" {
		s.alts[id] = append(s.alts[id], ofacAlt{typ: strings.ToLower(ofacNull(w.fields[2])), name: name, remarks: ofacNull(w.fields[4])})
	}
}

func (s *ofacSide) addAddress(w row) {
	id := ofacNull(w.fields[0])
	street, city, country := ofacNull(w.fields[2]), ofacNull(w.fields[3]), ofacNull(w.fields[4])
	full := joinClean(", ", street, city, country)
	if full == "" {
		return
	}
	s.addrs[id] = append(s.addrs[id], matcher.Place{
		Full: full, City: city, Country: countryCode(country), Raw: joinClean("; ", full, ofacNull(w.fields[5])),
	})
}

// addComment keeps the overflow raw: it continues Remarks mid-word, so it
// is appended without a separator and without trimming.
func (s *ofacSide) addComment(w row) {
	id := ofacNull(w.fields[0])
	s.comments[id] += w.fields[1]
}
