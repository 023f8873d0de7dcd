// Command accuracy measures the matcher on the labelled evaluation data in
// the shared folder and prints recall and false-alert rates beside the
// targets of the accuracy issue, per benchmark track and for the UN list
// against the yente travellers. It writes no files.
//
//	go run ./bench/cmd/accuracy [-shared ../shared] [-track X] [-v] [-json] [-full-scan]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/crosscheck/crosscheck/bench/accuracy"
	"github.com/crosscheck/crosscheck/matcher"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "accuracy:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("accuracy", flag.ContinueOnError)
	var cfg accuracy.Config
	fs.StringVar(&cfg.Shared, "shared", "../shared", "the shared folder (holds data/eval)")
	fs.StringVar(&cfg.UNList, "un", "testdata/lists/un/consolidated-2026-02-27.xml", "UN consolidated list (un-xml) for the yente part")
	fs.StringVar(&cfg.Track, "track", "", "only this benchmark track, or yente (default all)")
	fs.IntVar(&cfg.QueryLimit, "queries", 0, "first n queries per track (0 all)")
	fs.IntVar(&cfg.NegativeLimit, "negatives", 0, "first n travellers per negatives file (0 all)")
	fs.BoolVar(&cfg.Candidates, "candidates", true, "measure candidate recall against an exhaustive index")
	fs.IntVar(&cfg.CandidateNegatives, "candidate-negatives", 2000, "negatives_us travellers in the candidate-recall sample")
	fs.BoolVar(&cfg.FullScan, "full-scan", false, "candidate recall of the benchmark tracks against scoring every name, not every key-sharing name (slow: use with -track)")
	verbose := fs.Bool("v", false, "also print examples of misses, false alerts and lost candidates")
	asJSON := fs.Bool("json", false, "print the results as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	start := time.Now()
	res, err := accuracy.Run(cfg)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	p := matcher.DefaultPolicy()
	fmt.Fprintf(out, "crosscheck accuracy at the default policy (review %.2f, hit %.2f); an alert is review or hit\n\n", p.Review, p.Hit)
	printTargets(out, res.Rows)
	for _, t := range res.Tracks {
		printTrack(out, t, *verbose)
	}
	if res.Yente != nil {
		printYente(out, res.Yente, *verbose)
	}
	printTiming(out, res, time.Since(start))
	return nil
}

func printTargets(out io.Writer, rows []accuracy.Row) {
	fmt.Fprintf(out, "%-46s %6s %7s %7s %6s %6s %7s %7s  %s\n", "TARGET", "pos", "recall", "want", "neg", "FA", "FA rate", "want", "")
	for _, r := range rows {
		fmt.Fprintf(out, "%-46s %6s %7s %7s %6s %6s %7s %7s  %s\n", r.Name,
			count(r.Positives, r.RecallTarget), opt(r.RecallTarget, "%.3f", r.Recall), opt(r.RecallTarget, "≥%.3f", r.RecallTarget),
			count(r.Negatives, r.FATarget), count(r.FalseAlerts, r.FATarget), opt(r.FATarget, "%.2f%%", 100*r.FARate),
			opt(r.FATarget, "≤%.1f%%", 100*r.FATarget), pass(r.Pass))
	}
	fmt.Fprintln(out)
}

// opt formats v when the row has that figure (a non-zero target).
func opt(target float64, format string, v float64) string {
	if target == 0 {
		return "-"
	}
	return fmt.Sprintf(format, v)
}

func count(n int, target float64) string {
	if target == 0 {
		return "-"
	}
	return fmt.Sprint(n)
}

func pass(ok bool) string {
	if ok {
		return "PASS"
	}
	return "FAIL"
}

const groupHeader = "  %-40s %6s %7s %9s %6s %6s %7s\n"

func printTrack(out io.Writer, t *accuracy.TrackResult, verbose bool) {
	fmt.Fprintf(out, "track %s: %d entries, %d queries", t.Track, t.Entries, t.All.Positives+t.All.Negatives)
	if c := t.Candidate; c != nil {
		fmt.Fprintf(out, "; candidate recall %.4f (%d of %d exhaustive alerts kept, %d extra)", c.Recall(), c.Kept, c.Exhaustive, c.Extra)
	}
	fmt.Fprintf(out, "\n"+groupHeader, "group", "pos", "recall", "wrong-id", "neg", "FA", "FA rate")
	printTally(out, "all", t.All)
	for _, g := range []struct {
		prefix string
		groups accuracy.Groups
	}{{"category", t.Category}, {"script", t.Script}, {"tier", t.Tier}} {
		for _, k := range g.groups.Keys() {
			printTally(out, g.prefix+"="+k, *g.groups[k])
		}
	}
	if verbose {
		printExamples(out, "missed", t.Misses)
		printExamples(out, "false alert", t.Alerts)
		if t.Candidate != nil {
			printExamples(out, "lost candidate", t.Candidate.Lost)
		}
	}
	fmt.Fprintln(out)
}

// printTally prints one group; recall columns are blank when it has no
// positives, false-alert columns when it has no negatives.
func printTally(out io.Writer, name string, t accuracy.Tally) {
	rec, wrong, neg, fa, rate := "", "", "", "", ""
	if t.Positives > 0 {
		rec, wrong = fmt.Sprintf("%.3f", t.Recall()), fmt.Sprintf("%.1f%%", 100*t.WrongRate())
	}
	if t.Negatives > 0 {
		neg, fa, rate = fmt.Sprint(t.Negatives), fmt.Sprint(t.FalseAlerts), fmt.Sprintf("%.2f%%", 100*t.FARate())
	}
	fmt.Fprintf(out, groupHeader, name, blankZero(t.Positives), rec, wrong, neg, fa, rate)
}

func blankZero(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

func printExamples(out io.Writer, what string, ex []string) {
	for _, e := range ex {
		fmt.Fprintf(out, "    %s: %s\n", what, e)
	}
}
