package matcher

import (
	"slices"
	"testing"
)

// On a list of sanctions-list size every listed word's similar words are
// found at build time, and they are exactly what a check's scan would
// find, so taking them ready changes no score.
func TestSmallListNeighboursAreTheScan(t *testing.T) {
	var entries []Entry
	for i, n := range []string{"Hasan NASRALLAH", "Hassan Nasrullah", "Husain Hasan", "Muhammad Ali", "Mohammed Aly", "Germain Katanga", "Jermaine Katanga"} {
		entries = append(entries, Entry{ID: string(rune('A' + i)), Subject: SubjectPerson, Names: []Name{{Full: n}}})
	}
	x, err := NewIndex(entries, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	v := x.vocab
	checked := 0
	for id := uint32(1); int(id) <= len(v.words); id++ {
		w := v.word(id)
		got, ok := v.common.neighbours[id]
		if !w.meaningful() {
			if ok {
				t.Errorf("%s is not a meaningful word but has neighbours", w.text)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: no neighbours found at build time on a %d-word list", w.text, len(v.words))
			continue
		}
		sc := newScratch(len(x.forms), len(v.words), true)
		if want := v.scan(sc, *w, false, nil); !slices.Equal(got, want) {
			t.Errorf("%s: build time %v, scan %v", w.text, got, want)
		}
		checked++
	}
	if checked < 10 {
		t.Fatalf("only %d words checked", checked)
	}
}
