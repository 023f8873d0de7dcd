package loaders

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

func TestEUXML(t *testing.T) {
	listA, a := readAll(t, "eu-xml", "eu/eu-fsf-excerpt-a.xml")
	listB, b := readAll(t, "eu-xml", "eu/eu-fsf-excerpt-b.xml")
	// excerpt a holds 5 sanctionEntity; 999999 has no name and no document
	if len(listA) != 4 || len(listB) != 3 {
		t.Fatalf("got %d and %d entries, want 4 and 3", len(listA), len(listB))
	}
	for _, c := range []struct {
		e     matcher.Entry
		check func(e matcher.Entry) bool
	}{
		{a["13"], func(e matcher.Entry) bool {
			return e.Names[0].Full == "Saddam Hussein Al-Tikriti" && e.Names[0].Kind == matcher.NamePrimary && e.Gender == "M" &&
				hasBirth(e, "1937-04-28", "1937-04-28", matcher.PrecisionDay) && e.Nationalities[0].Code == "IRQ" &&
				hasName(e, "Abou Ali", "Latn", matcher.NameAlias, matcher.QualityStrong) && e.Programs[0] == "IRQ"
		}},
		{a["191"], func(e matcher.Entry) bool { // passport with country "00": unknown
			d := findDoc(e, "488555")
			return d != nil && d.Country == "" && d.Type == matcher.DocPassport && len(e.BirthDates) == 2 &&
				e.Names[5].Full == "Khalid Sheikh MOHAMMED" && e.Names[5].Kind == matcher.NamePrimary
		}},
		{a["330"], func(e matcher.Entry) bool {
			return slices.ContainsFunc(e.Names, func(n matcher.Name) bool { return n.Script == "Cyrl" && n.Lang == "bg" }) && e.ListedOn == "2001-10-06"
		}},
		{b["521"], func(e matcher.Entry) bool { // circa + year range
			return hasBirth(e, "1953-01-01", "1958-12-31", matcher.PrecisionRange) && e.BirthDates[0].Approximate && len(e.BirthPlaces) == 2
		}},
		{b["6106"], func(e matcher.Entry) bool { // UN cross reference, travel ban in remark
			d := findDoc(e, "FK117RK0")
			return d != nil && d.Country == "LBY" && d.Expires == "2026-11-24" && e.Measures.TravelBan &&
				slices.Contains(e.CrossRefs, matcher.CrossRef{Scheme: "UN_REF", Value: "LYi.006"}) &&
				hasName(e, "ABÚ ZAJD UMAR DÚRDA", "Latn", matcher.NameAlias, matcher.QualityStrong)
		}},
		{b["6177"], func(e matcher.Entry) bool { // Hijri DOB uses the Gregorian attribute; "low quality aliias"
			d := findDoc(e, "F654645")
			return d != nil && d.Status == matcher.StatusExpired && d.Expires == "2010-03-07" &&
				hasBirth(e, "1982-04-19", "1982-04-19", matcher.PrecisionDay) && !hasBirth(e, "1402-01-01", "1402-12-31", matcher.PrecisionYear) &&
				hasName(e, "إبراهيم حسن طالع عسيري", "Arab", matcher.NameAlias, matcher.QualityStrong) &&
				hasName(e, "Abu-Salaah", "Latn", matcher.NameAlias, matcher.QualityWeak) && e.Names[6].Full == "Ibrahim Hassan Al Asiri" && e.Names[6].Kind == matcher.NamePrimary
		}},
	} {
		if !c.check(c.e) {
			t.Errorf("%s: unexpected entry %+v", c.e.ID, c.e)
		}
	}
}

func TestEUXMLErrors(t *testing.T) {
	whole, err := os.ReadFile(filepath.Join("..", "testdata", "lists", "eu", "eu-fsf-excerpt-b.xml"))
	if err != nil {
		t.Skip(err)
	}
	for _, c := range []struct{ name, data, want string }{
		{"empty", "", "empty file"},
		{"truncated", string(whole[:len(whole)*2/3]), "truncated"},
		{"other format", "<sdnList/>", "want export"},
		{"only nameless", `<export><sanctionEntity logicalId="1"/></export>`, "no entries"},
		{"bad date", `<export><sanctionEntity logicalId="1" designationDate="31/12/2001"><nameAlias wholeName="X"/></sanctionEntity></export>`, "designationDate"},
		{"no id", `<export><sanctionEntity><nameAlias wholeName="X"/></sanctionEntity></export>`, "logicalId"},
	} {
		_, err := readString("eu-xml", c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want error containing %q", c.name, err, c.want)
		}
	}
}

func FuzzEUXML(f *testing.F) {
	f.Add([]byte(`<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity logicalId="6177" unitedNationId="LYi.006" designationDate="2011-03-24"><subjectType code="person"/><nameAlias firstName="Abu" lastName="Saleh" wholeName="Abu  Saleh" strong="true" nameLanguage="EN" gender="M"><remark>low quality aliias</remark></nameAlias><birthdate circa="true" calendarType="ISLAMIC" birthdate="1982-04-19" dayOfMonth="24" monthOfYear="6" year="1402" countryIso2Code="00"/><birthdate yearRangeFrom="1953" yearRangeTo="1958" city="-"/><identification knownExpired="true" number="F654645" validTo="2010-03-07" identificationTypeCode="passport" countryIso2Code="CS"/></sanctionEntity></export>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "eu-xml", data) })
}
