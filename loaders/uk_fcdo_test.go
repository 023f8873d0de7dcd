package loaders

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

// The FCDO excerpt is four real designations, all read.
func TestFCDOXML(t *testing.T) {
	byID := map[string]matcher.Entry{}
	err := Read("uk-fcdo-xml", listFile(t, "uk/fcdo-excerpt.xml"), func(e matcher.Entry) error {
		byID[e.ID] = e
		return nil
	})
	if err != nil || len(byID) != 4 {
		t.Fatalf("got %d entries and error %v, want the 4 designations and no error", len(byID), err)
	}
	e := byID["AFG0011"] // dd/mm placeholder, DOB twice, passport number with a leading space
	if d := findDoc(e, "D0009720"); d == nil || d.Type != matcher.DocDiplomaticPassport || d.Country != "AFG" || d.Expires != "2026-10-12" ||
		len(e.BirthDates) != 2 || !hasBirth(e, "1968-01-01", "1968-12-31", matcher.PrecisionYear) ||
		!hasName(e, "عبد اللطيف منصور", "Arab", matcher.NameAlias, matcher.QualityStrong) || !e.Measures.TravelBan || e.ListedOn != "2001-01-31" {
		t.Errorf("AFG0011: %+v", e)
	}
	e = byID["AQD0128"] // "Primary name", leading-zero national id, dd/09/1958
	if d := findDoc(e, "0075258"); d == nil || d.Type != matcher.DocNationalID || e.Names[0].Kind != matcher.NamePrimary ||
		!hasBirth(e, "1958-09-01", "1958-09-30", matcher.PrecisionMonth) || !hasName(e, "Abu Jarrah", "Latn", matcher.NameAlias, matcher.QualityWeak) {
		t.Errorf("AQD0128: %+v", e)
	}
	if e := byID["AQD0377"]; e.Subject != matcher.SubjectOrganization || e.Measures.TravelBan || !e.Measures.AssetFreeze || e.Names[2].Full != "Jannat Oshiklari" {
		t.Errorf("AQD0377: %+v", e)
	}
	if e := byID["DPR0075"]; e.Subject != matcher.SubjectVessel || len(e.CrossRefs) != 0 {
		t.Errorf("DPR0075: %+v", e)
	}
}

func TestFCDOXMLErrors(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"empty", "", "empty file"},
		{"truncated", "<Designations><Designation><UniqueID>A</UniqueID>", "truncated"},
		{"other format", "<export/>", "want Designations"},
		{"no entries", "<Designations><DateGenerated>14/08/2026</DateGenerated></Designations>", "no entries"},
		// A keyless designation would be a listed person lost: the file is refused there.
		{"no UniqueID", "<Designations>\n<Designation><UniqueID>A1</UniqueID><Names><Name><Name6>ONE</Name6></Name></Names></Designation>\n" +
			"<Designation><Names><Name><Name6>No Unique Id</Name6><NameType>Primary Name</NameType></Name></Names></Designation>\n</Designations>",
			"line 3: <Designations/Designation>: field UniqueID: missing"},
	} {
		_, err := readString("uk-fcdo-xml", c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want error containing %q", c.name, err, c.want)
		}
	}
}

func FuzzFCDOXML(f *testing.F) {
	f.Add([]byte(`<Designations><Designation><UniqueID>AFG0011</UniqueID><OFSIGroupID>7270</OFSIGroupID><DateDesignated>31/01/2001</DateDesignated><Names><Name><Name1>ABDUL</Name1><Name6>MANSUR</Name6><NameType>Primary name</NameType></Name><Name><Name6>X</Name6><NameType>Alias</NameType><AliasStrength>Low quality a.k.a</AliasStrength></Name></Names><IndividualEntityShip>Individual</IndividualEntityShip><SanctionsImposedIndicators><TravelBan>true</TravelBan></SanctionsImposedIndicators><IndividualDetails><Individual><DOBs><DOB>dd/mm/1968</DOB><DOB>dd/09/1958</DOB></DOBs><PassportDetails><Passport><PassportNumber> D0009720</PassportNumber><PassportAdditionalInformation>Afghanistan diplomatic passport, expires 12 Oct. 2026</PassportAdditionalInformation></Passport></PassportDetails></Individual></IndividualDetails></Designation></Designations>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "uk-fcdo-xml", data) })
}
