package accuracy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

// Config says what to evaluate.
type Config struct {
	Shared string // the shared folder (holds data/eval)
	UNList string // the UN consolidated list XML for the yente part
	// Track limits the run to one benchmark track, or to "yente"; empty
	// runs everything.
	Track string
	// QueryLimit keeps the first n queries of each track, NegativeLimit
	// the first n travellers of each negatives file; 0 keeps all.
	QueryLimit, NegativeLimit int
	// Candidates measures candidate recall against an exhaustive index,
	// on every benchmark query, every yente positive variant and the first
	// CandidateNegatives travellers of negatives_us.
	Candidates         bool
	CandidateNegatives int
	// FullScan makes the candidate-recall reference of the benchmark
	// tracks score every name (FullScanOptions) instead of every name
	// that shares a key; slow, so off by default.
	FullScan bool
}

// NegativeFiles are the yente traveller populations, none of them listed.
var NegativeFiles = []string{"negatives_us", "negatives_global"}

// Results is everything one run measured.
type Results struct {
	Tracks    []*TrackResult  `json:"tracks"`
	Yente     *YenteResult    `json:"yente,omitempty"`
	Candidate CandidateRecall `json:"candidate_recall"`
	Timing    Timing          `json:"timing"`
	Rows      []Row           `json:"targets"`
}

// Run evaluates the benchmark tracks and the UN list as cfg says.
func Run(cfg Config) (*Results, error) {
	res := &Results{}
	if cfg.Track != "yente" {
		if err := runBenchmark(cfg, res); err != nil {
			return nil, err
		}
	}
	if cfg.Track == "" || cfg.Track == "yente" {
		list, err := ReadList("un-xml", cfg.UNList)
		if err != nil {
			return nil, err
		}
		y, err := EvalYente(list, filepath.Join(cfg.Shared, "data/eval/yente"), cfg)
		if err != nil {
			return nil, err
		}
		res.Yente = y
		res.Timing.Add(y.Timing)
		if y.Candidate != nil {
			res.Candidate.Merge(*y.Candidate)
		}
	}
	res.Rows = Targets(res)
	return res, nil
}

func runBenchmark(cfg Config, res *Results) error {
	b, err := LoadBenchmark(filepath.Join(cfg.Shared, "data/eval/benchmark"), "queries-dev.jsonl")
	if err != nil {
		return err
	}
	found := false
	for _, track := range b.Tracks {
		if cfg.Track != "" && cfg.Track != track {
			continue
		}
		found = true
		qs := b.Queries[track]
		if cfg.QueryLimit > 0 && len(qs) > cfg.QueryLimit {
			qs = qs[:cfg.QueryLimit]
		}
		r, err := EvalTrack(track, b.Entries[track], qs, cfg.Candidates, cfg.FullScan)
		if err != nil {
			return err
		}
		res.Tracks = append(res.Tracks, r)
		res.Timing.Add(r.Timing)
		if r.Candidate != nil {
			res.Candidate.Merge(*r.Candidate)
		}
	}
	if !found {
		return fmt.Errorf("no track %q; tracks are %s and yente", cfg.Track, strings.Join(b.Tracks, ", "))
	}
	return nil
}

// ReadList loads a list file with the project's own loader, as the
// service would.
func ReadList(format, path string) ([]matcher.Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var entries []matcher.Entry
	err = loaders.Read(format, f, func(e matcher.Entry) error {
		entries = append(entries, e)
		return nil
	})
	return entries, err
}

// EvalYente checks the UN positives (with their variants) and the
// negative populations in dir against the list.
func EvalYente(list []matcher.Entry, dir string, cfg Config) (*YenteResult, error) {
	r := &YenteResult{Entries: len(list), ByPerturbation: Groups{}, Negatives: map[string]Tally{}}
	start := time.Now()
	idx, err := matcher.NewIndex(list, matcher.DefaultOptions())
	if err != nil {
		return nil, err
	}
	r.Timing.Build = time.Since(start)
	pos, err := ReadTravellers(filepath.Join(dir, "positives_un_untreated.csv"), 0)
	if err != nil {
		return nil, err
	}
	cases := positiveCases(pos, NameIDs(list), r)
	nPos := len(cases)
	for _, name := range NegativeFiles {
		neg, err := ReadTravellers(filepath.Join(dir, name+".csv"), cfg.NegativeLimit)
		if err != nil {
			return nil, err
		}
		for _, t := range neg {
			cases = append(cases, yenteCase{kind: name, query: t.Query(t.Name, false)})
		}
	}
	qs := make([]matcher.Query, len(cases))
	for i, c := range cases {
		qs[i] = c.query
	}
	start = time.Now()
	alerts := CheckAll(idx, qs)
	r.Timing.Elapsed, r.Timing.Checks = time.Since(start), len(qs)
	for i, c := range cases {
		o := judgeYente(c, alerts[i])
		r.tally(c, o)
		r.example(c, o)
	}
	if cfg.Candidates {
		n := min(len(qs), nPos+cfg.CandidateNegatives) // negatives_us come first
		ex, err := matcher.NewIndex(list, ExhaustiveOptions())
		if err != nil {
			return nil, err
		}
		c := CompareCandidates(ex, qs[:n], alerts[:n])
		r.Candidate, r.CandidateSample = &c, n-nPos
	}
	return r, nil
}

// example keeps a few misses and false alerts.
func (r *YenteResult) example(c yenteCase, o Outcome) {
	name := c.kind + " " + strings.Join(c.query.Names, " / ")
	switch {
	case c.positive && c.kind != "original" && !o.Found && len(r.Missed) < 3*maxLost:
		r.Missed = append(r.Missed, name)
	case !c.positive && o.Alert && len(r.FalseAlerts) < 3*maxLost:
		r.FalseAlerts = append(r.FalseAlerts, name)
	}
}

func (r *YenteResult) tally(c yenteCase, o Outcome) {
	if !c.positive {
		t := r.Negatives[c.kind]
		t.Add(o)
		r.Negatives[c.kind] = t
		return
	}
	r.ByPerturbation.Add(c.kind, o)
	if c.kind != "original" {
		r.Perturbed.Add(o)
	}
}
