package loaders

import (
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

const ofsiExcerpt = "uk/ofsi-conlist-2025-04-10-excerpt.csv"

func TestOFSICSV(t *testing.T) {
	list, byID := readAll(t, "uk-ofsi-csv", ofsiExcerpt)
	if len(list) != 7 {
		t.Fatalf("got %d groups, want 7", len(list))
	}
	e := byID["7059"] // BAHAJI: numbered multi-values, Low and Good AKAs, Arabic name
	d := findDoc(e, "28642163")
	if e.Names[0].Full != "Said BAHAJI" || e.Names[0].Kind != matcher.NamePrimary || d == nil || d.Country != "DEU" ||
		len(e.Nationalities) != 2 || e.Nationalities[1].Code != "MAR" || !hasBirth(e, "1975-07-15", "1975-07-15", matcher.PrecisionDay) ||
		!hasName(e, "Mohamed ABBATTAY", "Latn", matcher.NameAlias, matcher.QualityWeak) ||
		!hasName(e, "سعيد باهاجى", "Arab", matcher.NameAlias, matcher.QualityStrong) || findDoc(e, "954242") == nil {
		t.Errorf("7059: %+v", e)
	}
	if e := byID["13720"]; len(e.BirthDates) != 5 || !hasBirth(e, "1969-01-01", "1969-12-31", matcher.PrecisionYear) {
		t.Errorf("13720: want 5 year-only DOBs from 00/00/yyyy: %+v", e.BirthDates)
	}
	if e := byID["15610"]; e.Gender != "M" || !hasName(e, "АБРАМОВ Александр Григорьевич", "Cyrl", matcher.NameAlias, matcher.QualityStrong) {
		t.Errorf("15610: %+v", e)
	}
	if e := byID["13651"]; e.Subject != matcher.SubjectVessel {
		t.Errorf("13651: %+v", e)
	}
	if e := byID["16643"]; e.Names[1].Script != "Hani" || e.Subject != matcher.SubjectOrganization {
		t.Errorf("16643: %+v", e)
	}
}

// The whole 2025 ConList (15 MB) is not copied into testdata; the test
// runs when the shared data set is present.
func TestOFSICSVFull(t *testing.T) {
	f, err := os.Open("../../shared/data/lists/uk/ofsi-conlist-2025-04-10.csv")
	if err != nil {
		t.Skip("shared data absent:", err)
	}
	defer f.Close()
	n := 0
	if err := Read("uk-ofsi-csv", f, func(matcher.Entry) error { n++; return nil }); err != nil || n != 4686 {
		t.Fatalf("got %d groups, %v; want 4686", n, err)
	}
}

func TestOFSICSVErrors(t *testing.T) {
	head := "Last Updated,10/04/2025\nName 6,Name 1,Group Type,Alias Type,Group ID\n"
	for _, c := range []struct{ name, data, want string }{
		{"empty", "", "no entries"},
		{"banner only", "Last Updated,10/04/2025\n", "no entries"},
		{"missing column", "Last Updated,10/04/2025\nName 6,Name 1\n", "line 2: field group id: required column missing"},
		{"bad group id", head + "BAHAJI,Said,Individual,Primary name,x7059\n", "line 3, column 37: field Group ID"},
		{"no name", head + ",,Individual,Primary name,7059\n", "no name"},
		{"invalid utf8", head + "BAH\xffAJI,Said,Individual,Primary name,7059\n", "line 3, column 1"},
		{"other format", "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\n", "required column missing"},
	} {
		_, err := readString("uk-ofsi-csv", c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want error containing %q", c.name, err, c.want)
		}
	}
}

func FuzzOFSICSV(f *testing.F) {
	f.Add([]byte("Last Updated,10/04/2025\r\nName 6,Name 1,Name Non-Latin Script,DOB,Nationality,Passport Number,Passport Details,Group Type,Alias Type,Alias Quality,Other Information,Group ID\r\n" +
		"BAHAJI,Said,سعيد باهاجى,15/07/1975,(1) Germany. (2) Morocco,(1) 28642163 (2) 954242,(1) German provisional (2) Moroccan. Expired.,Individual,Primary name,,(UN Ref):QDi.080. (Gender):Male,7059\r\n" +
		"ABBATTAY,Mohamed,,00/00/1975,,,,Individual,AKA,Low quality,,7059\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "uk-ofsi-csv", data) })
}
