package deploy

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"net"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// commandDir is the composition root: per the design, the only package
// that reads the environment.
const commandDir = "../service/cmd/crosscheck"

var crosscheckEnv = regexp.MustCompile(`^CROSSCHECK_[A-Z_]+$`)

// runtimeEnv are read by the Go runtime of every binary.
var runtimeEnv = []string{"GOMEMLIMIT", "GOMAXPROCS", "GOGC", "GODEBUG", "GOTRACEBACK"}

// otelEnv are the OpenTelemetry SDK's standard variables. They count as
// read only once the binary links the SDK or an OTLP exporter: until then
// setting them would suggest telemetry that is not sent.
var otelEnv = []string{
	"OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES", "OTEL_SDK_DISABLED",
	"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS",
	"OTEL_EXPORTER_OTLP_INSECURE", "OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG",
	"OTEL_TRACES_EXPORTER", "OTEL_METRICS_EXPORTER", "OTEL_LOGS_EXPORTER",
}

var otelImports = []string{"go.opentelemetry.io/otel/sdk", "go.opentelemetry.io/otel/exporters/otlp", "go.opentelemetry.io/contrib/exporters/autoexport"}

// binaryEnv is every environment variable name the binary reads: the
// CROSSCHECK_* string literals in the composition root's non-test source,
// the Go runtime's, and OTEL_* once the SDK is linked.
func binaryEnv(t *testing.T) map[string]bool {
	t.Helper()
	names := map[string]bool{}
	for _, lit := range stringLiterals(t, commandDir) {
		if crosscheckEnv.MatchString(lit) {
			names[lit] = true
		}
	}
	// Guards against a scan that silently finds nothing (a moved file),
	// which would make every manifest fail for the wrong reason.
	if !names["CROSSCHECK_ADDR"] || !names["CROSSCHECK_DATA_DIR"] {
		t.Fatalf("scan of %s found %v: expected at least CROSSCHECK_ADDR and CROSSCHECK_DATA_DIR", commandDir, names)
	}
	for _, n := range runtimeEnv {
		names[n] = true
	}
	if linksOTel(t) {
		for _, n := range otelEnv {
			names[n] = true
		}
	}
	return names
}

func stringLiterals(t *testing.T, dir string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var out []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue // a test setting a variable is not the binary reading it
		}
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out = append(out, s)
				}
			}
			return true
		})
	}
	return out
}

// linksOTel reports whether any non-test package of the module imports the
// OpenTelemetry SDK or an OTLP exporter.
func linksOTel(t *testing.T) bool {
	t.Helper()
	found := false
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || found {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != ".." || d.Name() == "testdata" || d.Name() == "bench") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return nil // another team's file mid-edit; not this test's concern
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, prefix := range otelImports {
				found = found || strings.HasPrefix(p, prefix)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// checkEnv fails the test for a name the binary does not read or a value
// the binary would refuse at start.
func checkEnv(t *testing.T, where, name, value string, known map[string]bool) {
	t.Helper()
	if !known[name] {
		t.Errorf("%s: env %s is not read by the binary (CROSSCHECK_* must be a string literal in %s, OTEL_* needs the OTel SDK linked); remove it or wire it in the code first", where, name, commandDir)
		return
	}
	if msg := badValue(name, value); msg != "" {
		t.Errorf("%s: env %s=%q: %s", where, name, value, msg)
	}
}

// badValue mirrors the binary's validation for the settings that exist, so
// a manifest typo shows up here rather than as a crash loop.
func badValue(name, value string) string {
	switch {
	case strings.HasSuffix(name, "_ADDR"):
		if _, port, err := net.SplitHostPort(value); err != nil || port == "" {
			return "not host:port"
		}
	case strings.HasSuffix(name, "_TIMEOUT"):
		if d, err := time.ParseDuration(value); err != nil || d <= 0 {
			return "not a positive duration"
		}
	case strings.HasSuffix(name, "_LIMIT"):
		if n, err := strconv.Atoi(value); err != nil || n <= 0 {
			return "not a positive whole number"
		}
	case name == "CROSSCHECK_LOG_LEVEL":
		if !strings.Contains(" debug info warn error ", " "+value+" ") {
			return "not debug, info, warn or error"
		}
	case name == "CROSSCHECK_DATA_DIR":
		if !strings.HasPrefix(value, "/") {
			return "not an absolute path"
		}
	}
	return ""
}

// addrPort is the port of a CROSSCHECK_ADDR value.
func addrPort(t *testing.T, addr string) int {
	t.Helper()
	_, p, err := net.SplitHostPort(addr)
	n, err2 := strconv.Atoi(p)
	if err != nil || err2 != nil {
		t.Fatalf("CROSSCHECK_ADDR %q: no port", addr)
	}
	return n
}

func TestBinaryEnvScan(t *testing.T) {
	known := binaryEnv(t)
	for _, name := range []string{"CROSSCHECK_REQUEST_TIMEOUT", "CROSSCHECK_BODY_LIMIT", "CROSSCHECK_LOG_LEVEL"} {
		if !known[name] {
			t.Errorf("scan missed %s, which config.go reads", name)
		}
	}
	if known["CROSSCHECK_NOT_A_SETTING"] {
		t.Error("scan accepts anything")
	}
}
