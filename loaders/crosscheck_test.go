package loaders

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

func TestCrosscheckCSV(t *testing.T) {
	list, byID := readAll(t, "crosscheck-csv", "crosscheck/national-list.csv")
	if len(list) != 4 {
		t.Fatalf("got %d entries, want 4", len(list))
	}
	e := byID["NAT-0001"]
	if d := findDoc(e, "C01X00T47"); d == nil || d.Country != "DEU" || d.Type != matcher.DocPassport || len(e.Documents) != 2 ||
		e.Documents[1].Type != matcher.DocNationalID ||
		!e.Measures.TravelBan || e.Measures.AssetFreeze || e.Gender != "F" || e.ListedOn != "2024-01-15" {
		t.Errorf("NAT-0001: %+v", e)
	}
	e = byID["NAT-0002"]
	if !hasName(e, "حسن نصر الله", "Arab", matcher.NameAlias, matcher.QualityStrong) || !hasName(e, "Abu Hadi", "Latn", matcher.NameAlias, matcher.QualityWeak) ||
		!hasBirth(e, "1953-01-01", "1953-12-31", matcher.PrecisionYear) || e.Nationalities[0].Code != "LBN" {
		t.Errorf("NAT-0002: %+v", e)
	}
	e = byID["NAT-0003"]
	if e.Names[0].Full != "Иван Петров" || e.Names[0].Script != "Cyrl" || e.Nationalities[0].Code != "RUS" ||
		!hasBirth(e, "1971-03-01", "1971-03-31", matcher.PrecisionMonth) || !hasBirth(e, "1950-01-01", "1955-12-31", matcher.PrecisionRange) {
		t.Errorf("NAT-0003: %+v", e)
	}
	if e := byID["NAT-0004"]; e.Subject != matcher.SubjectOrganization || !e.Measures.AssetFreeze {
		t.Errorf("NAT-0004: %+v", e)
	}
}

func TestCrosscheckCSVErrors(t *testing.T) {
	const head = "id,name,birth_dates,documents,gender,listed_on,travel_ban\n"
	for _, c := range []struct{ name, data, want string }{
		{"empty", "", "no entries"},
		{"header only", head, "no entries"},
		{"missing id column", "name\nX\n", "line 1: field id: required column missing"},
		{"bad date", head + "A,Anna,31 Feb 1970,,,,\n", "line 2, column 8: field birth_dates"},
		{"bad document", head + "A,Anna,,DEU-123,,,\n", "field documents"},
		{"bad country", head + "A,Anna,,passport:XYZ:1,,,\n", "unknown country"},
		{"bad gender", head + "A,Anna,,,X,,\n", "field gender"},
		{"bad listed_on", head + "A,Anna,,,,2024-13-01,\n", "field listed_on"},
		{"bad bool", head + "A,Anna,,,,,maybe\n", "field travel_ban"},
		{"no name", head + "A,,,,,,\n", "line 2: entry \"A\": no name"},
		{"no id", head + ",Anna,,,,,\n", "line 2"},
		{"duplicate", head + "A,Anna,,,,,\nA,Bob,,,,,\n", "line 3: entry \"A\": id appears twice"},
		{"invalid utf8", head + "A,An\xffna,,,,,\n", "line 2, column 3"},
		{"duplicate column", "id,name,name\n", "column appears twice"},
		{"other format", "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\n", "required column missing"},
	} {
		_, err := readString("crosscheck-csv", c.data)
		var le *Error
		if !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want *Error containing %q", c.name, err, c.want)
		}
	}
}

func TestCrosscheckCSVBOMAndSpaces(t *testing.T) {
	list, err := readString("crosscheck-csv", "\ufeffid,name\r\n A1 ,\u00a0Abu  Zayd \r\n")
	if err != nil || len(list) != 1 || list[0].ID != "A1" || list[0].Names[0].Full != "Abu Zayd" {
		t.Fatalf("got %+v, %v", list, err)
	}
}

func TestCrosscheckJSONL(t *testing.T) {
	list, byID := readAll(t, "crosscheck-jsonl", "crosscheck/national-list.jsonl")
	if len(list) != 3 {
		t.Fatalf("got %d entries, want 3", len(list))
	}
	if e := byID["NAT-0001"]; e.Names[0].Full != "Erika Mustermann" || e.Names[1].Kind != matcher.NameAlias || e.Names[1].Script != "Latn" {
		t.Errorf("NAT-0001: %+v", e)
	}
	if e := byID["NAT-0002"]; e.Names[0].Script != "Arab" || !e.BirthDates[0].Approximate || e.BirthDates[0].From != "1960-01-01" {
		t.Errorf("NAT-0002: %+v", e)
	}
	if e := byID["DOC-1"]; e.Subject != matcher.SubjectDocument || e.Documents[0].Status != matcher.StatusStolen {
		t.Errorf("DOC-1: %+v", e)
	}
}

func TestCrosscheckJSONLErrors(t *testing.T) {
	ok := `{"id":"A","subject":"person","names":[{"full":"Anna"}],"measures":{}}` + "\n"
	for _, c := range []struct{ name, data, want string }{
		{"empty", "", "no entries"},
		{"syntax", ok + `{"id":"B",` + "\n", "line 2"},
		{"unknown field", `{"id":"A","nmes":[]}`, "unknown field"},
		{"wrong type", `{"id":7}`, "line 1"},
		{"invalid entry", `{"id":"A","subject":"person"}`, "no name"},
		{"bad date", `{"id":"A","subject":"person","names":[{"full":"A"}],"birth_dates":[{"from":"1970-02-31","to":"x"}]}`, "birth date"},
		{"duplicate", ok + ok, "line 2: entry \"A\": id appears twice"},
		{"two values", `{"id":"A"} {"id":"B"}`, "more than one"},
		{"invalid utf8", "{\"id\":\"A\xff\"}", "column 9"},
		{"other format", "<CONSOLIDATED_LIST/>", "not a crosscheck-jsonl JSON record"},
	} {
		_, err := readString("crosscheck-jsonl", c.data)
		var le *Error
		if !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want *Error containing %q", c.name, err, c.want)
		}
	}
}

func TestDocumentsCSV(t *testing.T) {
	list, byID := readAll(t, "documents-csv", "crosscheck/sltd-sample.csv")
	if len(list) != 4 {
		t.Fatalf("got %d entries, want 4", len(list))
	}
	e, ok := byID["DEU:passport:C01X00T47"]
	if !ok || e.Subject != matcher.SubjectDocument || e.Documents[0].Status != matcher.StatusStolen || e.ListedOn != "2024-03-01" {
		t.Errorf("DEU passport: %+v", e)
	}
	if e, ok := byID["FRA:national_id:X4RTBPFW4"]; !ok || e.Documents[0].Type != matcher.DocNationalID {
		t.Errorf("FRA national id: %+v", byID)
	}
	if e := byID["GBR:passport:0075258"]; e.Documents[0].Number != "0075258" || e.Documents[0].Status != matcher.StatusRevoked {
		t.Errorf("leading zero kept: %+v", e)
	}
	if e := byID["UTO:passport:L898902C3"]; e.Documents[0].Status != matcher.StatusStolenBlank {
		t.Errorf("UTO: %+v", e)
	}
}

func TestDocumentsCSVErrors(t *testing.T) {
	const head = "issuing_country,type,number,status,reported_on\n"
	for _, c := range []struct{ name, data, want string }{
		{"missing column", "issuing_country,type\nDEU,passport\n", "field number: required column missing"},
		{"bad country", head + "XYZ,passport,1,stolen,\n", "line 2, column 1: field issuing_country"},
		{"bad status", head + "DEU,passport,1,misplaced,\n", "field status"},
		{"no number", head + "DEU,passport,--,stolen,\n", "field number"},
		{"same key", head + "DEU,passport,C01-X00,stolen,\nD,Passport,c01x00,lost,\n", "line 3: entry \"DEU:passport:C01X00\": id appears twice"},
		{"bad reported_on", head + "DEU,passport,1,stolen,01/03/2024\n", "field reported_on"},
	} {
		_, err := readString("documents-csv", c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want error containing %q", c.name, err, c.want)
		}
	}
}

func FuzzCrosscheckCSV(f *testing.F) {
	f.Add([]byte("id,subject,name,aliases,birth_dates,documents,travel_ban\r\nNAT-1,person,Иван  Петров,Ivan|Iwan,1971-03|circa 1950 to 1955,passport:DEU:C01X00T47,true\r\n"))
	f.Add([]byte("\ufeffid,name\n A1 ,\u00a0Abu  Zayd \n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "crosscheck-csv", data) })
}

func FuzzCrosscheckJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"NAT-0002","subject":"person","names":[{"full":"حسن نصر الله","kind":"primary"}],"birth_dates":[{"raw":"circa 1960"}],"measures":{}}`))
	f.Add([]byte(`{"id":"DOC-1","subject":"document","documents":[{"type":"passport","number":"L898902C3","country":"UTO"}],"measures":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "crosscheck-jsonl", data) })
}

func FuzzDocumentsCSV(f *testing.F) {
	f.Add([]byte("issuing_country,type,number,status,reported_on\nDEU,passport,C01X00T47,stolen,2024-03-01\nGBR,passport,\"0075258 \",revoked,\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "documents-csv", data) })
}

// BenchmarkCrosscheckCSV parses a generated 1,000,000-entry list; the
// target is at least 100,000 entries/s.
func BenchmarkCrosscheckCSV(b *testing.B) {
	const n = 1_000_000
	var buf bytes.Buffer
	buf.WriteString("id,subject,name,aliases,birth_dates,nationalities,gender,documents,travel_ban\n")
	for i := range n {
		fmt.Fprintf(&buf, "N%07d,person,Person Number %d,Alias %d|Other %d,19%02d-%02d-%02d,DEU,M,passport:DEU:C%08d,true\n",
			i, i, i, i, i%100, i%12+1, i%28+1, i)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	cpu := cpuSeconds()
	b.ResetTimer()
	for b.Loop() {
		count := 0
		err := Read("crosscheck-csv", bytes.NewReader(data), func(matcher.Entry) error { count++; return nil })
		if err != nil || count != n {
			b.Fatalf("got %d entries, %v", count, err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
	if used := cpuSeconds() - cpu; used > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/used, "entries/cpu-s")
	}
}
