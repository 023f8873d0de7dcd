package audit

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"

	"github.com/crosscheck/crosscheck/service"
)

// fill sets every string in v to a value of its own and gives every
// slice two elements and every pointer a value, so that a field the
// appender does not know shows in json.Marshal's output and not in its.
func fill(v reflect.Value, n *int) {
	switch v.Kind() {
	case reflect.String:
		*n++
		v.SetString("v" + strconv.Itoa(*n))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	}
}

func TestAppendRequestMatchesMarshal(t *testing.T) {
	var full service.CheckRequest
	fill(reflect.ValueOf(&full).Elem(), new(int))
	for _, tc := range []struct {
		name string
		req  service.CheckRequest
	}{
		{"every field", full},
		{"empty", service.CheckRequest{}},
		{"empty traveller, empty lists", service.CheckRequest{Traveller: &service.Traveller{}, Lists: []string{}}},
		{"document with a number only", service.CheckRequest{Traveller: &service.Traveller{Documents: []service.TravellerDocument{{}, {Number: "X1"}}}}},
		{"escapes and scripts", service.CheckRequest{MRZ: "P<UTO\nL898", Reference: `a"b\c<d>&e` + "\u2028\x00\xff",
			Traveller: &service.Traveller{Name: "محمد العلي", Surname: "Müller", Sex: "M"}, Lists: []string{"un-sc", "ß"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, err := json.Marshal(tc.req)
			if err != nil {
				t.Fatal(err)
			}
			if got := appendRequest(nil, &tc.req); string(got) != string(want) {
				t.Errorf("appendRequest:\n got %s\nwant %s", got, want)
			}
		})
	}
}

// FuzzAppendRequest holds appendRequest to json.Marshal for any strings.
func FuzzAppendRequest(f *testing.F) {
	f.Add("KATANGA GERMAIN", "1978-04-28", "OB 0243318", "un-sc", "\u2028<&>\"\\")
	f.Add("", "", "", "", "\xff\xfe")
	f.Fuzz(func(t *testing.T, name, dob, number, list, other string) {
		r := service.CheckRequest{MRZ: other, Lists: []string{list}, Checkpoint: name, Operator: other, Reference: dob,
			Traveller: &service.Traveller{Name: name, Surname: other, GivenNames: list, DateOfBirth: dob, Nationality: number, Sex: other,
				Documents: []service.TravellerDocument{{Number: number, Type: other, IssuingCountry: list}}}}
		want, _ := json.Marshal(r)
		if got := appendRequest(nil, &r); string(got) != string(want) {
			t.Errorf("appendRequest:\n got %s\nwant %s", got, want)
		}
	})
}
