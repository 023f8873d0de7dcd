package loaders

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

// sharedLists are real files too large (or too many) to copy into
// testdata. The test runs when the shared data set sits next to the
// repository, and skips in a fresh clone. Counts are from PROVENANCE.tsv.
var sharedLists = []struct {
	format, path string
	entries      int
}{
	{"un-xml", "un/consolidated-2018.xml", 703 + 390},
	{"ofac-csv", "ofac/sdn-2024/sdn-2024-05-03.csv", 14965},
	{"ofac-csv", "ofac/sdn-2024/sdn-2024-04-26.csv", 14668},
	{"ofac-csv", "ofac/cons-2021/cons_prim.csv", 442},
	{"ofac-csv", "ofac/cons-2018/cons_prim.csv", 639},
	{"ofac-csv", "ofac/sdn-small/sdn.csv", 17},
}

func TestSharedListCounts(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "data", "lists")
	if _, err := os.Stat(root); err != nil {
		t.Skip("shared data absent:", err)
	}
	for _, c := range sharedLists {
		f, err := os.Open(filepath.Join(root, c.path))
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		n := 0
		err = Read(c.format, f, func(matcher.Entry) error { n++; return nil })
		f.Close()
		if err != nil || n != c.entries {
			t.Errorf("%s: got %d entries, %v; want %d", c.path, n, err, c.entries)
		}
	}
}
