package loaders

import (
	"io"
	"os"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/matcher/translit"
)

// TestEveryFormatIsReachableByACheck loads each real file, indexes it as
// the service does, and checks that an original-script name, an alias and
// a document from it find their entry: what a loader keeps must be usable.
func TestEveryFormatIsReachableByACheck(t *testing.T) {
	files := []struct {
		format, path string
	}{
		{"un-xml", "../testdata/lists/un/consolidated-2026-02-27.xml"},
		{"ofac-csv", "../testdata/lists/ofac/sdn-2021/sdn.csv"},
		{"ofac-xml", "../testdata/lists/ofac/cons-2018/consolidated.xml"},
		{"eu-xml", "../testdata/lists/eu/eu-fsf-excerpt-a.xml"},
		{"uk-ofsi-csv", "../testdata/lists/uk/ofsi-conlist-2025-04-10-excerpt.csv"},
		{"uk-fcdo-xml", "../testdata/lists/uk/fcdo-excerpt.xml"},
		{"ftm", "../testdata/lists/opensanctions/t1/entities.ftm.json"},
		{"senzing", "../testdata/lists/senzing/us_congress_senzing.json"},
		{"crosscheck-csv", "../testdata/lists/crosscheck/national-list.csv"},
		{"crosscheck-jsonl", "../testdata/lists/crosscheck/national-list.jsonl"},
		{"documents-csv", "../testdata/lists/crosscheck/sltd-sample.csv"},
	}
	for _, f := range files {
		t.Run(f.format, func(t *testing.T) {
			entries := readPath(t, f.format, f.path)
			idx, err := matcher.NewIndex(entries, matcher.DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			found := 0
			for _, probe := range probes(entries) {
				hits := idx.Check(probe.query)
				if !hasEntry(hits, probe.id) {
					t.Errorf("%s %q of %s not found: %+v", probe.what, probe.text, probe.id, hits)
				}
				t.Logf("%s %q of %s found", probe.what, probe.text, probe.id)
				found++
			}
			if found == 0 {
				t.Fatal("no name, alias or document to probe")
			}
		})
	}
}

func readPath(t *testing.T, format, path string) []matcher.Entry {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var entries []matcher.Entry
	err = Read(format, io.Reader(fh), func(e matcher.Entry) error { entries = append(entries, e); return nil })
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

type probe struct {
	what, text, id string
	query          matcher.Query
}

// probes picks the first original-script name, the first alias and the
// first document of a person or document entry in the file.
func probes(entries []matcher.Entry) []probe {
	var out []probe
	var script, alias, doc bool
	for _, e := range entries {
		if e.Subject != matcher.SubjectPerson && e.Subject != matcher.SubjectDocument || e.Delisted() {
			continue
		}
		for _, n := range e.Names {
			switch {
			case !script && nonLatin(n.Full):
				script = true
				out = append(out, probe{"original-script name", n.Full, e.ID, matcher.Query{Names: []string{n.Full}}})
			case !alias && n.Kind == matcher.NameAlias && n.Quality != matcher.QualityWeak && len(n.Full) > 8:
				alias = true
				out = append(out, probe{"alias", n.Full, e.ID, matcher.Query{Names: []string{n.Full}}})
			}
		}
		if !doc && len(e.Documents) > 0 && matcher.NormalizeDocumentNumber(e.Documents[0].Number) != "" {
			doc = true
			d := e.Documents[0]
			out = append(out, probe{"document", d.Number, e.ID, matcher.Query{Documents: []matcher.QueryDocument{{Number: d.Number, Country: d.Country, Type: d.Type}}}})
		}
	}
	return out
}

func hasEntry(hits []matcher.Hit, id string) bool {
	for _, h := range hits {
		if h.EntryID == id {
			return true
		}
	}
	return false
}

// nonLatin: written in letters of another script than Latin.
func nonLatin(s string) bool {
	switch translit.Script(s) {
	case "Latn", "Zyyy", "Zzzz":
		return false
	}
	return len(translit.Romanize(s)) > 0
}
