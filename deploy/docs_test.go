package deploy

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The documents an operator configures the service from.
var docs = []string{"README.md", "../README.md"}

var (
	envMention  = regexp.MustCompile(`\b(?:CROSSCHECK|OTEL)_[A-Z0-9_]*[A-Z0-9]\b`)
	flagMention = regexp.MustCompile("`--([a-z][a-z-]*)(?:[= ][^`]*)?`")
)

// binaryFlags are the flags of `crosscheck serve`: the first field of
// every setting{flag, env, usage} literal in the composition root, with
// the environment variable each falls back to.
func binaryFlags(t *testing.T) map[string]string {
	t.Helper()
	flags := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(commandDir, "*.go"))
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if lit, ok := n.(*ast.CompositeLit); ok && isIdent(lit.Type, "setting") && len(lit.Elts) >= 2 {
				flags[unquoted(lit.Elts[0])] = unquoted(lit.Elts[1])
			}
			return true
		})
	}
	if flags["addr"] != "CROSSCHECK_ADDR" || flags["tls-cert"] != "CROSSCHECK_TLS_CERT" {
		t.Fatalf("scan of %s found flags %v: expected at least addr and tls-cert", commandDir, flags)
	}
	return flags
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func unquoted(e ast.Expr) string {
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		s, _ := strconv.Unquote(lit.Value)
		return s
	}
	return ""
}

func readDoc(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDocsNameOnlyRealSettings: every environment variable and every
// `--flag` the READMEs mention is one the binary reads, so that no
// document describes a setting that is only planned.
func TestDocsNameOnlyRealSettings(t *testing.T) {
	env, flags := binaryEnv(t), binaryFlags(t)
	for _, doc := range docs {
		text := readDoc(t, doc)
		for _, name := range envMention.FindAllString(text, -1) {
			if !env[name] {
				t.Errorf("%s mentions %s, which the binary does not read", doc, name)
			}
		}
		for _, m := range flagMention.FindAllStringSubmatch(text, -1) {
			if _, ok := flags[m[1]]; !ok {
				t.Errorf("%s mentions `--%s`, which is no flag of crosscheck serve", doc, m[1])
			}
		}
	}
}

// TestConfigurationTableIsComplete: the README's configuration table has
// a row for every flag, with its environment variable, and names every
// CROSSCHECK_* variable the binary reads.
func TestConfigurationTableIsComplete(t *testing.T) {
	text := readDoc(t, "../README.md")
	for flag, env := range binaryFlags(t) {
		if !hasRow(text, "`--"+flag+"`", "`"+env+"`") {
			t.Errorf("../README.md: no configuration row with `--%s` and `%s`", flag, env)
		}
	}
	for name := range binaryEnv(t) {
		if crosscheckEnv.MatchString(name) && !strings.Contains(text, "`"+name+"`") {
			t.Errorf("../README.md: %s is read by the binary but not documented", name)
		}
	}
}

// hasRow reports whether a table row of text holds every part.
func hasRow(text string, parts ...string) bool {
	for line := range strings.Lines(text) {
		all := strings.HasPrefix(line, "|")
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}
