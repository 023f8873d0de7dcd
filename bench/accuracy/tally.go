package accuracy

import (
	"runtime"
	"slices"
	"sync"

	"github.com/crosscheck/crosscheck/matcher"
)

// Tally counts the outcomes of one group of queries.
type Tally struct {
	Positives int `json:"positives"`
	// Found counts positives for which an expected id alerted: an alert
	// on someone else is no help to the officer looking for this person.
	Found int `json:"found"`
	// WrongAlert counts positives with an alert on an id that is not
	// expected, reported apart because the benchmark labels a positive
	// only by its expected ids.
	WrongAlert  int `json:"wrong_alert"`
	Negatives   int `json:"negatives"`
	FalseAlerts int `json:"false_alerts"` // negatives with any alert
}

// Outcome is the judgement of one query.
type Outcome struct {
	Positive, Found, WrongAlert, Alert bool
}

// Judge compares the alerting ids of one query with its expected ids.
func Judge(positive bool, expected, alerts []string) Outcome {
	o := Outcome{Positive: positive, Alert: len(alerts) > 0}
	for _, id := range alerts {
		if slices.Contains(expected, id) {
			o.Found = true
		} else {
			o.WrongAlert = true
		}
	}
	return o
}

// Add counts one outcome.
func (t *Tally) Add(o Outcome) {
	if o.Positive {
		t.Positives++
		t.Found += b2i(o.Found)
		t.WrongAlert += b2i(o.WrongAlert)
		return
	}
	t.Negatives++
	t.FalseAlerts += b2i(o.Alert)
}

// Merge adds another tally's counts.
func (t *Tally) Merge(o Tally) {
	t.Positives += o.Positives
	t.Found += o.Found
	t.WrongAlert += o.WrongAlert
	t.Negatives += o.Negatives
	t.FalseAlerts += o.FalseAlerts
}

// Recall is Found / Positives (NaN-free: 0 when there are none).
func (t Tally) Recall() float64 { return ratio(t.Found, t.Positives) }

// WrongRate is the share of positives with an alert on a wrong id.
func (t Tally) WrongRate() float64 { return ratio(t.WrongAlert, t.Positives) }

// FARate is the share of negatives with any alert.
func (t Tally) FARate() float64 { return ratio(t.FalseAlerts, t.Negatives) }

// Groups are tallies by a group name (a category, a script, a tier).
type Groups map[string]*Tally

// Add counts o under key; an empty key is not a group.
func (g Groups) Add(key string, o Outcome) {
	if key == "" {
		return
	}
	if g[key] == nil {
		g[key] = &Tally{}
	}
	g[key].Add(o)
}

// Keys are the group names, sorted.
func (g Groups) Keys() []string {
	keys := make([]string, 0, len(g))
	for k := range g {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// CheckAll runs every query against idx on all CPUs, since an Index is
// safe for concurrent checks, and returns the alerting entry ids of each
// query in query order.
func CheckAll(idx *matcher.Index, qs []matcher.Query) [][]string {
	out := make([][]string, len(qs))
	checkAll(idx, qs, func(i int, hits []matcher.Hit) { out[i] = alertIDs(hits) })
	return out
}

// CheckAllHits is CheckAll keeping the alerting hits themselves, with
// their scores and explanations.
func CheckAllHits(idx *matcher.Index, qs []matcher.Query) [][]matcher.Hit {
	out := make([][]matcher.Hit, len(qs))
	checkAll(idx, qs, func(i int, hits []matcher.Hit) { out[i] = alerting(hits) })
	return out
}

// checkAll hands the hits of query i to keep, from as many goroutines as
// there are CPUs; keep writes slot i only.
func checkAll(idx *matcher.Index, qs []matcher.Query, keep func(i int, hits []matcher.Hit)) {
	next := make(chan int, len(qs))
	for i := range qs {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				keep(i, idx.Check(qs[i]))
			}
		})
	}
	wg.Wait()
}

// alerting keeps the hits that alert (review or hit).
func alerting(hits []matcher.Hit) []matcher.Hit {
	out := hits[:0:0]
	for _, h := range hits {
		if h.Decision == matcher.DecisionReview || h.Decision == matcher.DecisionHit {
			out = append(out, h)
		}
	}
	return out
}

// alertIDs keeps the ids of the hits that alert (review or hit). Check
// returns only those today; filtering again keeps the harness right if it
// ever returns clear hits for explanation.
func alertIDs(hits []matcher.Hit) []string {
	ids := make([]string, 0, len(hits))
	for _, h := range alerting(hits) {
		ids = append(ids, h.EntryID)
	}
	return ids
}
