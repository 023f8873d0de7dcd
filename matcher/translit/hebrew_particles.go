package translit

// hebrewParticle is a particle of a foreign name as Hebrew writes it
// (פון VON, ואן VAN, דה DE, אל AL), with the Latin spellings the form
// slots take: usage for the common-usage form, hard for the
// letters-as-spelled form and soft for the later consonant forms. Read
// letter by letter, these words give PN, VN or D, which meet nothing:
// a two-letter word needs its own spelling to match, and a particle
// missed costs a name with two real words a tenth of its score.
type hebrewParticle struct{ word, usage, hard, soft string }

// hebrewParticles lists the particles of European and Arabic names in
// their usual Hebrew spelling (as Hebrew encyclopaedias and the press
// write them: פון for German von, ואן or ון for Dutch van, דה for French,
// Spanish and Portuguese de and Italian da, דו for du and do, אל and בן
// for Arabic al and ibn), sorted by the Hebrew. Where one spelling stands
// for two particles, the slots share them out: אל is AL in Arabic names
// and EL in Spanish ones, בן is Hebrew BEN, Arabic IBN and BIN. Words that
// are also common names (דן DAN, פאן FAN) are left out.
var hebrewParticles = []hebrewParticle{
	{"אבו", "ABU", "ABU", "ABU"},
	{"אבן", "IBN", "IBN", "IBN"},
	{"אל", "AL", "AL", "EL"},
	{"בן", "BEN", "IBN", "BIN"},
	{"בנת", "BINT", "BINT", "BINT"},
	{"דא", "DA", "DA", "DA"},
	{"דה", "DE", "DE", "DA"},
	{"דו", "DU", "DU", "DO"},
	{"דוס", "DOS", "DOS", "DOS"},
	{"די", "DI", "DI", "DI"},
	{"דל", "DEL", "DEL", "DEL"},
	{"דר", "DER", "DER", "DER"},
	{"ואן", "VAN", "VAN", "VAN"},
	{"ון", "VAN", "VAN", "VAN"},
	{"לה", "LE", "LE", "LA"},
	{"פון", "VON", "VON", "VON"},
}

// hebrewParticleForms returns a particle's forms in the slots of
// hebrewForms, or false when w is no particle.
// bare is the word without points. The second slot, ICAO's for pointed
// text, is the hard one: a particle is read as its spelling, pointed or
// not.
func hebrewParticleForms(bare []rune) ([]string, bool) {
	if len(bare) > 3 {
		return nil, false
	}
	for _, p := range hebrewParticles {
		if p.word == string(bare) {
			return []string{p.usage, p.hard, p.hard, p.soft, p.soft}, true
		}
	}
	return nil, false
}
