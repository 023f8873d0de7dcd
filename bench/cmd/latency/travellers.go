package main

import (
	"math/rand/v2"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// travellers builds the query mix: a fifth are listed persons with their
// name perturbed the way passports and clerks perturb names (word order,
// a dropped word, a typo), the rest are made-up names of similar shape
// (made).
func travellers(entries []matcher.Entry, n int, rng *rand.Rand, made func(*rand.Rand) string) []matcher.Query {
	var listed []string
	for _, e := range entries {
		if e.Subject == matcher.SubjectPerson && len(e.Names) > 0 {
			listed = append(listed, e.Names[0].Full)
		}
	}
	out := make([]matcher.Query, 0, n)
	for i := 0; i < n; i++ {
		name := made(rng)
		if i%5 == 0 && len(listed) > 0 {
			name = perturb(listed[rng.IntN(len(listed))], rng)
		}
		out = append(out, matcher.Query{Names: []string{name}})
	}
	return out
}

var syllables = []string{"ka", "ma", "lo", "ri", "sen", "dra", "mo", "ha", "med", "al", "ber", "to", "vi", "na", "kov", "son", "li", "ang", "ez", "gar"}

func madeUp(rng *rand.Rand) string {
	words := 2 + rng.IntN(3)
	parts := make([]string, words)
	for i := range parts {
		var b strings.Builder
		for j := 0; j < 2+rng.IntN(2); j++ {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		parts[i] = strings.ToUpper(b.String())
	}
	return strings.Join(parts, " ")
}

func perturb(name string, rng *rand.Rand) string {
	words := strings.Fields(name)
	switch rng.IntN(3) {
	case 0:
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	case 1:
		if len(words) > 2 {
			words = append(words[:1], words[2:]...)
		}
	default:
		w := []rune(words[len(words)-1])
		if len(w) > 4 {
			w[len(w)/2] = 'X'
		}
		words[len(words)-1] = string(w)
	}
	return strings.Join(words, " ")
}
