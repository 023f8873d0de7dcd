package loaders

import (
	"encoding/json"
	"io"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// senzing: Senzing entity-resolution JSON, one record per line, as
// OpenSanctions exports it. Attributes come either grouped in feature
// lists (NAMES[{NAME_TYPE, NAME_FULL}], DATES[{DATE_OF_BIRTH}],
// IDENTIFIERS[{PASSPORT_NUMBER, PASSPORT_COUNTRY}] ...) or flat at the top
// level (NAME_FIRST, PASSPORT_NUMBER); both are read the same way: every
// object is a feature, and its attribute names say what it holds.
// Field notes: formats.md §7.

const senzingFormat = "senzing"

// senzingFeature is one attribute group, its values as strings.
type senzingFeature map[string]string

func readSenzing(parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	return jsonLines(senzingFormat, parts[filePart], func(line int, raw []byte) error {
		var rec map[string]json.RawMessage
		if err := decodeLine(senzingFormat, raw, line, &rec); err != nil {
			return err
		}
		e, err := senzingEntry(rec)
		if err != nil {
			return recordError(senzingFormat, line, "", "", err)
		}
		return locate(emit(e), line, "")
	})
}

func senzingEntry(rec map[string]json.RawMessage) (matcher.Entry, error) {
	top, features := senzingFeatures(rec)
	e := matcher.Entry{ID: top["RECORD_ID"], Subject: matcher.SubjectPerson}
	if e.ID == "" {
		return e, fieldError{"RECORD_ID", "missing"}
	}
	switch strings.ToUpper(top["RECORD_TYPE"]) {
	case "ORGANIZATION":
		e.Subject = matcher.SubjectOrganization
	case "VESSEL":
		e.Subject = matcher.SubjectVessel
	}
	for _, f := range append([]senzingFeature{top}, features...) {
		f.apply(&e)
	}
	addExtra(&e, "data_source", top["DATA_SOURCE"])
	addExtra(&e, "url", top["URL"])
	return e, nil
}

// senzingFeatures splits a record into its top-level scalar attributes and
// the objects of its feature lists, in a stable order.
func senzingFeatures(rec map[string]json.RawMessage) (senzingFeature, []senzingFeature) {
	top := senzingFeature{}
	keys := make([]string, 0, len(rec))
	for k := range rec {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var features []senzingFeature
	for _, k := range keys {
		var list []map[string]any
		if json.Unmarshal(rec[k], &list) == nil {
			for _, obj := range list {
				features = append(features, stringsOf(obj))
			}
			continue
		}
		var v any
		if json.Unmarshal(rec[k], &v) == nil {
			top[k] = scalar(v)
		}
	}
	return top, features
}

func stringsOf(obj map[string]any) senzingFeature {
	f := senzingFeature{}
	for k, v := range obj {
		if s := scalar(v); s != "" {
			f[k] = s
		}
	}
	return f
}

// scalar turns a JSON string or number into cleaned text.
func scalar(v any) string {
	switch t := v.(type) {
	case string:
		return clean(t)
	case float64:
		b, _ := json.Marshal(t)
		return string(b)
	}
	return ""
}

// apply adds what one feature holds to the entry.
func (f senzingFeature) apply(e *matcher.Entry) {
	f.name(e)
	if s := f["DATE_OF_BIRTH"]; s != "" {
		if d, ok := partialOrText(s); ok && !hasDate(e.BirthDates, d) {
			e.BirthDates = append(e.BirthDates, d)
		} else if !ok {
			addExtra(e, "birth_date", s)
		}
	}
	for _, k := range []string{"NATIONALITY", "CITIZENSHIP"} {
		if s := f[k]; s != "" {
			e.Nationalities = append(e.Nationalities, countries(s)...)
		}
	}
	if g := gender(f["GENDER"]); g != "" {
		e.Gender = g
	}
	f.documents(e)
	if s := f["ADDR_FULL"]; s != "" || f["ADDR_COUNTRY"] != "" {
		full := joinClean(", ", s, f["ADDR_CITY"], f["ADDR_COUNTRY"])
		e.Addresses = append(e.Addresses, matcher.Place{Full: full, City: f["ADDR_CITY"], Country: countryCode(f["ADDR_COUNTRY"]), Raw: full})
	}
	if t := f["TOPIC"]; t != "" {
		addExtra(e, "topic", t)
		e.Measures.AssetFreeze = e.Measures.AssetFreeze || t == "sanction"
	}
	addExtra(e, "date_of_death", f["DATE_OF_DEATH"])
}

func (f senzingFeature) name(e *matcher.Entry) {
	parts := []string{}
	for _, k := range []string{"NAME_FIRST", "NAME_MIDDLE", "NAME_LAST"} {
		if f[k] != "" {
			parts = append(parts, f[k])
		}
	}
	full := f["NAME_FULL"]
	if full == "" {
		full = f["NAME_ORG"]
	}
	if full == "" {
		full = strings.Join(parts, " ")
	}
	if full == "" {
		return
	}
	kind, q := matcher.NameAlias, matcher.QualityStrong
	if t := strings.ToUpper(f["NAME_TYPE"]); t == "PRIMARY" || (t == "" && len(e.Names) == 0) {
		kind = matcher.NamePrimary
	}
	n := matcher.Name{Full: full, Script: detectScript(full), Kind: kind, Quality: q}
	if len(parts) > 1 {
		n.Parts = parts
	}
	e.Names = append(e.Names, n)
}

// documents reads passport and national id numbers; OTHER_ID and
// TRUSTED_ID (Wikidata ids, OpenSanctions ids) are not documents.
func (f senzingFeature) documents(e *matcher.Entry) {
	for _, d := range []struct {
		num, country string
		typ          matcher.DocumentType
	}{{"PASSPORT_NUMBER", "PASSPORT_COUNTRY", matcher.DocPassport}, {"NATIONAL_ID_NUMBER", "NATIONAL_ID_COUNTRY", matcher.DocNationalID}} {
		if n := f[d.num]; matcher.NormalizeDocumentNumber(n) != "" {
			e.Documents = append(e.Documents, matcher.Document{Type: d.typ, TypeRaw: d.num, Number: n, Country: countryCode(f[d.country])})
		}
	}
	for _, k := range []string{"OTHER_ID", "TRUSTED_ID"} {
		if n := f[k+"_NUMBER"]; n != "" {
			e.CrossRefs = append(e.CrossRefs, matcher.CrossRef{Scheme: f[k+"_TYPE"], Value: n})
		}
	}
}

// partialOrText reads an ISO partial date, or failing that free text.
func partialOrText(s string) (matcher.BirthDate, bool) {
	if d, err := matcher.ParsePartialDate(s); err == nil && d.Valid() {
		return d, true
	}
	return textDate(s)
}
