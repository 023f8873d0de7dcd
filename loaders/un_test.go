package loaders

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

const un2026 = "un/consolidated-2026-02-27.xml"

func TestUNCounts(t *testing.T) {
	list, _ := readAll(t, "un-xml", un2026)
	var persons, orgs, original int
	for _, e := range list {
		switch e.Subject {
		case matcher.SubjectPerson:
			persons++
			if slices.ContainsFunc(e.Names, func(n matcher.Name) bool { return n.Script != "Latn" }) {
				original++
			}
		case matcher.SubjectOrganization:
			orgs++
		}
	}
	if persons != 730 || orgs != 273 || original != 336 {
		t.Fatalf("got %d individuals (%d with original script), %d entities; want 730 (336), 273", persons, original, orgs)
	}
}

func TestUNEntries(t *testing.T) {
	_, byID := readAll(t, "un-xml", un2026)
	for _, c := range []struct {
		id    string
		check func(e matcher.Entry) bool
	}{
		{"CDi.006", func(e matcher.Entry) bool {
			return e.Names[0].Full == "GERMAIN KATANGA" && e.BirthDates[0].From == "1978-04-28" &&
				e.BirthDates[0].Precision == matcher.PrecisionDay && e.Nationalities[0].Code == "COD" &&
				e.Measures.TravelBan && e.Measures.AssetFreeze && e.Programs[0] == "DRC"
		}},
		{"CDi.004", func(e matcher.Entry) bool { // month only in NOTE: "Nov. 1973 "
			return hasBirth(e, "1973-11-01", "1973-11-30", matcher.PrecisionMonth)
		}},
		{"CFi.009", func(e matcher.Entry) bool { // Joseph Kony: 10 DOBs, 3 of them months given only in NOTE
			return len(e.BirthDates) == 10 && hasBirth(e, "1964-09-18", "1964-09-18", matcher.PrecisionDay) &&
				hasBirth(e, "1961-08-01", "1961-08-31", matcher.PrecisionMonth)
		}},
		{"TAi.002", func(e matcher.Entry) bool { // BETWEEN + NOTE Approximately
			return hasBirth(e, "1955-01-01", "1958-12-31", matcher.PrecisionRange) && e.BirthDates[0].Approximate
		}},
		{"QDi.352", func(e matcher.Entry) bool { return e.ListedOn == "2015-04-07" }}, // "2015-04-07-04:00"
		{"KPe.023", func(e matcher.Entry) bool { // "KPe.023 " trimmed
			return e.Subject == matcher.SubjectOrganization && e.Names[0].Full == "DAEDONG CREDIT BANK (DCB)" && !e.Measures.TravelBan
		}},
		{"QDi.290", func(e matcher.Entry) bool {
			return hasName(e, "Умаров Доку Хаматович", "Cyrl", matcher.NameAlias, matcher.QualityStrong) &&
				slices.Equal(e.Names[0].Parts, []string{"DOKU", "KHAMATOVICH", "UMAROV"})
		}},
		{"IRi.010", func(e matcher.Entry) bool { // "Halen Bakhtiar; Haleh Bakhtiari; Haleh Bakhtiyar"
			return hasName(e, "Halen Bakhtiar", "Latn", matcher.NameAlias, matcher.QualityStrong) &&
				hasName(e, "Haleh Bakhtiyar", "Latn", matcher.NameAlias, matcher.QualityStrong)
		}},
		{"QDe.168", func(e matcher.Entry) bool {
			return hasName(e, "JANNAT OSHIKLARI", "Latn", matcher.NameFormer, matcher.QualityStrong)
		}},
		{"GBi.001", func(e matcher.Entry) bool { // COUNTRY_OF_ISSUE, expiry in NOTE
			d := findDoc(e, "AAID00437")
			return d != nil && d.Type == matcher.DocPassport && d.Country == "GNB" && d.Issued == "2010-02-18" && d.Expires == "2013-02-18"
		}},
		{"CFi.006", func(e matcher.Entry) bool { // number inside prose
			d := findDoc(e, "D00000898")
			return d != nil && d.Type == matcher.DocDiplomaticPassport && d.Expires == "2018-04-10"
		}},
		{"QDi.080", func(e matcher.Entry) bool { // Said Bahaji, German passport
			d := findDoc(e, "28642163")
			return d != nil && d.Country == "DEU" && hasBirth(e, "1975-07-15", "1975-07-15", matcher.PrecisionDay) &&
				slices.ContainsFunc(e.Names, func(n matcher.Name) bool { return n.Quality == matcher.QualityWeak })
		}},
	} {
		e, ok := byID[c.id]
		if !ok {
			t.Errorf("%s missing", c.id)
			continue
		}
		if !c.check(e) {
			t.Errorf("%s: unexpected entry %+v", c.id, e)
		}
	}
}

func TestUNNoPlaceholdersOrPadding(t *testing.T) {
	list, _ := readAll(t, "un-xml", un2026)
	for _, e := range list {
		for _, n := range e.Names {
			if n.Full == "" || strings.TrimSpace(n.Full) != n.Full {
				t.Fatalf("%s: bad name %q", e.ID, n.Full)
			}
		}
	}
}

func TestUNErrors(t *testing.T) {
	whole, err := os.ReadFile(filepath.Join("..", "testdata", "lists", un2026))
	if err != nil {
		t.Skip(err)
	}
	one := unSnippet(t, whole)
	for _, c := range []struct {
		name, data, want string
		is               error
	}{
		{"empty", "", "empty file", ErrNoEntries},
		{"no entries", "<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>", "no entries", ErrNoEntries},
		{"truncated", string(whole[:len(whole)/2]), "truncated", nil},
		{"other format", `"36","AEROCARIBBEAN AIRLINES","-0-","CUBA"`, "right format", nil},
		{"other xml", `<sdnList><sdnEntry/></sdnList>`, "want CONSOLIDATED_LIST", nil},
		{"invalid utf8", strings.Replace(one, "ERIC", "ER\xffIC", 1), "line 7", nil},
		{"duplicate", strings.Replace(one, "</INDIVIDUALS>", unIndividual(one)+"</INDIVIDUALS>", 1), "twice", ErrDuplicateID},
		{"no reference", strings.Replace(one, "CDi.001", " ", 1), "REFERENCE_NUMBER", nil},
		{"bad listed_on", strings.Replace(one, "2012-12-31", "31/12/2012", 1), "LISTED_ON", nil},
	} {
		_, err := readString("un-xml", c.data)
		var le *Error
		if !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) || (c.is != nil && !errors.Is(err, c.is)) {
			t.Errorf("%s: got %v, want *Error containing %q", c.name, err, c.want)
		}
	}
}

func TestUNBOMAndCRLF(t *testing.T) {
	whole, err := os.ReadFile(filepath.Join("..", "testdata", "lists", un2026))
	if err != nil {
		t.Skip(err)
	}
	data := "\ufeff" + strings.ReplaceAll(unSnippet(t, whole), "\n", "\r\n")
	list, err := readString("un-xml", strings.Replace(data, "BADEGE", "BADEGE\u00a0 ", 1))
	if err != nil || len(list) != 1 || list[0].Names[0].Full != "ERIC BADEGE" {
		t.Fatalf("got %+v, %v", list, err)
	}
}

func FuzzUN(f *testing.F) {
	whole, err := os.ReadFile(filepath.Join("..", "testdata", "lists", un2026))
	if err != nil {
		f.Skip(err)
	}
	f.Add([]byte(unSnippet(f, whole)))
	f.Add([]byte(`<CONSOLIDATED_LIST><ENTITIES><ENTITY><REFERENCE_NUMBER>KPe.023 </REFERENCE_NUMBER><FIRST_NAME>DCB</FIRST_NAME><LISTED_ON>2015-04-07-04:00</LISTED_ON><ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>A; B</ALIAS_NAME></ENTITY_ALIAS></ENTITY></ENTITIES></CONSOLIDATED_LIST>`))
	f.Add([]byte(`<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>X</REFERENCE_NUMBER><FIRST_NAME> GEDO </FIRST_NAME><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1961</YEAR><NOTE>Sep.</NOTE></INDIVIDUAL_DATE_OF_BIRTH><INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>CAR diplomatic passport no. D00000898</NUMBER><NOTE>expired on 13 Sep. 1995</NOTE></INDIVIDUAL_DOCUMENT></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "un-xml", data) })
}

// unSnippet is the real file cut down to its first individual.
func unSnippet(t testing.TB, whole []byte) string {
	s := string(whole)
	end := strings.Index(s, "</INDIVIDUAL>") + len("</INDIVIDUAL>")
	if end < len("</INDIVIDUAL>") {
		t.Fatal("no INDIVIDUAL in the UN file")
	}
	return s[:end] + "</INDIVIDUALS></CONSOLIDATED_LIST>"
}

func unIndividual(snippet string) string {
	start := strings.Index(snippet, "<INDIVIDUAL>")
	end := strings.Index(snippet, "</INDIVIDUAL>") + len("</INDIVIDUAL>")
	return snippet[start:end]
}

func hasBirth(e matcher.Entry, from, to string, p matcher.Precision) bool {
	return slices.ContainsFunc(e.BirthDates, func(d matcher.BirthDate) bool {
		return d.From == from && d.To == to && d.Precision == p
	})
}

func hasName(e matcher.Entry, full, script string, kind matcher.NameKind, q matcher.Quality) bool {
	return slices.ContainsFunc(e.Names, func(n matcher.Name) bool {
		return n.Full == full && n.Script == script && n.Kind == kind && n.Quality == q
	})
}

func findDoc(e matcher.Entry, number string) *matcher.Document {
	for i := range e.Documents {
		if e.Documents[i].Number == number {
			return &e.Documents[i]
		}
	}
	return nil
}
