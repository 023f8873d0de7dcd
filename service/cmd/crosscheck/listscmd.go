package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/audit"
)

const listsUsage = `usage: crosscheck lists import --list ID --format FORMAT [flags] FILE

Loads FILE as a new version of list ID into the store and activates it,
through the same use case as PUT /v1/lists/{id}: replicas following the
store (--redis-url) serve it a moment later. With the embedded store, stop
the service first: its file is locked while the service runs.

The import is an admin action on the audit trail, on the chain
cli-HOSTNAME (or --replica-id): it needs the replicas' audit key
(CROSSCHECK_AUDIT_KEY, --audit-key-file, or an existing
<data-dir>/audit.key), and run one import at a time per chain.
`

// importConfig is what lists import needs: the store, like serve, and
// the upload.
type importConfig struct {
	store                serveConfig
	listID, format, name string
	kind, logLevel, file string
	keep                 int
}

func parseImport(args []string, getenv func(string) string, stderr io.Writer) (importConfig, error) {
	var c importConfig
	fs := flag.NewFlagSet("lists import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, listsUsage); fs.PrintDefaults() }
	e := &envFlags{fs: fs, getenv: getenv}
	e.str(&c.store.RedisURL, setting{"redis-url", "CROSSCHECK_REDIS_URL", "Redis URL of the shared store; of Sentinels with ?master_name=M; of Redis Cluster seed nodes with ?cluster=true (empty: the embedded store in --data-dir)"}, "")
	e.str(&c.store.DataDir, setting{"data-dir", "CROSSCHECK_DATA_DIR", "directory of the embedded store"}, "./data")
	e.num(&c.keep, setting{"list-versions", "CROSSCHECK_LIST_VERSIONS", "versions kept per list (older ones are deleted after the import)"}, service.DefaultKeepVersions)
	e.str(&c.logLevel, setting{"log-level", "CROSSCHECK_LOG_LEVEL", "debug, info, warn or error"}, "warn")
	e.str(&c.store.ReplicaID, setting{"replica-id", "CROSSCHECK_REPLICA_ID", "audit chain id of this import (default: cli-HOSTNAME)"}, "")
	e.str(&c.store.AuditKeyFile, setting{"audit-key-file", "CROSSCHECK_AUDIT_KEY_FILE", "file holding the audit HMAC key in hex (default: <data-dir>/audit.key, which must exist)"}, "")
	c.store.AuditKey, c.store.AuditSync = getenv("CROSSCHECK_AUDIT_KEY"), "always"
	fs.StringVar(&c.listID, "list", "", "list id (required)")
	fs.StringVar(&c.format, "format", "", "list format, e.g. documents-csv (required)")
	fs.StringVar(&c.name, "name", "", "the list's display name")
	fs.StringVar(&c.kind, "kind", "", "persons or documents (documents-csv: documents)")
	if err := errors.Join(e.errs...); err != nil {
		return c, err
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.listID == "" || c.format == "" || fs.NArg() != 1 {
		fs.Usage()
		return c, errors.New("lists import: want --list, --format and one FILE")
	}
	c.file = fs.Arg(0)
	return c, nil
}

// listsCommand is `crosscheck lists import`: it prints the activated
// version and how long the import took.
func listsCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "import" {
		fmt.Fprint(stderr, listsUsage)
		return errors.New("usage: crosscheck lists import [flags] FILE")
	}
	c, err := parseImport(args[1:], getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	start := time.Now()
	loaded, err := importList(ctx, c, newLogger(c.logLevel, stderr))
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		service.Loaded
		Seconds float64 `json:"seconds"`
	}{loaded, time.Since(start).Seconds()})
}

func importList(ctx context.Context, c importConfig, log *slog.Logger) (service.Loaded, error) {
	f, err := os.Open(c.file)
	if err != nil {
		return service.Loaded{}, fmt.Errorf("lists import: %w", err)
	}
	defer f.Close()
	st, _, err := openStore(ctx, c.store, noTelemetry())
	if err != nil {
		return service.Loaded{}, err
	}
	defer st.Close()
	trail, err := openImportAudit(ctx, c.store, st, log)
	if err != nil {
		return service.Loaded{}, err
	}
	trail.Start(ctx)
	defer func() {
		if err := trail.Close(); err != nil { // the records wait in the spool for the next run
			log.Warn("audit trail not flushed to the store", "err", err)
		}
	}()
	// An import is a batch job that keeps little alive (batches, the
	// filter): collecting less often saves a fifth of its CPU.
	debug.SetGCPercent(400)
	lists := service.NewLists(st, &service.Catalog{}, matcher.DefaultOptions(), log, service.KeepVersions(c.keep))
	loaded, err := lists.Load(ctx, service.Upload{ListID: c.listID, Format: c.format, Name: c.name, Kind: c.kind, Body: f})
	outcome, target := "ok", c.listID
	if err != nil {
		outcome = string(service.ErrorCode(err))
	} else {
		target += "@" + loaded.Version
	}
	rec := audit.Record{Kind: audit.KindAdmin, Action: "list.upload", Target: target, Outcome: outcome, Token: "cli", Role: "admin"}
	if aerr := trail.Append(ctx, rec); aerr != nil {
		err = errors.Join(err, fmt.Errorf("the import is not on the audit trail: %w", aerr))
	}
	if err != nil {
		return service.Loaded{}, fmt.Errorf("lists import %s: %w", c.listID, err)
	}
	return loaded, nil
}

// openImportAudit opens the CLI's audit chain. It refuses to make up a
// key: records sealed with a key the replicas do not share could never
// be verified.
func openImportAudit(ctx context.Context, cfg serveConfig, st audit.Store, log *slog.Logger) (*audit.Log, error) {
	if cfg.AuditKey == "" && cfg.AuditKeyFile == "" {
		path := filepath.Join(cfg.DataDir, "audit.key")
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("lists import: no audit key: set CROSSCHECK_AUDIT_KEY or --audit-key-file to the replicas' key (%s: %w)", path, err)
		}
	}
	if cfg.ReplicaID == "" {
		host, err := os.Hostname()
		if err != nil {
			return nil, fmt.Errorf("lists import: --replica-id not set and no host name: %w", err)
		}
		cfg.ReplicaID = "cli-" + host
	}
	return openAudit(ctx, cfg, st, log)
}
