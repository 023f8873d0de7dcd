package synth

import "strings"

// One function per naming custom: the words of one name, in the order a
// list would print them.

func (g *Generator) arabGiven() []string {
	w := g.common(arabGiven)
	if (w == "ABDUL" || w == "ABDEL") && !g.chance(0.2) {
		return []string{w, g.common(arabCompound)}
	}
	return []string{w}
}

func (g *Generator) arabName() []string {
	out := g.arabGiven()
	out = append(out, g.arabGiven()...) // father's name
	if g.chance(0.3) {
		out = append(out, g.common(arabGiven))
	}
	if g.chance(0.5) {
		out = append(out, pick(g, "AL", "AL", "AL", "EL", "BIN", "ABU"))
	}
	return append(out, g.word(arabFamily, 0.6, arabSyllables, arabEndings))
}

func (g *Generator) hispanicName() []string {
	out := []string{g.common(hispanicGiven)}
	if g.chance(0.35) {
		out = append(out, g.common(hispanicGiven))
	}
	out = append(out, g.word(hispanicFamily, 0.4, hispanicSyllables, hispanicEndings))
	if g.chance(0.3) {
		out = append(out, "DE")
	}
	return append(out, g.word(hispanicFamily, 0.4, hispanicSyllables, hispanicEndings))
}

func (g *Generator) westernName() []string {
	out := []string{g.common(westernGiven)}
	if g.chance(0.4) {
		out = append(out, g.common(westernGiven))
	}
	return append(out, g.word(westernFamily, 0.6, westernSyllables, westernEndings))
}

func (g *Generator) russianName() []string {
	given := g.common(russianGiven)
	out := []string{g.word(russianFamily, 0.6, russianSyllables, russianEndings), given}
	if g.chance(0.6) {
		out = append(out, g.common(russianGiven)+pick(g, "OVICH", "EVICH", "OVNA"))
	}
	return out
}

func (g *Generator) koreanName() []string {
	given := g.joined(koreanSyllables, 1)
	second := g.joined(koreanSyllables, 1)
	if g.chance(0.5) {
		return []string{g.common(koreanFamily), given + " " + second}
	}
	return []string{g.common(koreanFamily), given + second}
}

func (g *Generator) chineseName() []string {
	given := g.joined(chineseSyllables, 1+g.rng.IntN(2))
	return []string{g.common(chineseFamily), given}
}

func (g *Generator) southAsianName() []string {
	out := []string{g.common(southAsianGiven)}
	if g.chance(0.4) {
		out = append(out, g.common(southAsianMiddle))
	}
	return append(out, g.word(southAsianFamily, 0.5, westernSyllables, []string{"", "I", "A", "AN"}))
}

func (g *Generator) africanName() []string {
	out := []string{g.built(africanSyllables, africanEndings, 1+g.rng.IntN(2))}
	if g.chance(0.3) {
		out = append(out, g.common(westernGiven))
	}
	return append(out, g.built(africanSyllables, africanEndings, 2+g.rng.IntN(2)))
}

func (g *Generator) arabicScriptName() []string {
	out := []string{g.common(arabicGiven), g.common(arabicGiven)}
	if g.chance(0.3) {
		out = append(out, g.common(arabicGiven))
	}
	family := ""
	for range 3 + g.rng.IntN(2) {
		family += arabicLetters[g.rng.IntN(len(arabicLetters))] + arabicLong[g.rng.IntN(len(arabicLong))]
	}
	if g.chance(0.6) {
		family = "ال" + family
	}
	return append(out, family)
}

func (g *Generator) cyrillicName() []string {
	family := g.common(cyrillicFamily)
	if g.chance(0.6) {
		family = g.built(cyrillicSyllables, cyrillicEndings, 2+g.rng.IntN(2))
		family = string([]rune(family)[0]-'а'+'А') + string([]rune(family)[1:])
	}
	out := []string{family, g.common(cyrillicGiven)}
	if g.chance(0.7) {
		out = append(out, g.common(cyrillicPatronymic))
	}
	return out
}

// joined joins n whole syllables of a closed set (Korean and Chinese
// given names are made that way).
func (g *Generator) joined(syl []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(syl[g.rng.IntN(len(syl))])
	}
	return b.String()
}

func pick(g *Generator, options ...string) string {
	return options[g.rng.IntN(len(options))]
}
