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

const ofac2021 = "ofac/sdn-2021/"

// readOFAC parses the 2021 set with the given parts.
func readOFAC(t *testing.T, parts ...string) map[string]matcher.Entry {
	t.Helper()
	files := map[string]string{"sdn": "sdn.csv", "alt": "alt.csv", "add": "add.csv", "comments": "sdn_comments.csv"}
	readers := map[string]io.Reader{}
	for _, p := range parts {
		readers[p] = listFile(t, ofac2021+files[p])
	}
	byID := map[string]matcher.Entry{}
	err := ReadParts("ofac-csv", readers, func(e matcher.Entry) error {
		byID[e.ID] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return byID
}

func TestOFACCSVFullSet(t *testing.T) {
	byID := readOFAC(t, "sdn", "alt", "add", "comments")
	counts := map[matcher.SubjectType]int{}
	for _, e := range byID {
		counts[e.Subject]++
	}
	want := map[matcher.SubjectType]int{matcher.SubjectPerson: 4620, matcher.SubjectOrganization: 3673, matcher.SubjectVessel: 406, matcher.SubjectAircraft: 277}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("%s: got %d, want %d (all: %v)", k, counts[k], n, counts)
		}
	}
	for _, c := range []struct {
		id    string
		check func(e matcher.Entry) bool
	}{
		{"2686", func(e matcher.Entry) bool { // NASRALLAH: 4 DOBs, POB, passport, gender from Remarks
			d := findDoc(e, "042833")
			return e.Names[0].Full == "Hasan NASRALLAH" && len(e.BirthDates) == 4 &&
				hasBirth(e, "1953-08-31", "1953-08-31", matcher.PrecisionDay) && e.Gender == "M" &&
				d != nil && d.Country == "LBN" && d.Type == matcher.DocPassport &&
				e.BirthPlaces[0].Country == "LBN" && len(e.Programs) == 2 && strings.Contains(e.Remarks, "Linked To: HIZBALLAH")
		}},
		{"306", func(e matcher.Entry) bool { // strong alt.csv alias, weak Remarks alias, 4 addresses
			return hasName(e, "NATIONAL BANK OF CUBA", "Latn", matcher.NameAlias, matcher.QualityStrong) &&
				hasName(e, "BNC", "Latn", matcher.NameAlias, matcher.QualityWeak) && len(e.Addresses) == 4 &&
				e.Addresses[0].Country == "CHE" && e.Remarks == ""
		}},
		{"28264", func(e matcher.Entry) bool { // Remarks continue in sdn_comments.csv mid-word
			d := findDoc(e, "210302198701102136")
			return d != nil && d.Country == "CHN" && hasName(e, "blackjack1987", "Latn", matcher.NameAlias, matcher.QualityWeak)
		}},
		{"36", func(e matcher.Entry) bool {
			return e.Subject == matcher.SubjectOrganization && e.Programs[0] == "CUBA" && e.Addresses[0].City == "Havana"
		}},
	} {
		if e, ok := byID[c.id]; !ok || !c.check(e) {
			t.Errorf("%s: unexpected entry %+v", c.id, e)
		}
	}
}

func TestOFACCSVSDNAlone(t *testing.T) {
	list, byID := readAll(t, "ofac-csv", ofac2021+"sdn.csv")
	if len(list) != 8976 {
		t.Fatalf("got %d entries, want 8976", len(list))
	}
	if e := byID["28264"]; findDoc(e, "210302198701102136") != nil {
		t.Error("28264: document from sdn_comments.csv found without that part")
	}
}

func TestOFACCSVErrors(t *testing.T) {
	whole, err := os.ReadFile(filepath.Join("..", "testdata", "lists", ofac2021, "sdn.csv"))
	if err != nil {
		t.Skip(err)
	}
	first := strings.SplitAfterN(string(whole), "\n", 3)
	two := first[0] + first[1]
	for _, c := range []struct{ name, data, want string }{
		{"empty", "", "no entries"},
		{"only eof byte", "\x1a", "no entries"},
		{"truncated", string(whole[:len(whole)/3]), "truncated"},
		{"cut mid-row", two + first[2][:20], "want 12 columns"},
		{"other format", "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST/>", "not an OFAC sdn.csv"},
		{"invalid utf8", strings.Replace(two, "AEROCARIBBEAN", "AERO\xffCARIBBEAN", 1), "line 1, column 4"},
		{"duplicate", two + first[0], "twice"},
		{"bad ent_num", strings.Replace(two, "36,", "x36,", 1), "ent_num"},
		{"no name", strings.Replace(two, `"AEROCARIBBEAN AIRLINES"`, "-0- ", 1), "SDN_Name"},
	} {
		_, err := readString("ofac-csv", c.data)
		var le *Error
		if !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want *Error containing %q", c.name, err, c.want)
		}
	}
	err = ReadParts("ofac-csv", map[string]io.Reader{"sdn": strings.NewReader(two), "alt": strings.NewReader("36,12,\"aka\"\n")}, func(matcher.Entry) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "(alt): line 1") {
		t.Errorf("short alt row: got %v", err)
	}
	err = ReadParts("ofac-csv", map[string]io.Reader{"alt": strings.NewReader("")}, func(matcher.Entry) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "required part missing") {
		t.Errorf("missing sdn part: got %v", err)
	}
}

func FuzzOFACCSV(f *testing.F) {
	f.Add([]byte("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\r\n\x1a"))
	f.Add([]byte("2686,\"NASRALLAH, Hasan\",\"individual\",\"SDGT] [SYRIA\",\"Secretary General\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 31 Aug 1960; alt. DOB circa 1953-1958; POB Al Basuriyah, Lebanon; Gender Male; Passport 042833 (Lebanon) issued 01 Jan 2000 expires 2010; nationality Congo, Democratic Republic of the.\"\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "ofac-csv", data) })
}
