package loaders

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

const ofacXML2018 = "ofac/cons-2018/consolidated.xml"

func TestOFACXML(t *testing.T) {
	list, byID := readAll(t, "ofac-xml", ofacXML2018)
	counts := map[matcher.SubjectType]int{}
	for _, e := range list {
		counts[e.Subject]++
	}
	if len(list) != 639 || counts[matcher.SubjectPerson] != 94 || counts[matcher.SubjectVessel] != 74 {
		t.Fatalf("got %d entries %v; want 639 with 94 persons, 74 vessels", len(list), counts)
	}
	e := byID["9639"]
	if e.Names[0].Full != "Ismail Abdul Salah HANIYA" || !hasName(e, "Ismaeel HANIYYA", "Latn", matcher.NameAlias, matcher.QualityStrong) ||
		!hasBirth(e, "1962-01-01", "1962-12-31", matcher.PrecisionYear) || e.BirthPlaces[0].Full != "Shati" || e.Programs[0] != "NS-PLC" {
		t.Errorf("9639: %+v", e)
	}
	e = byID["15960"]
	if d := findDoc(e, "H20676140"); d == nil || d.Country != "IRN" || d.Type != matcher.DocPassport ||
		!hasBirth(e, "1953-01-01", "1954-12-31", matcher.PrecisionRange) {
		t.Errorf("15960: %+v", e)
	}
	e = byID["4632"] // idList holds no document, only sanction notes
	if len(e.Documents) != 0 || len(e.Extra) == 0 || e.Subject != matcher.SubjectOrganization || len(e.Addresses) != 2 {
		t.Errorf("4632: %+v", e)
	}
}

func TestOFACXMLErrors(t *testing.T) {
	whole, err := os.ReadFile(filepath.Join("..", "testdata", "lists", ofacXML2018))
	if err != nil {
		t.Skip(err)
	}
	for _, c := range []struct{ name, data, want string }{
		{"empty", "", "empty file"},
		{"truncated", string(whole[:len(whole)/2]), "truncated"},
		{"un file", "<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>", "want sdnList"},
		{"no uid", `<sdnList><sdnEntry><lastName>X</lastName></sdnEntry></sdnList>`, "field uid"},
		{"no name", `<sdnList><sdnEntry><uid>1</uid></sdnEntry></sdnList>`, "no name"},
	} {
		_, err := readString("ofac-xml", c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want error containing %q", c.name, err, c.want)
		}
	}
}

func FuzzOFACXML(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" standalone="yes"?><sdnList xmlns="http://tempuri.org/sdnList.xsd"><sdnEntry><uid>15960</uid><firstName>Ahmad</firstName><lastName>GHALEBANI</lastName><sdnType>Individual</sdnType><idList><id><uid>1</uid><idType>Passport</idType><idNumber>H20676140</idNumber><idCountry>Iran</idCountry></id><id><idType>Gender</idType><idNumber>Male</idNumber></id></idList><akaList><aka><type>a.k.a.</type><category>weak</category><lastName>QALEHBANI</lastName></aka></akaList><dateOfBirthList><dateOfBirthItem><dateOfBirth>01 Jan 1953 to 31 Dec 1954</dateOfBirth></dateOfBirthItem></dateOfBirthList></sdnEntry></sdnList>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "ofac-xml", data) })
}
