// Package matcher is the pure core of crosscheck: the list entry and query
// value types, name normalisation, candidate keys, scoring and the immutable
// Index that answers a traveller check.
//
// The package does no I/O, reads no environment and holds no mutable global
// state: every knob arrives through Options, and an Index, once built, is
// only read. That is what lets the service swap a whole index generation
// behind an atomic pointer while checks run without locks.
package matcher
