package main

import (
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/crosscheck/crosscheck/bench/accuracy"
)

// populationSize is the size of each yente negatives file: false alerts
// are also given per this many travellers, as the issue states its target.
const populationSize = 50000

func printYente(out io.Writer, y *accuracy.YenteResult, verbose bool) {
	fmt.Fprintf(out, "yente vs UN list: %d entries, %d positives (%d not found on the list by exact name: any alert counts)", y.Entries, y.Positives, y.Unresolved)
	if c := y.Candidate; c != nil {
		fmt.Fprintf(out, "; candidate recall %.4f (%d of %d exhaustive alerts kept, %d extra; sample: all variants + %d negatives_us)",
			c.Recall(), c.Kept, c.Exhaustive, c.Extra, y.CandidateSample)
	}
	fmt.Fprintf(out, "\n"+groupHeader, "perturbation", "pos", "recall", "wrong-id", "", "", "")
	for _, k := range accuracy.Perturbations {
		if t := y.ByPerturbation[k]; t != nil {
			printTally(out, k, *t)
		}
	}
	printTally(out, "all perturbed (not original)", y.Perturbed)
	fmt.Fprintf(out, "  %-40s %6s %7s %7s %14s\n", "negatives", "n", "alerts", "rate", "per 50,000")
	for _, name := range accuracy.NegativeFiles {
		t := y.Negatives[name]
		fmt.Fprintf(out, "  %-40s %6d %7d %6.3f%% %14.0f\n", name, t.Negatives, t.FalseAlerts, 100*t.FARate(), t.FARate()*populationSize)
	}
	if verbose {
		printExamples(out, "missed", y.Missed)
		printExamples(out, "false alert", y.FalseAlerts)
	}
	if verbose && y.Candidate != nil {
		printExamples(out, "lost candidate", y.Candidate.Lost)
	}
	fmt.Fprintln(out)
}

func printTiming(out io.Writer, res *accuracy.Results, wall time.Duration) {
	t := res.Timing
	fmt.Fprintf(out, "timing: %d checks at the default options in %v on %d CPUs = %.0f checks/s (%.0f µs per check per CPU); index builds %v; whole run %v (includes loading and the exhaustive pass)\n",
		t.Checks, t.Elapsed.Round(time.Millisecond), runtime.GOMAXPROCS(0), t.PerSecond(),
		perCheckMicros(t), t.Build.Round(time.Millisecond), wall.Round(time.Millisecond))
}

// perCheckMicros is CPU time per check, assuming every CPU was busy.
func perCheckMicros(t accuracy.Timing) float64 {
	if t.Checks == 0 {
		return 0
	}
	return float64(t.Elapsed.Microseconds()) * float64(runtime.GOMAXPROCS(0)) / float64(t.Checks)
}
