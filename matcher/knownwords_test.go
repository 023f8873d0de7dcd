package matcher

import (
	"reflect"
	"testing"
)

// A listed word's analysis is the one a query would compute for the same
// text, which is what lets a query take it ready (knownWords).
func TestListedWordAnalysisIsTheQueryAnalysis(t *testing.T) {
	x := testIndex(t)
	v := x.vocab
	for id := uint32(1); int(id) <= len(v.words); id++ {
		w := v.word(id)
		if got := (knownWords{x}).token(w.text); !reflect.DeepEqual(got, newToken(w.text)) {
			t.Errorf("%s: listed %+v, computed %+v", w.text, got, newToken(w.text))
		}
	}
	if got, want := (knownWords{nil, x}).token("UNLISTEDWORD"), newToken("UNLISTEDWORD"); !reflect.DeepEqual(got, want) {
		t.Errorf("unlisted word: %+v, want %+v", got, want)
	}
}
