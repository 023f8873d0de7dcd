// Package accuracy measures the matcher against labelled evaluation data:
// the benchmark tracks of shared/data/eval/benchmark (each track indexed
// on its own), and the UN list against the yente traveller fixtures, with
// perturbed positives and two 50,000-traveller negative populations. It
// also compares the normal index with one whose candidate pruning is off,
// to measure what the candidate stage loses.
//
// The evaluation data only measures the matcher: nothing here is, or may
// become, an input of the matcher or the service. The command
// bench/cmd/accuracy prints the results; the package test checks the
// candidate-recall property on a small sample when the shared folder is
// present.
package accuracy
