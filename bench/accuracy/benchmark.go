package accuracy

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/crosscheck/crosscheck/matcher"
)

// ListRecord is one entry of benchmark/list.jsonl. Passports are left
// out on purpose: no benchmark query carries a document, so they could
// only add document-index work, never a match.
type ListRecord struct {
	ID          string   `json:"id"`
	Track       string   `json:"track"`
	Names       []string `json:"names"`
	DOB         string   `json:"dob"`
	Nationality string   `json:"nationality"`
}

// BenchQuery is one labelled query of benchmark/queries-*.jsonl.
type BenchQuery struct {
	QID         string   `json:"qid"`
	Track       string   `json:"track"`
	Subtrack    string   `json:"subtrack"`
	Query       string   `json:"query"`
	Label       string   `json:"label"`
	ExpectedIDs []string `json:"expected_ids"`
	Category    string   `json:"category"`
	DOB         string   `json:"dob"`
	Nationality string   `json:"nationality"`
	Script      string   `json:"query_script"`
	Meta        struct {
		Tier string `json:"tier"`
	} `json:"meta"`
}

// Positive reports whether the query names a listed person.
func (q BenchQuery) Positive() bool { return q.Label == "positive" }

// Benchmark is the loaded benchmark: entries and queries grouped by track,
// since each track is evaluated only against its own entries.
type Benchmark struct {
	Tracks  []string // in first-seen order of the query file
	Entries map[string][]matcher.Entry
	Queries map[string][]BenchQuery
}

// LoadBenchmark reads list.jsonl and the named query file (queries-dev.jsonl)
// from dir.
func LoadBenchmark(dir, queryFile string) (*Benchmark, error) {
	b := &Benchmark{Entries: map[string][]matcher.Entry{}, Queries: map[string][]BenchQuery{}}
	err := readJSONL(filepath.Join(dir, "list.jsonl"), func(r ListRecord) {
		b.Entries[r.Track] = append(b.Entries[r.Track], r.Entry())
	})
	if err != nil {
		return nil, err
	}
	err = readJSONL(filepath.Join(dir, queryFile), func(q BenchQuery) {
		if _, ok := b.Queries[q.Track]; !ok {
			b.Tracks = append(b.Tracks, q.Track)
		}
		b.Queries[q.Track] = append(b.Queries[q.Track], q)
	})
	return b, err
}

// readJSONL decodes one T per line and hands it to fn.
func readJSONL[T any](path string, fn func(T)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for n := 1; sc.Scan(); n++ {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		fn(v)
	}
	return sc.Err()
}

// Entry turns the record into a person entry as a loader would: the first
// name is the primary one, the others aliases; date and nationality are
// parsed, their raw text kept.
func (r ListRecord) Entry() matcher.Entry {
	e := matcher.Entry{ID: r.ID, Subject: matcher.SubjectPerson}
	for i, n := range r.Names {
		kind := matcher.NameAlias
		if i == 0 {
			kind = matcher.NamePrimary
		}
		e.Names = append(e.Names, matcher.Name{Full: n, Kind: kind})
	}
	if d := ParseDate(r.DOB); d != nil {
		e.BirthDates = []matcher.BirthDate{*d}
	}
	for _, c := range countryCodes(r.Nationality) {
		e.Nationalities = append(e.Nationalities, matcher.Country{Code: c, Raw: r.Nationality})
	}
	return e
}

// MatcherQuery is what a border officer would submit for the query: the
// name, the date of birth if known and one nationality (a traveller shows
// one passport, so the first of several is used).
func (q BenchQuery) MatcherQuery() matcher.Query {
	mq := matcher.Query{Names: []string{q.Query}, BirthDate: ParseDate(q.DOB)}
	if cs := countryCodes(q.Nationality); len(cs) > 0 {
		mq.Nationality = cs[0]
	}
	return mq
}
