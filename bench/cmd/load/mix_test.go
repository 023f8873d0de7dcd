package main

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

func newMix(seed uint64, share float64) *mix {
	return &mix{rng: rand.New(rand.NewPCG(seed, 1)), listed: builtinListed, listedShare: share}
}

func TestMixIsDeterministic(t *testing.T) {
	a, _ := newMix(7, 0.1).bodies(200)
	b, _ := newMix(7, 0.1).bodies(200)
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Fatalf("body %d differs for the same seed", i)
		}
	}
}

func TestListedShare(t *testing.T) {
	for _, share := range []float64{0, 0.05, 0.5} {
		_, n := newMix(1, share).bodies(10000)
		if got := float64(n) / 10000; got < share*0.8 || got > share*1.2+0.001 {
			t.Errorf("share %v: %v of travellers listed", share, got)
		}
	}
}

var (
	datePattern    = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	countryPattern = regexp.MustCompile(`^[A-Z]{3}$`)
)

// TestBodiesAreValidRequests checks every body against what the service
// validates, so load is not wasted on 400s, and that the scripts all occur.
func TestBodiesAreValidRequests(t *testing.T) {
	bodies, _ := newMix(3, 0.05).bodies(2000)
	seen := map[*unicode.RangeTable]bool{}
	for i, b := range bodies {
		var r request
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("body %d: %v", i, err)
		}
		tr := r.Traveller
		name := tr.Name + tr.Surname + tr.GivenNames
		if name == "" && len(tr.Documents) == 0 {
			t.Errorf("body %d: neither name nor document", i)
		}
		if tr.DateOfBirth != "" && !datePattern.MatchString(tr.DateOfBirth) {
			t.Errorf("body %d: date of birth %q", i, tr.DateOfBirth)
		}
		if tr.Nationality != "" && !countryPattern.MatchString(tr.Nationality) {
			t.Errorf("body %d: nationality %q", i, tr.Nationality)
		}
		for _, tab := range []*unicode.RangeTable{unicode.Arabic, unicode.Cyrillic, unicode.Latin} {
			seen[tab] = seen[tab] || strings.ContainsFunc(name, func(r rune) bool { return unicode.Is(tab, r) })
		}
	}
	if len(seen) != 3 || !seen[unicode.Arabic] || !seen[unicode.Cyrillic] || !seen[unicode.Latin] {
		t.Errorf("scripts seen: %v", seen)
	}
}

func TestListedTravellerKeepsTheWords(t *testing.T) {
	m := &mix{rng: rand.New(rand.NewPCG(1, 1)), listed: []string{"GERMAIN KATANGA"}, listedShare: 1}
	for range 20 {
		tr, listed := m.traveller()
		if !listed || (tr.Name != "GERMAIN KATANGA" && tr.Name != "KATANGA GERMAIN") {
			t.Fatalf("listed traveller %+v", tr)
		}
	}
}

func TestReadListed(t *testing.T) {
	names, err := readListed(strings.NewReader("# UN\nGERMAIN KATANGA\n\n  ERIC BADEGE  \n"))
	if err != nil || len(names) != 2 || names[1] != "ERIC BADEGE" {
		t.Errorf("readListed = %q, %v", names, err)
	}
}

func TestCheckURL(t *testing.T) {
	for in, want := range map[string]string{
		"http://127.0.0.1:8080":      "http://127.0.0.1:8080/v1/check",
		"http://127.0.0.1:8080/":     "http://127.0.0.1:8080/v1/check",
		"https://h.example/v1/check": "https://h.example/v1/check",
		"http://h.example/prefix/":   "http://h.example/prefix/v1/check",
	} {
		if got, err := checkURL(in); err != nil || got != want {
			t.Errorf("checkURL(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := checkURL("127.0.0.1:8080"); err == nil {
		t.Error("a URL without scheme is accepted")
	}
}
