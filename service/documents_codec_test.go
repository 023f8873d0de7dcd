package service

import (
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

func codecRecords() []matcher.Entry {
	plain := matcher.Entry{ID: "DEU:passport:C01X00T47", Subject: matcher.SubjectDocument, ListedOn: "2024-03-01",
		Documents: []matcher.Document{{Type: matcher.DocPassport, TypeRaw: "passport", Number: "C01X00T47", Country: "DEU", Status: matcher.StatusStolen}}}
	odd := matcher.Entry{ID: "own:7", Subject: matcher.SubjectDocument, DelistedOn: "2025-01-01",
		Documents: []matcher.Document{{Type: "seaman_book", TypeRaw: "Seemannsbuch", Number: "C01X 00T47", Country: "", Status: "suspended"}}}
	return []matcher.Entry{plain, odd}
}

// Records come back from their encoding field for field, the unusual
// ones (published number, own id, unknown type and status) included.
func TestDocumentCodecRoundTrip(t *testing.T) {
	records := codecRecords()
	data := EncodeDocuments("C01X00T47", records)
	got, err := DecodeDocuments("C01X00T47", data)
	if err != nil || !reflect.DeepEqual(got, records) {
		t.Fatalf("decoded %+v, %v\nwant %+v", got, err, records)
	}
	if n := len(EncodeDocuments("C01X00T47", records[:1])); n > 16 {
		t.Errorf("a plain SLTD record takes %d bytes, want at most 16", n)
	}
}

// Stored bytes that crosscheck did not write give an error, never a
// panic or a made-up record.
func FuzzDecodeDocuments(f *testing.F) {
	f.Add("C01X00T47", EncodeDocuments("C01X00T47", codecRecords()))
	f.Add("X", []byte{0xff, 0x03})
	f.Fuzz(func(t *testing.T, number string, data []byte) {
		got, err := DecodeDocuments(number, data)
		if err != nil {
			return
		}
		again, err := DecodeDocuments(number, EncodeDocuments(number, got))
		if err != nil || !reflect.DeepEqual(again, got) {
			t.Fatalf("re-encoding %+v gave %+v, %v", got, again, err)
		}
	})
}
