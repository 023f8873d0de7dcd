// Package synth generates realistic alert lists and travellers for speed
// and memory measurements at scale: name lengths, scripts (mostly Latin,
// some Arabic and Cyrillic) and word frequencies like those of real lists,
// where many names share MOHAMMED, AL, ABDUL, KIM or GARCIA and the rest
// of the words are rare. It is built from the hand-written tables in
// tables.go, never from evaluation data, and is deterministic per seed.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// Generator makes names and entries from one random stream.
type Generator struct {
	rng *rand.Rand
}

// New returns a generator; the same seed gives the same names.
func New(seed uint64) *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(seed, 0x5eed))}
}

// culture is one naming custom and its share of generated names (per
// thousand).
type culture struct {
	name   string
	share  int
	script string
	make   func(g *Generator) []string
}

var cultures = []culture{
	{"arab", 230, "Latn", (*Generator).arabName},
	{"hispanic", 140, "Latn", (*Generator).hispanicName},
	{"western", 200, "Latn", (*Generator).westernName},
	{"russian", 80, "Latn", (*Generator).russianName},
	{"korean", 40, "Latn", (*Generator).koreanName},
	{"chinese", 50, "Latn", (*Generator).chineseName},
	{"asian", 80, "Latn", (*Generator).southAsianName},
	{"african", 80, "Latn", (*Generator).africanName},
	{"arab", 60, "Arab", (*Generator).arabicScriptName},
	{"russian", 40, "Cyrl", (*Generator).cyrillicName},
}

// Name returns one generated full name and its script.
func (g *Generator) Name() (string, string) {
	c := g.culture()
	return strings.Join(c.make(g), " "), c.script
}

func (g *Generator) culture() culture {
	n := g.rng.IntN(1000)
	for _, c := range cultures {
		if n < c.share {
			return c
		}
		n -= c.share
	}
	return cultures[0]
}

// common picks from a table, the first words far more often than the last
// (roughly Zipf): a quarter of the picks fall on the first 3% of a table.
func (g *Generator) common(table []string) string {
	u := g.rng.Float64()
	return table[int(float64(len(table))*math.Pow(u, 2.5))]
}

// word is a common word from table, or with probability rare a word built
// from syllables and an ending: the long tail of real surnames.
func (g *Generator) word(table []string, rare float64, syl, end []string) string {
	if g.rng.Float64() >= rare {
		return g.common(table)
	}
	return g.built(syl, end, 2+g.rng.IntN(2))
}

// built joins n syllables (onset, vowel, sometimes a coda) and an ending.
func (g *Generator) built(onsets, end []string, n int) string {
	vowels, codas := latinVowels, latinCodas
	if onsets[0] >= "\u0400" {
		vowels, codas = cyrillicVowels, cyrillicCodas
	}
	var b strings.Builder
	for range n {
		b.WriteString(onsets[g.rng.IntN(len(onsets))])
		b.WriteString(vowels[g.rng.IntN(len(vowels))])
		if g.chance(0.3) {
			b.WriteString(codas[g.rng.IntN(len(codas))])
		}
	}
	b.WriteString(end[g.rng.IntN(len(end))])
	return b.String()
}

func (g *Generator) chance(p float64) bool { return g.rng.Float64() < p }

// Entry generates one listed person with the given id: a name, in a fifth
// of cases a spelling-variant alias, mostly a date of birth and a
// nationality, sometimes a passport.
func (g *Generator) Entry(id string) matcher.Entry {
	c := g.culture()
	words := c.make(g)
	e := matcher.Entry{
		ID:       id,
		Subject:  matcher.SubjectPerson,
		Names:    []matcher.Name{{Full: strings.Join(words, " "), Script: c.script, Kind: matcher.NamePrimary}},
		Programs: []string{"SYNTH"},
		Measures: matcher.Measures{TravelBan: true, AssetFreeze: true},
	}
	if c.script == "Latn" && g.chance(0.2) {
		e.Names = append(e.Names, matcher.Name{Full: g.variant(words), Script: "Latn", Kind: matcher.NameAlias})
	}
	if g.chance(0.8) {
		e.BirthDates = []matcher.BirthDate{g.birthDate()}
	}
	if codes := nationalities[c.name]; g.chance(0.7) {
		e.Nationalities = []matcher.Country{{Code: codes[g.rng.IntN(len(codes))]}}
	}
	if g.chance(0.3) {
		e.Documents = []matcher.Document{{Type: matcher.DocPassport, Number: g.DocumentNumber()}}
	}
	return e
}

// Entries generates n listed persons with ids S1..Sn.
func (g *Generator) Entries(n int) []matcher.Entry {
	out := make([]matcher.Entry, n)
	for i := range out {
		out[i] = g.Entry(fmt.Sprintf("S%d", i+1))
	}
	return out
}

// variant respells a name the way aliases do: one word loses or gains a
// doubled letter or changes a vowel, or two words swap.
func (g *Generator) variant(words []string) string {
	w := append([]string(nil), words...)
	i := g.rng.IntN(len(w))
	switch r := []byte(w[i]); {
	case len(w) > 1 && g.chance(0.3):
		j := (i + 1) % len(w)
		w[i], w[j] = w[j], w[i]
	case len(r) > 3:
		k := 1 + g.rng.IntN(len(r)-2)
		if strings.IndexByte("AEIOU", r[k]) >= 0 {
			r[k] = "AEIOU"[g.rng.IntN(5)]
		} else {
			r = append(r[:k+1], r[k:]...)
		}
		w[i] = string(r)
	}
	return strings.Join(w, " ")
}

func (g *Generator) birthDate() matcher.BirthDate {
	y := 1940 + g.rng.IntN(65)
	if g.chance(0.35) {
		return matcher.YearRange(y, y, fmt.Sprint(y))
	}
	s := fmt.Sprintf("%04d-%02d-%02d", y, 1+g.rng.IntN(12), 1+g.rng.IntN(28))
	d, _ := matcher.ParsePartialDate(s) // well formed by construction
	return d
}

// DocumentNumber is a random passport-like number: two letters and seven
// digits.
func (g *Generator) DocumentNumber() string {
	const letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
	return fmt.Sprintf("%c%c%07d", letters[g.rng.IntN(len(letters))], letters[g.rng.IntN(len(letters))], g.rng.IntN(10_000_000))
}
