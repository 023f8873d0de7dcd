package matcher

import (
	"slices"
	"testing"
)

// TestShortLooseSkeletonKey: a word whose loose skeleton is one letter
// (DAVE: the medial V goes) is still filed under its fine skeleton, so
// that the Hebrew consonants of the same name (דייב DYV), which the
// skeleton rule scores, find it; without the key the candidate stage
// never scores the pair.
func TestShortLooseSkeletonKey(t *testing.T) {
	tests := []struct {
		listed, query string
		shareKey      bool
	}{
		{"DAVE", "DYV", true},
		{"ZEEV", "ZV", true},
		{"DAVE", "DAN", false},
	}
	for _, tc := range tests {
		t.Run(tc.listed+"~"+tc.query, func(t *testing.T) {
			listed := soundKeyHashes(newToken(tc.listed), false)
			shared := false
			for _, k := range soundKeyHashes(newToken(tc.query), true) {
				shared = shared || slices.Contains(listed, k)
			}
			if shared != tc.shareKey {
				t.Errorf("%s and %s share a key: %v, want %v", tc.listed, tc.query, shared, tc.shareKey)
			}
		})
	}
	idx, err := NewIndex([]Entry{{ID: "X1", Subject: SubjectPerson, Names: []Name{{Full: "Dave Eggers"}}}}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if hits := idx.Check(Query{Names: []string{"דייב אגרס"}}); len(hits) == 0 {
		t.Errorf("דייב אגרס: no alert for the listed Dave Eggers")
	}
}
