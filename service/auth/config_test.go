package auth_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/service/auth"
)

const (
	secretA = "s3cr3t-AAAAAAAAAAAA" // 19 characters
	secretB = "s3cr3t-BBBBBBBBBBBB"
)

func TestParseTokens(t *testing.T) {
	recs, err := auth.ParseTokens(" checker:gate-1:" + secretA + " , admin : ops : " + secretB)
	if err != nil {
		t.Fatal(err)
	}
	want := []auth.Token{
		{ID: "config:gate-1", Name: "gate-1", Role: auth.RoleChecker, Source: auth.SourceConfig},
		{ID: "config:ops", Name: "ops", Role: auth.RoleAdmin, Source: auth.SourceConfig},
	}
	if len(recs) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(recs), len(want))
	}
	for i, rec := range recs {
		if rec.Token != want[i] {
			t.Errorf("token %d: got %+v, want %+v", i, rec.Token, want[i])
		}
	}
	if recs[0].Hash != auth.HashSecret(secretA) {
		t.Error("hash of token 0 is not the SHA-256 of its secret")
	}
	if recs, err := auth.ParseTokens("  "); err != nil || len(recs) != 0 {
		t.Errorf("blank config: got %v, %v; want no tokens, no error", recs, err)
	}
}

// Every error names the item, says why, and never shows the secret.
func TestParseTokensErrors(t *testing.T) {
	long := strings.Repeat("x", auth.MaxSecretLen+1)
	tests := []struct {
		name, in, want string
	}{
		{"two fields", "checker:" + secretA, `item 1: want "role:name:secret"`},
		{"one field", secretA, `item 1: want "role:name:secret"`},
		{"empty item", "checker:a:" + secretA + ",,", `item 2: want "role:name:secret"`},
		{"unknown role", "root:a:" + secretA, `item 1: unknown role "root"`},
		{"upper-case role", "Admin:a:" + secretA, `item 1: unknown role "Admin"`},
		{"secret as role", secretA + ":a:checker", "item 1: unknown role (want"},
		{"empty name", "checker::" + secretA, "item 1: empty token name"},
		{"bad name", "checker:gate 1:" + secretA, "item 1: token name: only letters"},
		{"long name", "checker:" + strings.Repeat("n", 65) + ":" + secretA, "item 1: token name longer than 64"},
		{"short secret", "admin:a:s3cr3t-AAAAAAAA", "item 1: secret too short: 15 characters, want at least 16"},
		{"empty secret", "admin:a:", "item 1: secret too short: 0 characters"},
		{"long secret", "admin:a:" + long, "item 1: secret too long: 513 characters"},
		{"secret with colon", "admin:a:" + secretA + ":x", "item 1: secret has characters"},
		{"secret with space", "admin:a:s3cr3t AAAAAAAAAAAA", "item 1: secret has characters"},
		{"duplicate name", "admin:a:" + secretA + ",checker:a:" + secretB, `item 2: duplicate token name "a" (first at item 1)`},
		{"duplicate secret", "admin:a:" + secretA + ",checker:b:" + secretA, `item 2 (name "b"): same secret as item 1`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := auth.ParseTokens(tc.in)
			if err == nil {
				t.Fatalf("ParseTokens(%q): got nil error", tc.in)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
			for _, s := range []string{secretA, secretB, "s3cr3t-AAAAAAA", long} {
				if strings.Contains(err.Error(), s) {
					t.Errorf("error %q shows a secret", err)
				}
			}
		})
	}
}

func TestParseTokensFile(t *testing.T) {
	in := "# border posts\n\ncheckerx:gate-1:" + secretA + "\n"
	if _, err := auth.ParseTokensFile(strings.NewReader(in)); err == nil || !strings.HasPrefix(err.Error(), "line 3: ") {
		t.Errorf("bad role on line 3: got %v", err)
	}
	in = "# border posts\n\n  checker:gate-1:" + secretA + "  \r\n   # ops\nadmin:ops:" + secretB
	recs, err := auth.ParseTokensFile(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].ID != "file:gate-1" || recs[1].Source != auth.SourceFile || recs[1].Hash != auth.HashSecret(secretB) {
		t.Errorf("got %+v", recs)
	}
}

func TestLoadTokensFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tokens")
	if _, err := auth.LoadTokensFile(path); err == nil {
		t.Error("missing file: got nil error")
	}
	if err := os.WriteFile(path, []byte("auditor:audit:"+secretA+"\nauditor:audit:"+secretB+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := auth.LoadTokensFile(path)
	if err == nil || !strings.Contains(err.Error(), path+": line 2: duplicate token name") {
		t.Errorf("duplicate in file: got %v", err)
	}
}

func TestParseRole(t *testing.T) {
	for _, r := range auth.Roles {
		if got, err := auth.ParseRole(string(r)); got != r || err != nil {
			t.Errorf("ParseRole(%q) = %q, %v", r, got, err)
		}
	}
	for _, s := range []string{"", "Checker", "root", "admin "} {
		if _, err := auth.ParseRole(s); err == nil {
			t.Errorf("ParseRole(%q): got nil error", s)
		}
	}
}

// The parser never panics, and whatever it accepts is valid: known roles,
// valid unique names, secrets that can be sent as bearer tokens.
func FuzzParseTokens(f *testing.F) {
	f.Add("checker:gate-1:" + secretA + ",admin:ops:" + secretB)
	f.Add("auditor:a:" + secretA + ",,")
	f.Add("x:y:z")
	f.Add(":::,:::")
	f.Fuzz(func(t *testing.T, in string) {
		recs, err := auth.ParseTokens(in)
		if err != nil {
			return
		}
		names := map[string]bool{}
		for _, rec := range recs {
			if _, err := auth.ParseRole(string(rec.Role)); err != nil {
				t.Errorf("accepted role %q", rec.Role)
			}
			if err := auth.ValidateName(rec.Name); err != nil || names[rec.Name] {
				t.Errorf("accepted name %q (duplicate: %v): %v", rec.Name, names[rec.Name], err)
			}
			names[rec.Name] = true
		}
	})
}

// The file parser shares the item parser; it too never panics.
func FuzzParseTokensFile(f *testing.F) {
	f.Add("# c\nchecker:gate-1:" + secretA + "\n\n admin:ops:" + secretB + "\r\n")
	f.Add("checker:a:" + secretA + "\nchecker:a:" + secretA)
	f.Fuzz(func(t *testing.T, in string) {
		recs, err := auth.ParseTokensFile(strings.NewReader(in))
		for _, rec := range recs {
			if err != nil || rec.Source != auth.SourceFile {
				t.Errorf("got %+v with error %v", rec, err)
			}
		}
	})
}
