package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/service"
)

// decodeJSON reads a request body into v. Unknown fields are ignored so
// the contract can grow; anything else wrong is an invalid request whose
// message says what and where.
func decodeJSON(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return service.Errorf(service.CodeInvalid, "request body: empty; send a JSON object")
	}
	err := json.Unmarshal(body, v)
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &syntax):
		return service.Errorf(service.CodeInvalid, "request body: malformed JSON at byte %d", syntax.Offset)
	case errors.As(err, &typ):
		return service.Errorf(service.CodeInvalid, "%s: want %s, got JSON %s", fieldName(typ), jsonKind(typ.Type), typ.Value)
	}
	return service.Errorf(service.CodeInvalid, "request body: not a valid JSON object")
}

func fieldName(e *json.UnmarshalTypeError) string {
	if e.Field == "" {
		return "request body"
	}
	return e.Field
}

// jsonKind names a Go type the way a JSON client thinks of it.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object"
	case reflect.Bool:
		return "true or false"
	}
	return "a number"
}

// decodeCheck reads the body of a single check. Almost every request is
// plain JSON: an object of the contract's fields, strings without
// escapes. Those are read here in one pass without reflection, about ten
// times cheaper than encoding/json, which was the largest cost of a check
// outside the matcher and the audit trail. Anything else (an escape, a
// null, a field of the wrong type, a key in another case, a key twice,
// broken JSON) goes through decodeJSON, so the result and every error
// message are encoding/json's; FuzzDecodeCheck holds the fast path to it.
func decodeCheck(body []byte) (service.CheckRequest, error) {
	var req service.CheckRequest
	p := plainJSON{b: body}
	if p.checkRequest(&req) {
		return req, nil
	}
	req = service.CheckRequest{}
	return req, decodeJSON(body, &req)
}

// plainJSON reads the plain subset of JSON described at decodeCheck.
// Every method reports false, never an error, for input outside it.
type plainJSON struct {
	b     []byte
	i     int
	depth int // of skipped values
}

var (
	checkKeys     = []string{"traveller", "mrz", "lists", "checkpoint", "operator", "reference"}
	travellerKeys = []string{"name", "surname", "given_names", "date_of_birth", "nationality", "sex", "documents"}
	documentKeys  = []string{"number", "type", "issuing_country"}
)

func (p *plainJSON) checkRequest(r *service.CheckRequest) bool {
	str := []*string{nil, &r.MRZ, nil, &r.Checkpoint, &r.Operator, &r.Reference}
	ok := p.object(checkKeys, func(k int) bool {
		switch k {
		case 0:
			r.Traveller = &service.Traveller{}
			return p.traveller(r.Traveller)
		case 2:
			return p.strings(&r.Lists)
		}
		return p.into(str[k])
	})
	p.space()
	return ok && p.i == len(p.b)
}

func (p *plainJSON) traveller(t *service.Traveller) bool {
	str := []*string{&t.Name, &t.Surname, &t.GivenNames, &t.DateOfBirth, &t.Nationality, &t.Sex}
	return p.object(travellerKeys, func(k int) bool {
		if k < len(str) {
			return p.into(str[k])
		}
		t.Documents = []service.TravellerDocument{}
		return p.array(func() bool {
			var d service.TravellerDocument
			str := []*string{&d.Number, &d.Type, &d.IssuingCountry}
			ok := p.object(documentKeys, func(k int) bool { return p.into(str[k]) })
			t.Documents = append(t.Documents, d)
			return ok
		})
	})
}

// object reads an object whose known keys are keys, calling field with
// the key's index to read its value; unknown keys' values are skipped. A
// key twice, or one that matches a known key only ignoring case (which
// encoding/json accepts), is left to encoding/json.
func (p *plainJSON) object(keys []string, field func(int) bool) bool {
	if !p.next('{') {
		return false
	}
	if p.next('}') {
		return true
	}
	var seen uint64
	for {
		key, ok := p.str()
		if !ok || !p.next(':') {
			return false
		}
		k := slices.Index(keys, key)
		switch {
		case k >= 0 && seen&(1<<k) != 0:
			return false
		case k >= 0:
			seen |= 1 << k
			ok = field(k)
		default:
			ok = !slices.ContainsFunc(keys, func(s string) bool { return strings.EqualFold(s, key) }) && p.skip()
		}
		if !ok {
			return false
		}
		if p.next('}') {
			return true
		}
		if !p.next(',') {
			return false
		}
	}
}

func (p *plainJSON) array(elem func() bool) bool {
	if !p.next('[') {
		return false
	}
	if p.next(']') {
		return true
	}
	for {
		if !elem() {
			return false
		}
		if p.next(']') {
			return true
		}
		if !p.next(',') {
			return false
		}
	}
}

func (p *plainJSON) strings(out *[]string) bool {
	*out = []string{}
	return p.array(func() bool {
		s, ok := p.str()
		*out = append(*out, s)
		return ok
	})
}

func (p *plainJSON) into(s *string) (ok bool) {
	*s, ok = p.str()
	return ok
}

// str reads a string with no escape and no control character, in valid
// UTF-8 (encoding/json replaces invalid bytes; ASCII keys only match).
func (p *plainJSON) str() (string, bool) {
	if !p.next('"') {
		return "", false
	}
	for j := p.i; j < len(p.b); j++ {
		switch c := p.b[j]; {
		case c == '"':
			s := p.b[p.i:j]
			p.i = j + 1
			return string(s), utf8.Valid(s)
		case c == '\\' || c < 0x20:
			return "", false
		}
	}
	return "", false
}

// skip passes over the value of an unknown key: any JSON value, nested
// up to a depth, with strings as str reads them.
func (p *plainJSON) skip() bool {
	p.space()
	if p.i >= len(p.b) || p.depth > 32 {
		return false
	}
	p.depth++
	defer func() { p.depth-- }()
	switch c := p.b[p.i]; {
	case c == '"':
		_, ok := p.str()
		return ok
	case c == '{':
		return p.object(nil, nil)
	case c == '[':
		return p.array(p.skip)
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	for _, lit := range []string{"true", "false", "null"} {
		if strings.HasPrefix(string(p.b[p.i:min(len(p.b), p.i+5)]), lit) {
			p.i += len(lit)
			return true
		}
	}
	return false
}

// number reads a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *plainJSON) number() bool {
	i := p.i
	if p.at(i, '-') {
		i++
	}
	if p.at(i, '0') {
		i++
	} else if i = p.digits(i); i < 0 {
		return false
	}
	if p.at(i, '.') {
		if i = p.digits(i + 1); i < 0 {
			return false
		}
	}
	if p.at(i, 'e') || p.at(i, 'E') {
		i++
		if p.at(i, '+') || p.at(i, '-') {
			i++
		}
		if i = p.digits(i); i < 0 {
			return false
		}
	}
	p.i = i
	return true
}

// digits returns the index after one or more digits from i, or -1.
func (p *plainJSON) digits(i int) int {
	j := i
	for j < len(p.b) && p.b[j] >= '0' && p.b[j] <= '9' {
		j++
	}
	if j == i {
		return -1
	}
	return j
}

func (p *plainJSON) at(i int, c byte) bool { return i < len(p.b) && p.b[i] == c }

// next consumes c after any white space, if c is next.
func (p *plainJSON) next(c byte) bool {
	p.space()
	if p.at(p.i, c) {
		p.i++
		return true
	}
	return false
}

func (p *plainJSON) space() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\t' || p.b[p.i] == '\n' || p.b[p.i] == '\r') {
		p.i++
	}
}
