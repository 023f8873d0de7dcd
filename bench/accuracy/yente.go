package accuracy

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/matcher"
)

// Traveller is one row of the yente fixtures.
type Traveller struct {
	Name        string
	BirthDate   *matcher.BirthDate
	Nationality string // ISO alpha-3, "" when absent or unknown
}

// Query is the traveller as a check: name, date and nationality. Gender
// is left out: the UN positives have none, and a gender feature only on
// the negatives would flatter the false-alert rate.
func (t Traveller) Query(name string, truncated bool) matcher.Query {
	return matcher.Query{Names: []string{name}, BirthDate: t.BirthDate, Nationality: t.Nationality, TruncatedName: truncated}
}

// ReadTravellers reads a yente fixture CSV (full_name, date_of_birth,
// nationality as ISO alpha-2 or a country name). limit > 0 keeps only the
// first limit rows.
func ReadTravellers(path string, limit int) ([]Traveller, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, c := range []string{"full_name", "date_of_birth", "nationality"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s: no column %q", path, c)
		}
	}
	var out []Traveller
	for limit <= 0 || len(out) < limit {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, Traveller{
			Name:        rec[col["full_name"]],
			BirthDate:   ParseDate(rec[col["date_of_birth"]]),
			Nationality: CountryCode(rec[col["nationality"]]),
		})
	}
	return out, nil
}

// nameKey folds a name for exact lookup: upper-case letters and digits,
// single spaces.
func nameKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// NameIDs maps each listed name (folded by nameKey) to the ids of the
// entries that carry it, to find the entry a clean yente positive was
// taken from. The fixtures hold no list id, and the positives use the
// list's own spelling, so an exact lookup recovers it.
func NameIDs(entries []matcher.Entry) map[string][]string {
	m := map[string][]string{}
	for _, e := range entries {
		for _, n := range e.Names {
			k := nameKey(n.Full)
			if ids := m[k]; len(ids) == 0 || ids[len(ids)-1] != e.ID {
				m[k] = append(ids, e.ID)
			}
		}
	}
	return m
}

// YenteResult is the evaluation against the UN list.
type YenteResult struct {
	Entries   int `json:"entries"`
	Positives int `json:"positives"`
	// Unresolved counts positives whose name is on no entry exactly; for
	// them any alert counts as found.
	Unresolved      int              `json:"unresolved"`
	ByPerturbation  Groups           `json:"by_perturbation"`
	Perturbed       Tally            `json:"perturbed"` // every variant but the original
	Negatives       map[string]Tally `json:"negatives"` // by file
	Candidate       *CandidateRecall `json:"candidate_recall,omitempty"`
	CandidateSample int              `json:"candidate_negative_sample"`
	Timing          Timing           `json:"timing"`
	// Missed and FalseAlerts name a few perturbed positives not found and
	// negatives that alerted, for debugging.
	Missed      []string `json:"missed,omitempty"`
	FalseAlerts []string `json:"false_alerts,omitempty"`
}

// yenteCase is one check to run with what judging it needs.
type yenteCase struct {
	kind     string // a perturbation, or the negatives file
	expected []string
	positive bool
	query    matcher.Query
}

// positiveCases expands every positive into its variants.
func positiveCases(pos []Traveller, ids map[string][]string, r *YenteResult) []yenteCase {
	var cases []yenteCase
	for _, t := range pos {
		exp := ids[nameKey(t.Name)]
		r.Unresolved += b2i(len(exp) == 0)
		for _, v := range Perturb(t.Name) {
			cases = append(cases, yenteCase{kind: v.Kind, expected: exp, positive: true, query: t.Query(v.Name, v.Truncated)})
		}
	}
	r.Positives = len(pos)
	return cases
}

// judgeYente judges one case; a positive whose list entry is unknown is
// found by any alert.
func judgeYente(c yenteCase, alerts []string) Outcome {
	if c.positive && len(c.expected) == 0 {
		return Outcome{Positive: true, Found: len(alerts) > 0, Alert: len(alerts) > 0}
	}
	return Judge(c.positive, c.expected, alerts)
}
