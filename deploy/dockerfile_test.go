package deploy

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	cmd, args string
}

func readDockerfile(t *testing.T) []instruction {
	t.Helper()
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	var out []instruction
	var cur strings.Builder
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") || (line == "" && cur.Len() == 0) {
			continue
		}
		cont := strings.HasSuffix(line, "\\")
		cur.WriteString(strings.TrimSuffix(line, "\\") + " ")
		if !cont {
			cmd, args, _ := strings.Cut(strings.TrimSpace(cur.String()), " ")
			out = append(out, instruction{strings.ToUpper(cmd), strings.Join(strings.Fields(args), " ")})
			cur.Reset()
		}
	}
	return out
}

// stages returns the instructions of the last stage, and every FROM.
func stages(ins []instruction) (froms []string, final []instruction) {
	for _, in := range ins {
		if in.cmd == "FROM" {
			froms = append(froms, in.args)
			final = nil
		}
		final = append(final, in)
	}
	return froms, final
}

func TestDockerfileStages(t *testing.T) {
	froms, final := stages(readDockerfile(t))
	if len(froms) != 2 || !strings.HasPrefix(froms[0], "golang:1.26 ") {
		t.Fatalf("want a golang:1.26 builder and a final stage, have %q", froms)
	}
	if last := froms[1]; !strings.HasPrefix(last, "gcr.io/distroless/static") && last != "scratch" {
		t.Errorf("final stage %q: want distroless static or scratch", last)
	}
	user := ""
	for _, in := range final {
		if in.cmd == "USER" {
			user = in.args
		}
	}
	uid, _, _ := strings.Cut(user, ":")
	if n, err := strconv.Atoi(uid); err != nil || n == 0 {
		t.Errorf("final stage USER %q: want a numeric non-root uid, which runAsNonRoot can verify", user)
	}
}

func TestDockerfileSettings(t *testing.T) {
	_, final := stages(readDockerfile(t))
	known := binaryEnv(t)
	env := map[string]string{}
	var expose, volume string
	for _, in := range final {
		switch in.cmd {
		case "ENV":
			for _, kv := range strings.Fields(in.args) {
				k, v, _ := strings.Cut(kv, "=")
				env[k] = v
				checkEnv(t, "Dockerfile", k, v, known)
			}
		case "EXPOSE":
			expose = in.args
		case "VOLUME":
			volume = in.args
		}
	}
	if p := addrPort(t, env["CROSSCHECK_ADDR"]); expose != strconv.Itoa(p) {
		t.Errorf("EXPOSE %q, CROSSCHECK_ADDR port %d", expose, p)
	}
	if volume == "" || volume != env["CROSSCHECK_DATA_DIR"] {
		t.Errorf("VOLUME %q, CROSSCHECK_DATA_DIR %q: the data directory is the only writable path", volume, env["CROSSCHECK_DATA_DIR"])
	}
}

func TestDockerfileBuildsTheCommand(t *testing.T) {
	var build string
	for _, in := range readDockerfile(t) {
		if in.cmd == "RUN" && strings.Contains(in.args, "go build") {
			build = in.args
		}
	}
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath", "-s -w", "-X main.version=", "./service/cmd/crosscheck"} {
		if !strings.Contains(build, want) {
			t.Errorf("go build %q: missing %s", build, want)
		}
	}
	if !declaresVar(t, commandDir, "version") {
		t.Errorf("%s has no package-level var version for -X main.version", commandDir)
	}
}

// declaresVar reports whether the package in dir declares a package-level
// string variable named name, which is what -X can set.
func declaresVar(t *testing.T, dir, name string) bool {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR && declares(g, name) {
				return true
			}
		}
	}
	return false
}

func declares(g *ast.GenDecl, name string) bool {
	for _, s := range g.Specs {
		for _, n := range s.(*ast.ValueSpec).Names {
			if n.Name == name {
				return true
			}
		}
	}
	return false
}
