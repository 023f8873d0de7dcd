package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedUpToDate regenerates the tables from the shared material and
// compares them with the committed file, so the generator stays
// deterministic and the committed tables stay current. It is skipped where
// the shared directory is absent.
func TestGeneratedUpToDate(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "data", "translit")); err != nil {
		t.Skip("shared material not present")
	}
	got, err := build(shared)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "tables_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("tables_gen.go is stale: run go run ./matcher/translit/gen -shared ../shared")
	}
}

func TestFold(t *testing.T) {
	cases := map[string]string{"ẖ": "H", "s̱": "S", "d͟h": "DH", "‘a": "A", "Đ": "D", "Yë": "YE", "al ": "AL "}
	for in, want := range cases {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
