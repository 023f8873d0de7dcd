package api

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/service"
)

// checkBodies are requests as border systems send them, and the cases
// the fast path must leave to encoding/json (decodeCheck's doc).
var checkBodies = []struct {
	name  string
	body  string
	plain bool // read by the fast path
}{
	{"full", `{"traveller":{"surname":"Коваленко","given_names":"Ольга","date_of_birth":"1994-02-14","nationality":"UKR","sex":"F",` +
		`"documents":[{"number":"KX1234567","type":"P","issuing_country":"UKR"}]},"checkpoint":"LOAD-TEST","operator":"load","reference":"load-1"}`, true},
	{"name only, spaced", " \n{ \"traveller\" : { \"name\" : \"محمد العلي\" } }\t", true},
	{"mrz and lists", `{"mrz":"P<UTOERIKSSON<<ANNA","lists":["un-sc","ofac"],"traveller":{"documents":[]}}`, true},
	{"empty lists", `{"lists":[],"traveller":{"name":"A"}}`, true},
	{"unknown fields", `{"x":{"a":[1,-2.5e+3,true,false,null,{"b":"c"}],"d":""},"traveller":{"name":"A","y":0},"z":[]}`, true},
	{"empty object", `{}`, true},
	{"escape", `{"traveller":{"name":"A\u00e9"}}`, false},
	{"null traveller", `{"traveller":null}`, false},
	{"null string", `{"traveller":{"name":null}}`, false},
	{"key in other case", `{"Traveller":{"name":"A"}}`, false},
	{"key twice", `{"traveller":{"name":"A"},"traveller":{"sex":"F"}}`, false},
	{"wrong type", `{"traveller":{"name":5}}`, false},
	{"invalid UTF-8", "{\"traveller\":{\"name\":\"A\xff\"}}", false},
	{"trailing data", `{"traveller":{"name":"A"}} x`, false},
	{"broken", `{"traveller":{"name":"A"}`, false},
	{"empty", ``, false},
	{"bad number in unknown field", `{"x":01}`, false},
}

func TestDecodeCheckIsEncodingJSON(t *testing.T) {
	for _, tc := range checkBodies {
		t.Run(tc.name, func(t *testing.T) {
			var fast service.CheckRequest
			p := plainJSON{b: []byte(tc.body)}
			if plain := p.checkRequest(&fast); plain != tc.plain {
				t.Errorf("fast path %v, want %v", plain, tc.plain)
			}
			got, gotErr := decodeCheck([]byte(tc.body))
			var want service.CheckRequest
			wantErr := decodeJSON([]byte(tc.body), &want)
			if !reflect.DeepEqual(got, want) || errText(gotErr) != errText(wantErr) {
				t.Errorf("decodeCheck = %+v, %v\nencoding/json %+v, %v", got, gotErr, want, wantErr)
			}
		})
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// FuzzDecodeCheck holds the fast path to encoding/json: whatever it
// reads, encoding/json reads the same way.
func FuzzDecodeCheck(f *testing.F) {
	for _, tc := range checkBodies {
		f.Add([]byte(tc.body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var fast service.CheckRequest
		p := plainJSON{b: body}
		if !p.checkRequest(&fast) {
			return
		}
		var want service.CheckRequest
		if err := json.Unmarshal(body, &want); err != nil || !reflect.DeepEqual(fast, want) {
			t.Errorf("fast path %+v\nencoding/json %+v, %v", fast, want, err)
		}
	})
}

func BenchmarkDecodeCheck(b *testing.B) {
	body := []byte(checkBodies[0].body)
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeCheck(body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var req service.CheckRequest
			if err := decodeJSON(body, &req); err != nil {
				b.Fatal(err)
			}
		}
	})
}
