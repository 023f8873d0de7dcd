package loaders

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

// listFile opens a copy of a real list under testdata/lists. The copies
// live in the repository, so the tests run in a fresh clone.
func listFile(t testing.TB, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "lists", name))
	if err != nil {
		t.Skipf("test list missing: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// readAll parses a whole file and returns its entries by id, in order.
func readAll(t testing.TB, format, name string) ([]matcher.Entry, map[string]matcher.Entry) {
	t.Helper()
	var list []matcher.Entry
	err := Read(format, listFile(t, name), func(e matcher.Entry) error {
		list = append(list, e)
		return nil
	})
	if err != nil {
		t.Fatalf("%s %s: %v", format, name, err)
	}
	byID := make(map[string]matcher.Entry, len(list))
	for _, e := range list {
		byID[e.ID] = e
	}
	return list, byID
}

// readString parses an in-memory file and returns the entries and error.
func readString(format, data string) ([]matcher.Entry, error) {
	var list []matcher.Entry
	err := Read(format, strings.NewReader(data), func(e matcher.Entry) error {
		list = append(list, e)
		return nil
	})
	return list, err
}

// fuzzRead is the body of every fuzz test: no panic, and every entry a
// loader accepts passes Validate.
func fuzzRead(t *testing.T, format string, data []byte) {
	_ = Read(format, strings.NewReader(string(data)), func(e matcher.Entry) error {
		if err := Validate(e); err != nil {
			t.Fatalf("accepted entry %q fails validation: %v", e.ID, err)
		}
		return nil
	})
}

func TestUnknownFormat(t *testing.T) {
	err := Read("no-such-format", strings.NewReader("x"), func(matcher.Entry) error { return nil })
	if !errors.Is(err, ErrUnknownFormat) {
		t.Fatalf("got %v, want ErrUnknownFormat", err)
	}
	err = ReadParts("no-such-format", nil, func(matcher.Entry) error { return nil })
	if !errors.Is(err, ErrUnknownFormat) {
		t.Fatalf("ReadParts: got %v, want ErrUnknownFormat", err)
	}
}

func TestFormatsListed(t *testing.T) {
	for _, id := range Formats() {
		if _, ok := registry[id]; !ok {
			t.Errorf("Formats lists %q, which has no reader", id)
		}
	}
	if len(Formats()) == 0 {
		t.Fatal("no formats")
	}
}

func TestEmitErrorStopsReading(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read("un-xml", listFile(t, "un/consolidated-2026-02-27.xml"), func(matcher.Entry) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Fatalf("got %v after %d entries, want the emit error after 1", err, n)
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		" GEDO ":         "GEDO",
		"Abu  Zayd":      "Abu Zayd",
		"a\u00a0b\r\n c": "a b c",
		"\ufeffname":     "name",
		"Cafe\u0301":     "Café",
		"plain":          "plain",
		"National Identification\n        Number": "National Identification Number",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCountryCode(t *testing.T) {
	for in, want := range map[string]string{
		"Democratic Republic of the Congo":      "COD",
		"Congo":                                 "COG",
		"Iran (Islamic Republic of)":            "IRN",
		"Türkiye":                               "TUR",
		"Democratic People's Republic of Korea": "PRK",
		"United Kingdom of Great Britain and Northern Ireland": "GBR",
		"State of Palestine":                                      "PSE",
		"Indonesia (as at Dec. 2003)":                             "IDN",
		"United States. Also believed to hold Syrian nationality": "USA",
		"de":                  "DEU",
		"RUS":                 "RUS",
		"Korea":               "",
		"former Soviet Union": "",
	} {
		if got := countryCode(in); got != want {
			t.Errorf("countryCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTextDate(t *testing.T) {
	for _, c := range []struct{ in, from, to string }{
		{"1971", "1971-01-01", "1971-12-31"},
		{"Nov. 1973 ", "1973-11-01", "1973-11-30"},
		{"28 Apr 1978", "1978-04-28", "1978-04-28"},
		{"March 22, 2018", "2018-03-22", "2018-03-22"},
		{"circa 1953-1958", "1953-01-01", "1958-12-31"},
		{"Between Aug. and Sep. 1977", "1977-08-01", "1977-09-30"},
		{"00/00/1968", "1968-01-01", "1968-12-31"},
		{"dd/09/1958", "1958-09-01", "1958-09-30"},
		{"15/07/1975", "1975-07-15", "1975-07-15"},
		{"1960-02", "1960-02-01", "1960-02-29"},
		{"01 Jan 1960 to 31 Dec 1962", "1960-01-01", "1962-12-31"},
	} {
		d, ok := textDate(c.in)
		if !ok || d.From != c.from || d.To != c.to {
			t.Errorf("textDate(%q) = %+v %v, want %s..%s", c.in, d, ok, c.from, c.to)
		}
	}
	for _, bad := range []string{"", "30-35 years old", "24/06/1402 (Hijri Calendar)", "31 Feb 1970", "Sep."} {
		if d, ok := textDate(bad); ok {
			t.Errorf("textDate(%q) = %+v, want failure", bad, d)
		}
	}
}

func TestDocType(t *testing.T) {
	for in, want := range map[string]matcher.DocumentType{
		"Passport":                       matcher.DocPassport,
		"Diplomatic Passport":            matcher.DocDiplomaticPassport,
		"CAR diplomatic passport no.":    matcher.DocDiplomaticPassport,
		"National Identification Number": matcher.DocNationalID,
		"national_id":                    matcher.DocNationalID,
		"Numéro de passeport ":           matcher.DocPassport,
		"Número de pasaporte":            matcher.DocPassport,
		"Travel Document Number":         matcher.DocTravel,
		"residence_permit":               matcher.DocResidence,
		"Cedula No.":                     matcher.DocNationalID,
		"D.N.I.":                         matcher.DocNationalID,
		"Ration card":                    matcher.DocOther,
		"":                               "",
	} {
		if got := docType(in); got != want {
			t.Errorf("docType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadPartsNames(t *testing.T) {
	noop := func(matcher.Entry) error { return nil }
	sdn := `36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ` + "\r\n"
	// a single-file format takes "file"; ofac-csv takes "file" as its sdn part
	if err := ReadParts("ofac-csv", map[string]io.Reader{"file": strings.NewReader(sdn)}, noop); err != nil {
		t.Errorf("ofac-csv file part: %v", err)
	}
	if err := ReadParts("crosscheck-csv", map[string]io.Reader{"file": strings.NewReader("id,name\nA,B\n")}, noop); err != nil {
		t.Errorf("crosscheck-csv file part: %v", err)
	}
	err := ReadParts("crosscheck-csv", map[string]io.Reader{"sdn": strings.NewReader("id,name\nA,B\n")}, noop)
	if err == nil || !strings.Contains(err.Error(), "unknown part") {
		t.Errorf("wrong part name: got %v", err)
	}
}
