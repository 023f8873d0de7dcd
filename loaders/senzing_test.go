package loaders

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

func TestSenzing(t *testing.T) {
	list, byID := readAll(t, "senzing", "senzing/us_congress_senzing.json")
	if len(list) != 1319 {
		t.Fatalf("got %d records, want 1319", len(list))
	}
	e := byID["Q101198561"]
	if e.Names[0].Full != "Scott Franklin" || e.Names[0].Kind != matcher.NamePrimary ||
		!hasName(e, "C. Scott Franklin", "Latn", matcher.NameAlias, matcher.QualityStrong) ||
		!hasBirth(e, "1964-01-01", "1964-12-31", matcher.PrecisionYear) || e.Nationalities[0].Code != "USA" ||
		e.CrossRefs[0] != (matcher.CrossRef{Scheme: "WIKIDATA", Value: "Q101198561"}) {
		t.Errorf("Q101198561: %+v", e)
	}
}

// The flat attribute style puts NAME_FIRST and PASSPORT_NUMBER at the top
// level of the record.
func TestSenzingFlat(t *testing.T) {
	list, err := readString("senzing", `{"DATA_SOURCE":"WATCH","RECORD_ID":"1","RECORD_TYPE":"PERSON","NAME_FIRST":"Erika","NAME_LAST":"MUSTERMANN","DATE_OF_BIRTH":"1964-08-12","GENDER":"F","PASSPORT_NUMBER":"C01X00T47","PASSPORT_COUNTRY":"DEU","ADDRESSES":[{"ADDR_FULL":"Heidestrasse 17, Koeln","ADDR_COUNTRY":"DE"}]}
{"RECORD_ID":"2","RECORD_TYPE":"ORGANIZATION","NAMES":[{"NAME_TYPE":"PRIMARY","NAME_ORG":"Example  Trading LLC"}],"RISKS":[{"TOPIC":"sanction"}]}`)
	if err != nil || len(list) != 2 {
		t.Fatalf("got %+v, %v", list, err)
	}
	e := list[0]
	if d := findDoc(e, "C01X00T47"); d == nil || d.Country != "DEU" || e.Names[0].Full != "Erika MUSTERMANN" || e.Gender != "F" ||
		!hasBirth(e, "1964-08-12", "1964-08-12", matcher.PrecisionDay) || e.Addresses[0].Country != "DEU" {
		t.Errorf("flat person: %+v", e)
	}
	if e := list[1]; e.Subject != matcher.SubjectOrganization || e.Names[0].Full != "Example Trading LLC" || !e.Measures.AssetFreeze {
		t.Errorf("organisation: %+v", e)
	}
}

func TestSenzingErrors(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"empty", "", "no entries"},
		{"no id", `{"RECORD_TYPE":"PERSON","NAME_FULL":"X"}`, "line 1: field RECORD_ID"},
		{"no name", `{"RECORD_ID":"1"}`, "no name"},
		{"syntax", `{"RECORD_ID":"1","NAME_FULL":"X"}` + "\n" + `{"RECORD_ID":`, "line 2"},
		{"duplicate", `{"RECORD_ID":"1","NAME_FULL":"X"}` + "\n" + `{"RECORD_ID":"1","NAME_FULL":"Y"}`, "id appears twice"},
		{"invalid utf8", "{\"RECORD_ID\":\"1\xff\"}", "column 16"},
		{"other format", "id,name\n1,X\n", "not a senzing JSON record"},
	} {
		_, err := readString("senzing", c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want error containing %q", c.name, err, c.want)
		}
	}
}

func FuzzSenzing(f *testing.F) {
	f.Add([]byte(`{"DATA_SOURCE":"OS_US_CONGRESS","RECORD_ID":"Q101198561","RECORD_TYPE":"PERSON","NAMES":[{"NAME_TYPE":"PRIMARY","NAME_FULL":"Scott Franklin"},{"NAME_TYPE":"ALIAS","NAME_FULL":"C. Scott Franklin"}],"DATES":[{"DATE_OF_BIRTH":"1964"}],"COUNTRIES":[{"NATIONALITY":"us"}],"IDENTIFIERS":[{"TRUSTED_ID_TYPE":"WIKIDATA","TRUSTED_ID_NUMBER":"Q101198561"}]}`))
	f.Add([]byte(`{"RECORD_ID":"1","NAME_FIRST":"Erika","NAME_LAST":"MUSTERMANN","DATE_OF_BIRTH":"12/08/1964","PASSPORT_NUMBER":"C01X00T47","PASSPORT_COUNTRY":"D"}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "senzing", data) })
}
