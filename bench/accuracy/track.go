package accuracy

import (
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
)

// TrackResult is the evaluation of one benchmark track.
type TrackResult struct {
	Track    string `json:"track"`
	Entries  int    `json:"entries"`
	All      Tally  `json:"all"`
	Category Groups `json:"by_category"`
	Script   Groups `json:"by_script"`
	// Tier groups translit_token's Latin spelling variants by label
	// confidence (A and B are the headline tiers; other queries have none).
	Tier      Groups           `json:"by_tier,omitempty"`
	Candidate *CandidateRecall `json:"candidate_recall,omitempty"`
	Timing    Timing           `json:"timing"`
	// Misses and Alerts are a few examples of positives not found and of
	// negatives that alerted, for a reader of the verbose report.
	Misses []string `json:"misses,omitempty"`
	Alerts []string `json:"false_alerts,omitempty"`
}

// maxExamples bounds the examples kept per track.
const maxExamples = 15

// Timing is what the normal checks of one run cost.
type Timing struct {
	Build   time.Duration `json:"build_ns"`
	Checks  int           `json:"checks"`
	Elapsed time.Duration `json:"elapsed_ns"` // wall clock, all CPUs
}

// Add counts another timing.
func (t *Timing) Add(o Timing) {
	t.Build += o.Build
	t.Checks += o.Checks
	t.Elapsed += o.Elapsed
}

// PerSecond is checks per wall-clock second.
func (t Timing) PerSecond() float64 {
	if t.Elapsed <= 0 {
		return 0
	}
	return float64(t.Checks) / t.Elapsed.Seconds()
}

// EvalTrack indexes the track's entries with the default options, runs
// its queries and tallies them. With exhaustive set it also builds the
// exhaustive index and measures candidate recall on the same queries;
// with fullScan too, against scoring every name (FullScanOptions).
func EvalTrack(track string, entries []matcher.Entry, qs []BenchQuery, exhaustive, fullScan bool) (*TrackResult, error) {
	r := &TrackResult{Track: track, Entries: len(entries), Category: Groups{}, Script: Groups{}, Tier: Groups{}}
	start := time.Now()
	idx, err := matcher.NewIndex(entries, matcher.DefaultOptions())
	if err != nil {
		return nil, fmt.Errorf("track %s: %w", track, err)
	}
	r.Timing.Build = time.Since(start)
	mqs := make([]matcher.Query, len(qs))
	for i, q := range qs {
		mqs[i] = q.MatcherQuery()
	}
	start = time.Now()
	hits := CheckAllHits(idx, mqs)
	r.Timing.Elapsed, r.Timing.Checks = time.Since(start), len(mqs)
	alerts := make([][]string, len(hits))
	names := primaryNames(entries)
	for i, q := range qs {
		alerts[i] = alertIDs(hits[i])
		o := Judge(q.Positive(), q.ExpectedIDs, alerts[i])
		r.All.Add(o)
		r.Category.Add(q.Category, o)
		r.Script.Add(q.Script, o)
		r.Tier.Add(q.Meta.Tier, o)
		r.example(q, o, hits[i], names)
	}
	if exhaustive {
		ex, err := matcher.NewIndex(entries, referenceOptions(fullScan))
		if err != nil {
			return nil, fmt.Errorf("track %s, exhaustive index: %w", track, err)
		}
		c := CompareCandidates(ex, mqs, alerts)
		r.Candidate = &c
	}
	return r, nil
}

// group merges the tallies of the named groups: tiers A and B, or the
// original scripts Arab and Cyrl, make one headline row.
func (r *TrackResult) group(g Groups, keys ...string) Tally {
	var t Tally
	for _, k := range keys {
		if g[k] != nil {
			t.Merge(*g[k])
		}
	}
	return t
}

// example keeps a missed positive or an alerting negative as an example,
// with what a reader needs to see why: the names wanted, and the best
// alert with its score and word rules.
func (r *TrackResult) example(q BenchQuery, o Outcome, hits []matcher.Hit, names map[string]string) {
	switch {
	case o.Positive && !o.Found && len(r.Misses) < maxExamples:
		want := make([]string, len(q.ExpectedIDs))
		for i, id := range q.ExpectedIDs {
			want[i] = fmt.Sprintf("%s %q", id, names[id])
		}
		r.Misses = append(r.Misses, fmt.Sprintf("%s %q want %s; %s", q.Category, q.Query, strings.Join(want, ", "), describeAlerts(hits)))
	case !o.Positive && o.Alert && len(r.Alerts) < maxExamples:
		r.Alerts = append(r.Alerts, fmt.Sprintf("%s %q %s", q.Category, q.Query, describeAlerts(hits)))
	}
}

// describeAlerts names the best of the alerting hits (Check returns the
// best first) and how many there are.
func describeAlerts(hits []matcher.Hit) string {
	if len(hits) == 0 {
		return "no alert"
	}
	h := hits[0]
	words := make([]string, len(h.Explanation.Tokens))
	for i, t := range h.Explanation.Tokens {
		words[i] = fmt.Sprintf("%s~%s %.2f %s", t.Query, t.Entry, t.Score, t.Rule)
	}
	return fmt.Sprintf("%d alerts, best %s %q %.3f (%s)", len(hits), h.EntryID, h.MatchedName, h.Score, strings.Join(words, ", "))
}

// primaryNames maps entry ids to their first name, for examples.
func primaryNames(entries []matcher.Entry) map[string]string {
	out := make(map[string]string, len(entries))
	for _, e := range entries {
		if len(e.Names) > 0 {
			out[e.ID] = e.Names[0].Full
		}
	}
	return out
}
