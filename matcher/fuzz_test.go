package matcher

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNameForms: the analyser never panics, its forms are upper-case
// ASCII words, and analysing a form again gives the same form first
// (normalisation is idempotent).
func FuzzNameForms(f *testing.F) {
	for _, s := range []string{"Jürgen Müller-Lüdenscheidt", "جمال عبد الناصر", "Умаров Доку", "김정은", "O'Connor, Seán", "ß", "  ", "Ǆ ﬁ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if !utf8.ValidString(name) {
			return
		}
		for _, form := range romanize(name) {
			for _, r := range form {
				if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ' ') {
					t.Fatalf("form %q of %q holds %q", form, name, r)
				}
			}
			again := romanize(form)
			if len(again) == 0 || again[0] != form {
				t.Fatalf("form %q of %q is not stable: %q", form, name, again)
			}
		}
	})
}

// FuzzCheck: any traveller name against a small list never panics and
// scores in 0..1, with a decision that agrees with the score.
func FuzzCheck(f *testing.F) {
	idx := testIndex(f)
	for _, s := range []string{"Germain Katanga", "Hasan Nasrallah", "Abu Hadi", "x", "AL AL AL", "Jürgen",
		"ABDURRAHMAN Katanga", "G. M. Katanga", "T Abu", "MIHAJLYUK", "ABDUSS"} {
		f.Add(s, "X1234567", true)
	}
	f.Fuzz(func(t *testing.T, name, doc string, truncated bool) {
		if !utf8.ValidString(name) || len(name) > 200 {
			return
		}
		q := Query{Names: []string{name}, TruncatedName: truncated, Documents: []QueryDocument{{Number: doc}}}
		for _, h := range idx.Check(q) {
			if h.Score < 0 || h.Score > 1 || h.Decision != idx.decide(h.Score) {
				t.Fatalf("%q: hit %+v", name, h)
			}
		}
	})
}

// FuzzTokenSim: word similarity is in 0..1 and 1 for the same word.
func FuzzTokenSim(f *testing.F) {
	f.Add("MOHAMMED", "MUHAMMAD", false)
	f.Add("A", "ABDUL", true)
	f.Fuzz(func(t *testing.T, a, b string, prefix bool) {
		a, b = strings.ToUpper(a), strings.ToUpper(b)
		if a == "" || b == "" || !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		s, _ := tokenSim(newToken(a), newToken(b), prefix)
		if s < 0 || s > 1 {
			t.Fatalf("tokenSim(%q, %q) = %v", a, b, s)
		}
		if same, _ := tokenSim(newToken(a), newToken(a), prefix); same != 1 {
			t.Fatalf("tokenSim(%q, itself) = %v", a, same)
		}
	})
}
