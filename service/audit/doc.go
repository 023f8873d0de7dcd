// Package audit is the audit trail: every check, admin action, failed
// authentication and audit query becomes a Record that auditors can query
// later and prove untouched.
//
// Tamper evidence. Each writer (a replica) keeps its own chain, named by
// Options.Chain, so that replicas sharing one Redis never contend for a
// sequence number. Record n of a chain carries Seq n, Prev (the Mac of
// record n-1) and Mac, an HMAC-SHA256 over its canonical JSON under a key
// the store never sees. Verify walks every chain and reports the first
// record that is missing, altered or out of place. Deleting the newest
// records leaves a valid shorter chain, so the last record the store
// acknowledged is also kept outside it, in a MACed head file in the data
// directory; a store that ends before it has lost its tail. Purge cuts
// the oldest records of each chain and leaves a MACed Anchor (first
// remaining seq and the Mac it links to) where they were.
//
// Nothing lost, in order, once. Append encodes the record, then seals it
// (chain position and MAC) under the chain lock and appends it to the
// chain's spool, an append-only file in Dir/audit-spool/CHAIN, and
// returns once it is there (fsynced, with the default SyncAlways;
// concurrent appends share one fsync). It never talks
// to the store: a check does not wait for Redis, and a Redis outage only
// grows the spool (SpoolDepth). One forwarder goroutine per Log, owned by
// Start and Close, reads the spool in file order, which is seq order, and
// sends batches to the store; it moves on only after the store
// acknowledged a batch, so a later record never overtakes an earlier one.
// A batch sent again after a lost reply is harmless: stores skip a chain
// and seq they hold with the same content. Whole spool segments are
// deleted once stored; the newest always stays, so that a restart
// continues the chain from it even while the store is down.
//
// Queries read the store only: a record is visible to them once
// forwarded, normally within milliseconds of Append (the forwarder lets
// records collect for up to 10 ms into one batch: one store round trip
// and one head file write for many records).
//
// Nothing here logs or returns traveller data: log lines and errors carry
// chain ids, seqs and check ids.
package audit
