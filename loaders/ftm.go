package loaders

import (
	"encoding/json"
	"io"

	"github.com/crosscheck/crosscheck/matcher"
)

// ftm: OpenSanctions FollowTheMoney entities, one JSON object per line
// (entities.ftm.json, or targets.nested.json where documents and
// addresses are nested in the person's properties). Every property is a
// list; dates are ISO prefixes; countries are lower-case ISO-2. Field
// notes: formats.md §7.
//
// In the flat export a Passport or Sanction is its own line that points
// at its holder, and a person points at its Address lines, in any order.
// The reader therefore gathers the whole file before emitting: a flat
// file is joined in memory. For very large exports use the nested form.

const ftmFormat = "ftm"

// ftmEntity is one FtM line. Property values are strings or, in the
// nested form, entities.
type ftmEntity struct {
	ID         string                       `json:"id"`
	Caption    string                       `json:"caption"`
	Schema     string                       `json:"schema"`
	Properties map[string][]json.RawMessage `json:"properties"`
	Referents  []string                     `json:"referents"`
	Datasets   []string                     `json:"datasets"`
}

// ftmSubjects are the schemas that become entries; the rest are details
// of an entry (documents, addresses, sanctions) or relations between
// entries, which are not checked at a border.
var ftmSubjects = map[string]matcher.SubjectType{
	"Person": matcher.SubjectPerson, "Organization": matcher.SubjectOrganization, "Company": matcher.SubjectOrganization,
	"LegalEntity": matcher.SubjectOrganization, "PublicBody": matcher.SubjectOrganization,
	"Vessel": matcher.SubjectVessel, "Airplane": matcher.SubjectAircraft,
}

func readFTM(parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	j := ftmJoin{byID: map[string]int{}, aux: map[string]*ftmEntity{}}
	err := jsonLines(ftmFormat, parts[filePart], func(line int, raw []byte) error {
		var x ftmEntity
		if err := decodeLine(ftmFormat, raw, line, &x); err != nil {
			return err
		}
		return j.add(&x, line)
	})
	if err != nil {
		return err
	}
	return j.emit(emit)
}

// ftmJoin holds the entries and the detail entities until the end.
type ftmJoin struct {
	entries []matcher.Entry
	addrRef [][]string     // per entry: addressEntity ids
	byID    map[string]int // entry id → index
	aux     map[string]*ftmEntity
	auxSeq  []string
}

func (j *ftmJoin) add(x *ftmEntity, line int) error {
	x.ID = clean(x.ID)
	if x.ID == "" {
		return &Error{Format: ftmFormat, Line: line, Field: "id", Reason: "missing"}
	}
	subject, ok := ftmSubjects[x.Schema]
	if !ok {
		if _, dup := j.aux[x.ID]; !dup {
			j.auxSeq = append(j.auxSeq, x.ID)
		}
		j.aux[x.ID] = x
		return nil
	}
	if _, dup := j.byID[x.ID]; dup {
		return &Error{Format: ftmFormat, Line: line, Record: x.ID, Reason: "id appears twice", Err: ErrDuplicateID}
	}
	j.byID[x.ID] = len(j.entries)
	j.entries = append(j.entries, x.entry(subject))
	j.addrRef = append(j.addrRef, x.strings("addressEntity"))
	return nil
}

// emit attaches flat details to their entries, then emits every entry.
func (j *ftmJoin) emit(emit func(matcher.Entry) error) error {
	for _, id := range j.auxSeq {
		x := j.aux[id]
		for _, holder := range append(x.strings("holder"), x.strings("entity")...) {
			if i, ok := j.byID[holder]; ok {
				x.attach(&j.entries[i])
			}
		}
	}
	for i := range j.entries {
		for _, ref := range j.addrRef[i] {
			if a, ok := j.aux[ref]; ok {
				a.attach(&j.entries[i])
			}
		}
		if err := emit(j.entries[i]); err != nil {
			return err
		}
	}
	return nil
}

// strings returns the string values of a property (nested entities are
// left out).
func (x *ftmEntity) strings(prop string) []string {
	var out []string
	for _, raw := range x.Properties[prop] {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			if s = clean(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// nested returns the entities nested in a property (targets.nested.json).
func (x *ftmEntity) nested(prop string) []*ftmEntity {
	var out []*ftmEntity
	for _, raw := range x.Properties[prop] {
		if len(raw) > 0 && raw[0] == '{' {
			var n ftmEntity
			if json.Unmarshal(raw, &n) == nil {
				out = append(out, &n)
			}
		}
	}
	return out
}

func (x *ftmEntity) first(prop string) string {
	if v := x.strings(prop); len(v) > 0 {
		return v[0]
	}
	return ""
}
