package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/crosscheck/crosscheck/service/audit"
)

// auditVerify is `crosscheck audit verify`: it walks every audit chain in
// the store with the key from the configuration and prints the report.
// It takes the serve flags, so it reads the same store and key. The
// embedded store is locked while a service runs on it: use
// GET /v1/audit/verify then.
func auditVerify(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "verify" {
		return errors.New("usage: crosscheck audit verify [serve flags]")
	}
	cfg, err := parseServe(args[1:], getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	st, _, err := openStore(ctx, cfg, noTelemetry())
	if err != nil {
		return err
	}
	defer st.Close()
	trail, err := openAudit(ctx, cfg, st, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	defer trail.Close()
	rep, err := trail.Verify(ctx)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return err
	}
	if !rep.OK {
		return fmt.Errorf("audit trail broken at chain %s, record %d: %s", rep.FirstBad.Chain, rep.FirstBad.Seq, rep.FirstBad.Reason)
	}
	return nil
}

// keepRetention purges audit records older than keep, once an hour, for
// as long as ctx lives. Each purge is itself an audited admin action, by
// the service.
func keepRetention(ctx context.Context, trail *audit.Log, keep time.Duration, log *slog.Logger) {
	if keep <= 0 {
		return
	}
	tick := time.NewTicker(time.Hour)
	defer tick.Stop()
	for {
		purgeOnce(ctx, trail, time.Now().Add(-keep), log)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func purgeOnce(ctx context.Context, trail *audit.Log, before time.Time, log *slog.Logger) {
	n, err := trail.Purge(ctx, before)
	outcome := fmt.Sprintf("ok: %d records", n)
	if err != nil {
		outcome = "failed"
		log.Error("audit retention purge failed", "err", err)
	}
	rec := audit.Record{Kind: audit.KindAdmin, Token: "crosscheck", Role: "system", Action: "audit.purge", Target: before.UTC().Format(time.RFC3339), Outcome: outcome}
	if err := trail.Append(ctx, rec); err != nil {
		log.Error("audit retention purge not audited", "err", err)
	}
}
