package matcher_test

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

// unEntries reads the bundled UN list, or skips when the testdata is
// missing.
func unEntries(tb testing.TB) []matcher.Entry {
	tb.Helper()
	f, err := os.Open("../testdata/lists/un/consolidated-2026-02-27.xml")
	if err != nil {
		tb.Skip("UN testdata missing:", err)
	}
	defer f.Close()
	var entries []matcher.Entry
	if err := loaders.Read("un-xml", f, func(e matcher.Entry) error { entries = append(entries, e); return nil }); err != nil {
		tb.Fatal(err)
	}
	return entries
}

// realLists reads the bundled UN list and the OFAC SDN set of 2021, or
// skips when the testdata is missing.
func realLists(tb testing.TB) []matcher.Entry {
	tb.Helper()
	entries := unEntries(tb)
	add := func(e matcher.Entry) error { entries = append(entries, e); return nil }
	parts := map[string]io.Reader{}
	for part, name := range map[string]string{"sdn": "sdn.csv", "alt": "alt.csv", "add": "add.csv", "comments": "sdn_comments.csv"} {
		f, err := os.Open(filepath.Join("../testdata/lists/ofac/sdn-2021", name))
		if err != nil {
			tb.Skip("OFAC testdata missing:", err)
		}
		defer f.Close()
		parts[part] = f
	}
	if err := loaders.ReadParts("ofac-csv", parts, add); err != nil {
		tb.Fatal(err)
	}
	return entries
}

// TestPruningKeepsEveryAlert: the candidate stage's keys and bounds and
// the per-form bounds skip only names that cannot alert, so on the real
// lists, with no cap on the candidates, the alerts (entry and decision)
// are exactly those of scoring every name against every query form. The
// travellers are listed names reordered, cut, mistyped or with initials,
// with and without a listed date of birth and nationality, some as MRZ
// fields cut short, in the lists' scripts, and names of common words.
func TestPruningKeepsEveryAlert(t *testing.T) {
	entries := realLists(t)
	// No cap on the candidates scored: the bounds are under test here,
	// not MaxCandidates, whose cost the accuracy harness measures.
	opts := matcher.DefaultOptions()
	opts.MaxCandidates = 1 << 30
	pruned, err := matcher.NewIndex(entries, opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Exhaustive = true
	full, err := matcher.NewIndex(entries, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range pruningQueries(entries, 160) {
		if got, want := alertSet(pruned.Check(q)), alertSet(full.Check(q)); got != want {
			t.Errorf("%q (born %v): pruned index alerts %s, scoring every name %s", q.Names, q.BirthDate, got, want)
		}
	}
}

// pruningQueries makes n travellers from the listed names, the same ones
// on every run.
func pruningQueries(entries []matcher.Entry, n int) []matcher.Query {
	rng := rand.New(rand.NewPCG(3, 5))
	out := []matcher.Query{
		{Names: []string{"Abdul KHAN"}}, {Names: []string{"Muhammad AL-SHAYKH"}}, {Names: []string{"ABDUL HAQ"}},
		{Names: []string{"عبد الرحمن محمد علي"}}, {Names: []string{"Ahmad Mohammad HASAN"}},
	}
	for len(out) < n {
		e := entries[rng.IntN(len(entries))]
		if e.Subject != matcher.SubjectPerson || len(e.Names) == 0 {
			continue
		}
		words := strings.Fields(e.Names[rng.IntN(len(e.Names))].Full)
		if len(words) == 0 {
			continue
		}
		switch rng.IntN(4) {
		case 0:
			rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		case 1:
			if len(words) > 2 {
				words = append(words[:1], words[2:]...)
			}
		case 2:
			for i := range words[:len(words)-1] {
				words[i] = string([]rune(words[i])[:1]) // initials for all but the last name
			}
		default:
			if w := []rune(words[0]); len(w) > 4 {
				w[len(w)/2] = 'E'
				words[0] = string(w)
			}
		}
		q := matcher.Query{Names: []string{strings.Join(words, " ")}}
		if len(e.BirthDates) > 0 && rng.IntN(2) == 0 {
			d := e.BirthDates[0]
			q.BirthDate = &d
		}
		if len(e.Nationalities) > 0 && rng.IntN(3) == 0 {
			q.Nationality = e.Nationalities[0].Code
		}
		if rng.IntN(6) == 0 { // a full MRZ name field: the last name may be cut
			q.TruncatedName = true
			if w := []rune(q.Names[0]); len(w) > 12 {
				q.Names[0] = string(w[:len(w)-3])
			}
		}
		out = append(out, q)
	}
	return out
}

// alertSet names each alerting entry with its decision, in hit order.
func alertSet(hits []matcher.Hit) string {
	var b strings.Builder
	for _, h := range hits {
		fmt.Fprintf(&b, "%s:%s ", h.EntryID, h.Decision)
	}
	return b.String()
}
