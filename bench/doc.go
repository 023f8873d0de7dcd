// Package bench holds crosscheck's measuring tools: commands under
// bench/cmd that load real lists and report latency percentiles, and the
// recorded results in RESULTS.md. Every figure in the README comes from
// here, with the command that produced it.
package bench
