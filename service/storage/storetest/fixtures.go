package storetest

import (
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

// base is the load time of the first fixture version; later versions are
// a minute apart so that save order and time order agree.
var base = time.Date(2025, 3, 1, 12, 0, 0, 123456789, time.UTC)

// version makes the metadata of version n of a list, every field set so
// that a store dropping one is caught.
func version(listID, id string, n, entries int) service.ListVersion {
	return service.ListVersion{
		ListID:   listID,
		Version:  id,
		Name:     "Consolidated list " + listID,
		Format:   "un-xml",
		Kind:     "persons",
		SHA256:   fmt.Sprintf("%064x", n+1),
		Entries:  entries,
		LoadedAt: base.Add(time.Duration(n) * time.Minute),
		Policy:   &matcher.Policy{Review: 0.8, Hit: 0.9 + float64(n)/100},
	}
}

// richEntries are entries with every field of matcher.Entry set, several
// scripts and qualities, partial and ranged dates, documents and
// measures, followed by a bare entry to check that empty fields stay empty.
func richEntries() []matcher.Entry {
	return []matcher.Entry{richPerson(), richDocument(), {ID: "bare", Subject: matcher.SubjectPerson}}
}

func richPerson() matcher.Entry {
	return matcher.Entry{
		ID:      "QDi.001",
		Subject: matcher.SubjectPerson,
		Names: []matcher.Name{
			{Full: "Hasan NASRALLAH", Parts: []string{"Hasan", "NASRALLAH"}, Script: "Latn", Lang: "en", Kind: matcher.NamePrimary, Quality: matcher.QualityStrong},
			{Full: "حسن نصرالله", Script: "Arab", Lang: "ar", Kind: matcher.NameVariation},
			{Full: "Хасан Насралла", Script: "Cyrl", Lang: "ru", Kind: matcher.NameAlias, Quality: matcher.QualityWeak},
			{Full: "Abu Hadi", Kind: matcher.NameFormer},
		},
		BirthDates: []matcher.BirthDate{
			{From: "1960-08-31", To: "1960-08-31", Precision: matcher.PrecisionDay, Raw: "31 Aug 1960"},
			{From: "1958-01-01", To: "1962-12-31", Precision: matcher.PrecisionRange, Approximate: true, Raw: "circa 1958-1962"},
		},
		BirthPlaces:   []matcher.Place{{Full: "Bourj Hammoud, Lebanon", City: "Bourj Hammoud", Region: "Beirut", Country: "LBN", Raw: "Bourj Hammoud"}},
		Nationalities: []matcher.Country{{Code: "LBN", Raw: "Lebanese"}, {Raw: "stateless?"}},
		Gender:        "M",
		Documents: []matcher.Document{{
			Type: matcher.DocPassport, TypeRaw: "Passport", Number: "0075258", Country: "LBN",
			Status: matcher.StatusValid, Issued: "2001-02-03", Expires: "2011-02-02", Note: "issued in Beirut",
		}},
		Addresses:  []matcher.Place{{Full: "Haret Hreik, Beirut", Country: "LBN"}},
		Programs:   []string{"SDGT", "UN 1267"},
		Measures:   matcher.Measures{TravelBan: true, AssetFreeze: true, ArmsEmbargo: true},
		ListedOn:   "2001-10-31",
		DelistedOn: "2024-01-15",
		Remarks:    "Leader of an organisation; \"quoted\" text and a\nnewline.",
		CrossRefs:  []matcher.CrossRef{{Scheme: "un", Value: "QDi.001"}, {Scheme: "ofac", Value: "12345"}},
		Extra:      []matcher.SourceField{{Key: "title", Value: "Sheikh"}},
	}
}

func richDocument() matcher.Entry {
	return matcher.Entry{
		ID:      "SLTD-9",
		Subject: matcher.SubjectDocument,
		Documents: []matcher.Document{
			{Type: matcher.DocNationalID, Number: "AB 123-456", Country: "DEU", Status: matcher.StatusStolenBlank},
			{Type: matcher.DocTravel, Number: "X1", Status: matcher.StatusLost},
		},
		Measures: matcher.Measures{TravelBan: true},
	}
}

// bulkEntries makes n distinct entries; each carries its index in its id
// and name so that a reordering shows.
func bulkEntries(n int) []matcher.Entry {
	out := make([]matcher.Entry, n)
	for i := range out {
		out[i] = matcher.Entry{
			ID:         fmt.Sprintf("bulk-%05d", i),
			Subject:    matcher.SubjectPerson,
			Names:      []matcher.Name{{Full: fmt.Sprintf("Person Number %d", i), Script: "Latn"}},
			BirthDates: []matcher.BirthDate{{From: "1970-01-01", To: "1970-12-31", Precision: matcher.PrecisionYear}},
			Documents:  []matcher.Document{{Type: matcher.DocPassport, Number: fmt.Sprintf("P%07d", i), Country: "FRA"}},
		}
	}
	return out
}
