package audit

import (
	"strconv"

	"github.com/crosscheck/crosscheck/service"
)

// A check record is written on every check, and encoding/json's
// reflection over the request, the record's head and its tail was about
// half of the audit trail's CPU at a few thousand checks a second. The
// appenders here write the same bytes by hand: strings through
// appendJSONString (plain ASCII as it is, anything else through
// json.Marshal, whose escaping is the canonical one), fields in struct
// order, omitempty as the tags say. TestAppendRequestMatchesMarshal and
// FuzzCheckBody hold them to json.Marshal; a field added to the request
// types fails the first until it is added here.

// jsonObject appends the members of one JSON object.
type jsonObject struct {
	out []byte
	n   int // members so far
}

func (o *jsonObject) key(name string) {
	if o.n > 0 {
		o.out = append(o.out, ',')
	}
	o.n++
	o.out = append(append(append(o.out, '"'), name...), `":`...)
}

// str adds a string member; omitEmpty leaves out "" as the tag's
// omitempty does.
func (o *jsonObject) str(name, v string, omitEmpty bool) {
	if v == "" && omitEmpty {
		return
	}
	o.key(name)
	o.out = appendJSONString(o.out, v)
}

// appendRequest appends r as json.Marshal writes a service.CheckRequest.
func appendRequest(out []byte, r *service.CheckRequest) []byte {
	o := jsonObject{out: append(out, '{')}
	if r.Traveller != nil {
		o.key("traveller")
		o.out = appendTraveller(o.out, r.Traveller)
	}
	o.str("mrz", r.MRZ, true)
	if len(r.Lists) > 0 {
		o.key("lists")
		o.out = appendArray(o.out, r.Lists, appendJSONString)
	}
	o.str("checkpoint", r.Checkpoint, true)
	o.str("operator", r.Operator, true)
	o.str("reference", r.Reference, true)
	return append(o.out, '}')
}

func appendTraveller(out []byte, t *service.Traveller) []byte {
	o := jsonObject{out: append(out, '{')}
	o.str("name", t.Name, true)
	o.str("surname", t.Surname, true)
	o.str("given_names", t.GivenNames, true)
	o.str("date_of_birth", t.DateOfBirth, true)
	o.str("nationality", t.Nationality, true)
	o.str("sex", t.Sex, true)
	if len(t.Documents) > 0 {
		o.key("documents")
		o.out = appendArray(o.out, t.Documents, appendDocument)
	}
	return append(o.out, '}')
}

func appendDocument(out []byte, d service.TravellerDocument) []byte {
	doc := jsonObject{out: append(out, '{')}
	doc.str("number", d.Number, false)
	doc.str("type", d.Type, true)
	doc.str("issuing_country", d.IssuingCountry, true)
	return append(doc.out, '}')
}

func appendListRef(out []byte, l ListRef) []byte {
	ref := jsonObject{out: append(out, '{')}
	ref.str("id", l.ID, false)
	ref.str("version", l.Version, false)
	return append(ref.out, '}')
}

// appendArray appends items as a JSON array, each written by appendItem.
func appendArray[T any](out []byte, items []T, appendItem func([]byte, T) []byte) []byte {
	out = append(out, '[')
	for i, it := range items {
		if i > 0 {
			out = append(out, ',')
		}
		out = appendItem(out, it)
	}
	return append(out, ']')
}

// appendMembers appends the members of h after a record's chain
// position, each with its leading comma, as json.Marshal writes them.
func (h checkHead) appendMembers(out []byte) ([]byte, error) {
	t, err := h.Time.MarshalJSON() // what json.Marshal calls; it refuses years past 9999
	if err != nil {
		return nil, err
	}
	o := jsonObject{out: append(append(out, `,"time":`...), t...), n: 1}
	o.str("check_id", h.CheckID, false)
	o.str("kind", string(h.Kind), false)
	o.str("token", h.Token, true)
	o.str("role", h.Role, true)
	o.str("checkpoint", h.Checkpoint, true)
	o.str("operator", h.Operator, true)
	o.str("reference", h.Reference, true)
	return o.out, nil
}

// appendMembers appends the members of t, each with its leading comma.
func (t checkTail) appendMembers(out []byte) []byte {
	o := jsonObject{out: out, n: 1}
	if len(t.Lists) > 0 {
		o.key("lists")
		o.out = appendArray(o.out, t.Lists, appendListRef)
	}
	o.str("matcher_version", t.MatcherVersion, true)
	if t.Latency != 0 {
		o.key("latency_ns")
		o.out = strconv.AppendInt(o.out, int64(t.Latency), 10)
	}
	return o.out
}
