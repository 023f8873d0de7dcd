package translit

import (
	"strings"
	"testing"
)

func FuzzRomanize(f *testing.F) {
	for _, c := range romanizeCases {
		f.Add(c.name)
	}
	for _, s := range []string{"", " ", "-'-", "ـــ", "ّ", "ー", "ッ", "\u200c", "ٱ", "\xff\xfe", "٣٤ 12", "ǅ", "ﻻ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		forms := Romanize(name)
		if len(forms) > maxForms {
			t.Fatalf("Romanize(%q): %d forms", name, len(forms))
		}
		seen := map[string]bool{}
		for _, form := range forms {
			checkForm(t, name, form)
			if seen[form] {
				t.Fatalf("Romanize(%q): duplicate %q", name, form)
			}
			seen[form] = true
			if again := Romanize(form); len(again) == 0 || again[0] != form {
				t.Fatalf("Romanize(%q) = %q, not idempotent on %q", name, again, form)
			}
			for _, w := range splitWords(form) {
				_ = Skeleton(string(w))
				_ = Cluster(string(w))
			}
		}
		_ = Script(name)
	})
}

func checkForm(t *testing.T, name, form string) {
	t.Helper()
	if form == "" || form[0] == ' ' || form[len(form)-1] == ' ' {
		t.Fatalf("Romanize(%q): bad spacing in %q", name, form)
	}
	for i := 0; i < len(form); i++ {
		c := form[i]
		ok := c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' && form[i-1] != ' '
		if !ok {
			t.Fatalf("Romanize(%q): bad byte %q in %q", name, c, form)
		}
	}
}

func FuzzSkeleton(f *testing.F) {
	for _, s := range []string{"MOHAMMED", "", "H", "ÄH", "DZH", "johnson", "Marcel", "yosef", "ward", "zhukov"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		s := Skeleton(w)
		for i := 0; i < len(s); i++ {
			if s[i] < 'A' || s[i] > 'Z' {
				t.Fatalf("Skeleton(%q) = %q", w, s)
			}
		}
		// The A-Z stack path and the general path (lower case) agree.
		if up := strings.ToUpper(w); isAZ(up) {
			lo := strings.ToLower(w)
			if Skeleton(up) != Skeleton(lo) || LooseSkeleton(up) != LooseSkeleton(lo) {
				t.Fatalf("%q: Skeleton %q/%q, LooseSkeleton %q/%q", w, Skeleton(up), Skeleton(lo), LooseSkeleton(up), LooseSkeleton(lo))
			}
		}
	})
}

func BenchmarkRomanize(b *testing.B) {
	names := []string{
		"Muhammad Müller", "Мухаммед Олександр Зінченко", "جمال عبد الناصر",
		"김정은", "Παπαδόπουλος", "JOHN SMITH",
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			_ = Romanize(n)
		}
	}
}

func BenchmarkRomanizeMixed(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Romanize("Müller Мухаммед محمد")
	}
}

// BenchmarkRomanizeScript measures one name per script: Romanize runs for
// every list name when an index generation is built.
func BenchmarkRomanizeScript(b *testing.B) {
	names := map[string]string{
		"Latn": "Muhammad Müller", "Cyrl": "Мухаммед Олександр Зінченко", "Arab": "جمال عبد الناصر",
		"Hang": "김정은", "Grek": "Παπαδόπουλος", "ASCII": "JOHN SMITH", "Hebr": "בנימין נתניהו",
		"Hani": "习近平",
	}
	benchmarkRomanize(b, names)
}

// benchmarkRomanize runs Romanize on each name in a sub-benchmark named
// by its key.
func benchmarkRomanize(b *testing.B, names map[string]string) {
	for kind, name := range names {
		b.Run(kind, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Romanize(name)
			}
		})
	}
}
