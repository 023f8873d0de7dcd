package loaders

import (
	"errors"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

func TestFTM(t *testing.T) {
	list, byID := readAll(t, "ftm", "opensanctions/t1/entities.ftm.json")
	// 7 lines: 4 persons, 2 organisations and an Address, which is a detail, not an entry
	persons, orgs := 0, 0
	for _, e := range list {
		switch e.Subject {
		case matcher.SubjectPerson:
			persons++
		case matcher.SubjectOrganization:
			orgs++
		}
	}
	if persons != 4 || orgs != 2 {
		t.Fatalf("got %d persons, %d organisations; want 4 and 2", persons, orgs)
	}
	e := byID["NK-2GdmHtZTeNXjNVrBGEXZNj"]
	if e.Names[0].Full != "RAB „Inter Tobacco“" || e.Names[0].Kind != matcher.NamePrimary || len(e.Names) != 12 ||
		!e.Measures.AssetFreeze || len(e.CrossRefs) != 9 || e.CrossRefs[0] != (matcher.CrossRef{Scheme: "FTM", Value: "ofac-32733"}) {
		t.Errorf("Inter Tobacco: %+v", e)
	}
	for _, e := range list {
		if e.Subject == matcher.SubjectPerson && len(e.Nationalities) > 0 && e.Nationalities[0].Code == "" {
			t.Errorf("%s: nationality %q not mapped", e.ID, e.Nationalities[0].Raw)
		}
	}
}

func TestFTMNested(t *testing.T) {
	data := `{"id":"p1","caption":"Ivan PETROV","schema":"Person","properties":{"name":["Ivan PETROV","Иван Петров"],"birthDate":["1971-01"],"nationality":["ru"],"addressEntity":["a1"],"identification":[{"id":"pp1","schema":"Passport","properties":{"number":["75 1234567"],"country":["ru"],"endDate":["2030-01-31"]}}]}}
{"id":"a1","schema":"Address","properties":{"full":["Moscow, Russia"],"country":["ru"]}}
{"id":"s1","schema":"Sanction","properties":{"entity":["p1"],"program":["RUSSIA-EO14024"],"listingDate":["2022-03-11"],"provisions":["Travel ban"]}}
{"id":"pp2","schema":"Passport","properties":{"holder":["p1"],"number":["C01X00T47"],"country":["de"]}}`
	list, err := readString("ftm", data)
	if err != nil || len(list) != 1 {
		t.Fatalf("got %+v, %v", list, err)
	}
	e := list[0]
	if d := findDoc(e, "75 1234567"); d == nil || d.Type != matcher.DocPassport || d.Country != "RUS" || d.Expires != "2030-01-31" {
		t.Errorf("nested passport: %+v", e.Documents)
	}
	if d := findDoc(e, "C01X00T47"); d == nil || d.Country != "DEU" {
		t.Errorf("flat passport: %+v", e.Documents)
	}
	if len(e.Addresses) != 1 || e.Addresses[0].Country != "RUS" || e.ListedOn != "2022-03-11" || !e.Measures.TravelBan ||
		!hasBirth(e, "1971-01-01", "1971-01-31", matcher.PrecisionMonth) || !hasName(e, "Иван Петров", "Cyrl", matcher.NameAlias, matcher.QualityStrong) {
		t.Errorf("joined entry: %+v", e)
	}
}

func TestFTMErrors(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"empty", "", "no entries"},
		{"only details", `{"id":"a1","schema":"Address","properties":{"full":["x"]}}`, "no entries"},
		{"syntax", `{"id":"p1","schema":"Person",` + "\n", "line 1"},
		{"no id", `{"schema":"Person","properties":{"name":["X"]}}`, "field id: missing"},
		{"no name", `{"id":"p1","schema":"Person","properties":{}}`, "no name"},
		{"duplicate", `{"id":"p1","schema":"Person","properties":{"name":["X"]}}` + "\n" + `{"id":"p1","schema":"Person","properties":{"name":["Y"]}}`, "line 2: entry \"p1\": id appears twice"},
		{"invalid utf8", "{\"id\":\"p\xff\"}", "column 9"},
		{"other format", "<CONSOLIDATED_LIST/>", "not a ftm JSON record"},
	} {
		_, err := readString("ftm", c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want error containing %q", c.name, err, c.want)
		}
	}
}

func TestFTMDelta(t *testing.T) {
	var changes []Change
	for _, v := range []string{"20240527194702-wnk", "20240528014702-pfh", "20240528074703-npf", "20240528134729-3iv"} {
		err := ReadDelta("ftm", listFile(t, "opensanctions/t2/"+v+"/entities.delta.json"), func(c Change) error {
			changes = append(changes, c)
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
	}
	var ops []string
	for _, c := range changes {
		ops = append(ops, string(c.Op)+" "+c.Entry.ID)
	}
	want := "ADD NK-2T3S8Hu29ktYnKSTgQp2wL|ADD NK-2sJaJRaPJcWUfMbHjTtWcL|ADD NK-500Poltergeist|MOD NK-2T3S8Hu29ktYnKSTgQp2wL|DEL NK-500Poltergeist|ADD Q4365364"
	if got := strings.Join(ops, "|"); got != want {
		t.Fatalf("got %s\nwant %s", got, want)
	}
	if e := changes[5].Entry; !hasBirth(e, "1961-11-30", "1961-11-30", matcher.PrecisionDay) || e.Gender != "M" {
		t.Errorf("Q4365364: %+v", e)
	}
	if e := changes[1].Entry; !slicesHasWeak(e) {
		t.Errorf("NK-2sJaJRaPJcWUfMbHjTtWcL: want weak aliases: %+v", e.Names)
	}
}

func slicesHasWeak(e matcher.Entry) bool {
	for _, n := range e.Names {
		if n.Quality == matcher.QualityWeak {
			return true
		}
	}
	return false
}

func TestFTMDeltaErrors(t *testing.T) {
	for _, c := range []struct{ format, data, want string }{
		{"un-xml", `{"op":"DEL","entity":{"id":"x"}}`, "deltas exist for crosscheck-delta, ftm"},
		{"ftm", "", "no changes"},
		{"ftm", `{"op":"PATCH","entity":{"id":"x"}}`, "field op"},
		{"ftm", `{"op":"DEL","entity":{}}`, "entity.id"},
		{"ftm", `{"op":"ADD","entity":{"id":"a1","schema":"Address","properties":{}}}`, "field schema"},
		{"ftm", `{"op":"ADD","entity":{"id":"p1","schema":"Person","properties":{}}}`, "no name"},
	} {
		err := ReadDelta(c.format, strings.NewReader(c.data), func(Change) error { return nil })
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %q: got %v, want error containing %q", c.format, c.data, err, c.want)
		}
	}
	if err := ReadDelta("nope", strings.NewReader(""), nil); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("unknown format: got %v", err)
	}
}

func FuzzFTM(f *testing.F) {
	f.Add([]byte(`{"id":"Q4365364","caption":"Vladimir Nikolaevich PLOTNIKOV","schema":"Person","properties":{"gender":["male"],"birthDate":["1961-11-30","1961"],"name":["Владимир Николаевич ПЛОТНИКОВ"],"weakAlias":["X"],"nationality":["ru"],"identification":[{"id":"pp","schema":"Passport","properties":{"number":["1"]}}]}}` + "\n" + `{"id":"s","schema":"Sanction","properties":{"entity":["Q4365364"],"listingDate":["2022-03-11"]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "ftm", data)
		_ = ReadDelta("ftm", strings.NewReader(string(data)), func(c Change) error {
			if err := Validate(c.Entry); c.Op != DeltaDel && err != nil {
				t.Fatalf("accepted change fails validation: %v", err)
			}
			return nil
		})
	})
}
