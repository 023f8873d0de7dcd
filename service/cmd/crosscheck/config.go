package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/service"
)

// serveConfig is every setting of `crosscheck serve`: a flag each, with an
// environment variable as fallback, validated once.
type serveConfig struct {
	Addr           string
	DataDir        string
	RequestTimeout time.Duration
	BodyLimit      int
	BatchBodyLimit int
	MaxBatch       int
	LogLevel       string
	RedisURL       string
	ReplicaID      string
	TokensFile     string
	Tokens         string // role:name:secret,...; from the environment only
	AuditKeyFile   string
	AuditKey       string // hex; from the environment only
	AuditSync      string
	AuditRetention time.Duration
	CheckerRate    float64
	UploadLimit    int    // bytes, one list upload or delta
	ListVersions   int    // versions kept per list
	Metrics        bool   // serve GET /metrics
	AccessLog      bool   // one log line per request
	OTLPEndpoint   string // OTEL_EXPORTER_OTLP_ENDPOINT: traces go there; empty: no traces
	ServiceName    string // OTEL_SERVICE_NAME
	OTelDisabled   bool   // OTEL_SDK_DISABLED=true
	TLSCert        string // PEM certificate chain; with TLSKey: serve HTTPS
	TLSKey         string // PEM private key of TLSCert
}

// setting binds one flag to its environment variable.
type setting struct {
	flag, env, usage string
}

func parseServe(args []string, getenv func(string) string, stderr io.Writer) (serveConfig, error) {
	var c serveConfig
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	e := &envFlags{fs: fs, getenv: getenv}
	e.str(&c.Addr, setting{"addr", "CROSSCHECK_ADDR", "listen address"}, "127.0.0.1:8080")
	e.str(&c.DataDir, setting{"data-dir", "CROSSCHECK_DATA_DIR", "directory of the embedded store"}, "./data")
	e.str(&c.LogLevel, setting{"log-level", "CROSSCHECK_LOG_LEVEL", "debug, info, warn or error"}, "info")
	e.dur(&c.RequestTimeout, setting{"request-timeout", "CROSSCHECK_REQUEST_TIMEOUT", "deadline of one request"}, 5*time.Second)
	e.num(&c.BodyLimit, setting{"body-limit", "CROSSCHECK_BODY_LIMIT", "largest check request body in bytes"}, 1<<20)
	e.num(&c.BatchBodyLimit, setting{"batch-body-limit", "CROSSCHECK_BATCH_BODY_LIMIT", "largest manifest body in bytes"}, 16<<20)
	e.num(&c.MaxBatch, setting{"max-batch", "CROSSCHECK_MAX_BATCH", "most travellers in one manifest"}, 1000)
	e.str(&c.RedisURL, setting{"redis-url", "CROSSCHECK_REDIS_URL", "Redis URL of the shared store; of Sentinels with ?master_name=M; of Redis Cluster seed nodes with ?cluster=true (empty: the embedded store in --data-dir)"}, "")
	e.str(&c.ReplicaID, setting{"replica-id", "CROSSCHECK_REPLICA_ID", "this replica's audit chain id (default: the host name)"}, "")
	e.str(&c.TokensFile, setting{"tokens-file", "CROSSCHECK_TOKENS_FILE", "file of role:name:secret lines"}, "")
	e.str(&c.AuditKeyFile, setting{"audit-key-file", "CROSSCHECK_AUDIT_KEY_FILE", "file holding the audit HMAC key in hex (default: <data-dir>/audit.key, created if missing)"}, "")
	e.str(&c.AuditSync, setting{"audit-sync", "CROSSCHECK_AUDIT_SYNC", "fsync of the audit spool: always, interval or never"}, "always")
	e.dur(&c.AuditRetention, setting{"audit-retention", "CROSSCHECK_AUDIT_RETENTION", "purge audit records older than this, hourly (0: keep all)"}, 0)
	e.float(&c.CheckerRate, setting{"checker-rate", "CROSSCHECK_CHECKER_RATE", "checks per second per checker token (burst: twice that)"}, 200)
	e.boolean(&c.Metrics, setting{"metrics", "CROSSCHECK_METRICS", "serve Prometheus metrics at GET /metrics"}, true)
	e.boolean(&c.AccessLog, setting{"access-log", "CROSSCHECK_ACCESS_LOG", "log one line per request (method, route, status, latency, request id)"}, true)
	e.num(&c.UploadLimit, setting{"upload-limit", "CROSSCHECK_UPLOAD_LIMIT", "largest list upload or delta in bytes"}, 1<<30)
	e.num(&c.ListVersions, setting{"list-versions", "CROSSCHECK_LIST_VERSIONS", "versions kept per list for rollback and audit replay (the active one is never removed)"}, service.DefaultKeepVersions)
	e.str(&c.TLSCert, setting{"tls-cert", "CROSSCHECK_TLS_CERT", "PEM certificate (chain) file: serve HTTPS with --tls-key (empty: plain HTTP)"}, "")
	e.str(&c.TLSKey, setting{"tls-key", "CROSSCHECK_TLS_KEY", "PEM private key file of --tls-cert"}, "")
	c.Tokens = getenv("CROSSCHECK_TOKENS")
	c.OTLPEndpoint, c.ServiceName = getenv("OTEL_EXPORTER_OTLP_ENDPOINT"), getenv("OTEL_SERVICE_NAME")
	c.OTelDisabled = strings.EqualFold(getenv("OTEL_SDK_DISABLED"), "true")
	c.AuditKey = getenv("CROSSCHECK_AUDIT_KEY")
	if err := errors.Join(e.errs...); err != nil {
		return c, err
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("serve: unexpected argument %q", fs.Arg(0))
	}
	return c, c.validate()
}

func (c serveConfig) validate() error {
	switch {
	case c.Addr == "":
		return errors.New("--addr: must not be empty")
	case c.DataDir == "":
		return errors.New("--data-dir: must not be empty")
	case c.RequestTimeout <= 0:
		return errors.New("--request-timeout: must be positive")
	case c.BodyLimit <= 0:
		return errors.New("--body-limit: must be positive")
	case c.BatchBodyLimit <= 0:
		return errors.New("--batch-body-limit: must be positive")
	case c.MaxBatch <= 0:
		return errors.New("--max-batch: must be positive")
	case c.AuditRetention < 0:
		return errors.New("--audit-retention: must not be negative")
	case c.UploadLimit <= 0:
		return errors.New("--upload-limit: must be positive")
	case c.ListVersions < 1:
		return errors.New("--list-versions: must be at least 1")
	case c.CheckerRate <= 0:
		return errors.New("--checker-rate: must be positive")
	case c.AuditSync != "always" && c.AuditSync != "interval" && c.AuditSync != "never":
		return fmt.Errorf("--audit-sync: %q is not always, interval or never", c.AuditSync)
	case c.TLSCert != "" && c.TLSKey == "":
		return errors.New("--tls-cert is set but --tls-key is not: HTTPS needs both (or neither, for plain HTTP)")
	case c.TLSKey != "" && c.TLSCert == "":
		return errors.New("--tls-key is set but --tls-cert is not: HTTPS needs both (or neither, for plain HTTP)")
	}
	return nil
}

// envFlags registers flags whose defaults come from the environment, and
// remembers environment values that do not parse, so that a typo in the
// deployment is an error at start, not a silently ignored setting.
type envFlags struct {
	fs     *flag.FlagSet
	getenv func(string) string
	errs   []error
}

// fromEnv returns the environment's value for s when it is set and
// parses, def otherwise; a value that does not parse is remembered.
func fromEnv[T any](e *envFlags, s setting, def T, parse func(string) (T, error), want string) T {
	v := e.getenv(s.env)
	if v == "" {
		return def
	}
	parsed, err := parse(v)
	if err != nil {
		e.errs = append(e.errs, fmt.Errorf("%s=%q: not %s", s.env, v, want))
		return def
	}
	return parsed
}

func helpText(s setting) string { return s.usage + " (env " + s.env + ")" }

func (e *envFlags) str(p *string, s setting, def string) {
	e.fs.StringVar(p, s.flag, fromEnv(e, s, def, func(v string) (string, error) { return v, nil }, ""), helpText(s))
}

func (e *envFlags) dur(p *time.Duration, s setting, def time.Duration) {
	e.fs.DurationVar(p, s.flag, fromEnv(e, s, def, time.ParseDuration, "a duration such as 5s"), helpText(s))
}

func (e *envFlags) num(p *int, s setting, def int) {
	e.fs.IntVar(p, s.flag, fromEnv(e, s, def, strconv.Atoi, "a whole number"), helpText(s))
}

func (e *envFlags) float(p *float64, s setting, def float64) {
	parse := func(v string) (float64, error) { return strconv.ParseFloat(v, 64) }
	e.fs.Float64Var(p, s.flag, fromEnv(e, s, def, parse, "a number"), helpText(s))
}

func (e *envFlags) boolean(p *bool, s setting, def bool) {
	e.fs.BoolVar(p, s.flag, fromEnv(e, s, def, strconv.ParseBool, "true or false"), helpText(s))
}
