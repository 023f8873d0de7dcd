package matcher

import (
	"fmt"
	"reflect"
	"testing"
)

// docListEntries are SLTD records as the documents-csv loader makes them,
// with a person whose passport shares a number with a record.
func docListEntries() []Entry {
	doc := func(id, num, country string, typ DocumentType, st DocumentStatus) Entry {
		return Entry{ID: id, Subject: SubjectDocument, Documents: []Document{{Number: num, Country: country, Type: typ, Status: st}}}
	}
	delisted := doc("DEU:passport:C01X00T47", "C01X00T47", "DEU", DocPassport, StatusLost)
	delisted.DelistedOn = "2025-01-01"
	return []Entry{
		doc("COD:passport:OB0243318", "OB 0243318", "COD", DocPassport, StatusStolen),
		doc("FRA:national_id:OB0243318", "OB0243318", "FRA", DocNationalID, StatusLost),
		doc("ITA:passport:YA1234567", "YA1234567", "ITA", DocDiplomaticPassport, StatusRevoked),
		delisted,
	}
}

// foundIn is what a store holds under each number: every entry with a
// document of that normalised number.
func foundIn(entries []Entry, numbers []string) map[string][]Entry {
	out := map[string][]Entry{}
	for _, n := range numbers {
		for _, e := range entries {
			if NormalizeDocumentNumber(e.Documents[0].Number) == n {
				out[n] = append(out[n], e)
			}
		}
	}
	return out
}

// A list confirmed through a store answers exactly what the in-memory
// index answers for the same records: same hits, scores, decisions and
// evidence.
func TestDocumentListAgreesWithIndex(t *testing.T) {
	entries := docListEntries()
	opts := DefaultOptions()
	idx, err := NewIndex(entries, opts)
	if err != nil {
		t.Fatal(err)
	}
	f := NewDocFilter(len(entries), opts.BloomFPRate)
	for _, e := range entries {
		f.Add(NormalizeDocumentNumber(e.Documents[0].Number))
	}
	list, err := NewDocumentList(f, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		docs  []QueryDocument
		hits  int
		rules []string
	}{
		{"exact, one state", []QueryDocument{{Number: "ob-0243318", Country: "COD", Type: DocPassport}}, 1, []string{"exact"}},
		{"exact, unknown state matches both", []QueryDocument{{Number: "OB0243318"}}, 2, []string{"exact", "exact"}},
		{"other type is another document", []QueryDocument{{Number: "OB0243318", Country: "FRA", Type: DocPassport}}, 0, nil},
		{"ocr variant is a review", []QueryDocument{{Number: "08O243318", Country: "COD"}}, 1, []string{"ocr_confusable"}},
		{"diplomatic passport is a passport", []QueryDocument{{Number: "YA1234567", Type: DocPassport}}, 1, []string{"exact"}},
		{"delisted never alerts", []QueryDocument{{Number: "C01X00T47", Country: "DEU"}}, 0, nil},
		{"unlisted", []QueryDocument{{Number: "X1234567"}}, 0, nil},
		{"two documents", []QueryDocument{{Number: "YA1234567"}, {Number: "OB0243318", Country: "COD"}}, 2, []string{"exact", "exact"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := Query{Documents: tc.docs}
			want := idx.Check(q)
			got := list.Check(q, foundIn(entries, list.Lookups(q)))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("store-confirmed hits differ from the index's:\n got %+v\nwant %+v", got, want)
			}
			if len(got) != tc.hits {
				t.Fatalf("%d hits, want %d", len(got), tc.hits)
			}
			for i, h := range got {
				if h.Explanation.Document.Rule != tc.rules[i] {
					t.Errorf("hit %d rule %q, want %q", i, h.Explanation.Document.Rule, tc.rules[i])
				}
			}
		})
	}
}

// Numbers the filter rules out are never looked up, and a "maybe" that
// the store does not confirm is no hit.
func TestDocumentListLookups(t *testing.T) {
	f := NewDocFilter(10, 0.001)
	f.Add("OB0243318")
	list, err := NewDocumentList(f, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	q := Query{Documents: []QueryDocument{{Number: "OB0243318"}, {Number: "ob 0243318"}, {Number: "ZZ999"}}}
	if got := list.Lookups(q); !reflect.DeepEqual(got, []string{"OB0243318"}) {
		t.Errorf("lookups %v, want the listed number once", got)
	}
	if hits := list.Check(q, nil); len(hits) != 0 {
		t.Errorf("unconfirmed maybe gave hits %+v", hits)
	}
	if _, err := NewDocumentList(nil, DefaultOptions()); err == nil {
		t.Error("NewDocumentList(nil): got nil error")
	}
}

// BenchmarkDocumentListLookups is the in-memory half of a document check
// against a stored list: the filter's answers for a number as read and
// its OCR variants, for an unlisted number (most travellers).
func BenchmarkDocumentListLookups(b *testing.B) {
	const n = 1_000_000
	f := NewDocFilter(n, 0.004)
	for i := range n {
		f.Add(fmt.Sprintf("L%08d", i))
	}
	list, err := NewDocumentList(f, DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	q := Query{Documents: []QueryDocument{{Number: "U1O5S8B0", Country: "DEU"}}}
	b.ResetTimer()
	for range b.N {
		list.Lookups(q)
	}
}
