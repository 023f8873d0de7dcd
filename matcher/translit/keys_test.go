package translit

import (
	"strings"
	"testing"
)

func TestSkeleton(t *testing.T) {
	groups := [][]string{
		{"MOHAMMED", "MUHAMMAD", "MOHAMED", "Mouhamad", "MUHAMED", "MUKHAMMED"},
		{"ABDULLAH", "ABDULLA", "ABDALLAH"},
		{"HUSSEIN", "HUSAIN", "HOSSEIN", "HUSEYN"},
		{"KHALID", "HALID", "KHALED"},
		{"YOUSSEF", "YUSUF", "YOUSEF"},
		{"NASRALLAH", "NASRULLAH", "NASRALA"},
		{"JAMAL", "DJAMEL", "DZHAMAL"},
		{"QASIM", "KASSEM", "CASIM"},
	}
	for _, g := range groups {
		want := Skeleton(g[0])
		for _, w := range g[1:] {
			if got := Skeleton(w); got != want {
				t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q: want equal", w, got, g[0], want)
			}
		}
	}
	// Vowel-only differences collapse by design (HASSAN and HUSSEIN are both
	// HSN), so only consonant differences must survive.
	distinct := [][2]string{{"HASSAN", "HAMID"}, {"OMAR", "AMIN"}, {"PETROV", "PETRENKO"}}
	for _, d := range distinct {
		if Skeleton(d[0]) == Skeleton(d[1]) {
			t.Errorf("Skeleton(%q) == Skeleton(%q) = %q", d[0], d[1], Skeleton(d[0]))
		}
	}
	for in, want := range map[string]string{"MOHAMMED": "MHMD", "": "", "AYA": "A", "ab-du'l": "BDL"} {
		if got := Skeleton(in); got != want {
			t.Errorf("Skeleton(%q) = %q, want %q", in, got, want)
		}
	}
}

// LooseSkeleton meets the consonants of a Hebrew or Arabic spelling with
// the full Latin one, and keeps consonant differences apart.
func TestLooseSkeleton(t *testing.T) {
	cases := []struct {
		a, b string
		same bool
	}{
		{"PRLBRG", "PERLBERG", true},  // פרלברג
		{"VWRD", "WARD", true},        // וורד: vav is W
		{"RD", "WARD", false},         // an initial W or V stays
		{"JRJ", "GEORGE", true},       // ג׳ורג׳: a soft G
		{"ZHN", "JEANNE", true},       // ז׳אן: a French J
		{"JWN", "JOHN", true},         // ג׳ון: the H is silent
		{"MHMD", "MOHMADI", true},     // an H before a consonant is not
		{"MRSL", "MARCEL", true},      // מרסל: a soft C
		{"YWHN", "JOHANN", true},      // יוהן: German J is a Y
		{"MRKL", "MARCEL", false},     //
		{"SHRTR", "SCHROTER", true},   // שרטר: German SCH
		{"PWKS", "FOX", true},         // פוקס: X is KS
		{"VLDYMYR", "VLADIMIR", true}, // ולדימיר: vav is V
		{"KRLTSN", "KARLTZEN", true},  // צ is TS or TZ
		{"JPR", "JEFFREY", true},      // פ is F
		{"KS", "KESEY", true},         // an intervocalic S is a Z: קיזי
		{"BDL", "ABDUL", true},        //
		{"PETER", "PETRA", true},      // coarse on purpose
		{"SMT", "SMART", false},       // consonants differ
		{"DAVID", "DANIEL", false},    //
		{"KRM", "GREM", false},        // K and G stay apart
	}
	for _, c := range cases {
		if got := LooseSkeleton(c.a) == LooseSkeleton(c.b); got != c.same {
			t.Errorf("LooseSkeleton(%q) = %q, LooseSkeleton(%q) = %q: same %v, want %v",
				c.a, LooseSkeleton(c.a), c.b, LooseSkeleton(c.b), got, c.same)
		}
	}
}

func TestCluster(t *testing.T) {
	cases := map[string]string{
		"BILL": "WILLIAM", "bob": "ROBERT", "Liz": "ELIZABETH", "WILLIAM": "WILLIAM",
		"POETIN": "PUTIN", "PUTYIN": "PUTIN", "MOHAMMED": "MUHAMMAD", "abdallah": "ABDULLAH",
		"AL":  "AL", // nickname of many names: no cluster, and the Arabic article
		"XYZ": "XYZ",
		"EL":  "EL", "EDDINE": "EDDINE", // particle; usual spelling has a space
		"YITZHAK": "ISAAC", "BINYAMIN": Cluster("BENJAMIN"),
	}
	for in, want := range cases {
		if got := Cluster(in); got != want {
			t.Errorf("Cluster(%q) = %q, want %q", in, got, want)
		}
	}
}

// Keys are terminal: a key's own cluster is itself, so every word of a
// cluster compares equal (ADELE, ADELAIDE -> DELLA).
func TestClusterKeysTerminal(t *testing.T) {
	words := make([]string, 0, len(clusterKeys)+2*len(hebrewCommon)+2*len(arabicCommon))
	for _, p := range clusterKeys {
		words = append(words, p.k, p.v)
	}
	for _, h := range hebrewCommon {
		words = append(words, h.usual, h.alt)
	}
	for _, a := range arabicCommon {
		words = append(words, a.usual, a.alt)
	}
	for _, w := range words {
		k := Cluster(w)
		if k2 := Cluster(k); k2 != k {
			t.Errorf("Cluster(%q) = %q, but Cluster(%q) = %q", w, k, k, k2)
		}
	}
}

// The generated tables must stay sorted for binary search.
func TestTablesSorted(t *testing.T) {
	for name, tab := range map[string][]nameWord{"hebrewCommon": hebrewCommon, "arabicCommon": arabicCommon} {
		for i := 1; i < len(tab); i++ {
			if tab[i-1].word >= tab[i].word {
				t.Fatalf("%s not sorted at %d", name, i)
			}
		}
	}
	tables := map[string][]wordPair{
		"ar2enWords": ar2enWords, "ar2enLoose": ar2enLoose, "clusterKeys": clusterKeys, "crossScriptWords": crossScriptWords,
	}
	for name, tab := range tables {
		for i := 1; i < len(tab); i++ {
			if tab[i-1].k >= tab[i].k {
				t.Fatalf("%s not sorted at %d: %q >= %q", name, i, tab[i-1].k, tab[i].k)
			}
		}
	}
}

// The stack path for A-Z words gives what the general path gives (lower
// case takes the general path).
func TestSkeletonFastPathAgrees(t *testing.T) {
	words := []string{"MOHAMMED", "DZHAMAL", "JOHNSON", "MARCEL", "YOSEF", "WARD", "VVVV", "PHILIPPE", "ZHUKOV", "CHEN", "V", "Y", "AEIOU", "KHKH", "DJCKPH"}
	for _, p := range clusterKeys {
		words = append(words, p.k, p.v)
	}
	for _, w := range words {
		lower := strings.ToLower(w)
		if a, b := Skeleton(w), Skeleton(lower); a != b {
			t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q", w, a, lower, b)
		}
		if a, b := LooseSkeleton(w), LooseSkeleton(lower); a != b {
			t.Errorf("LooseSkeleton(%q) = %q, LooseSkeleton(%q) = %q", w, a, lower, b)
		}
	}
}
