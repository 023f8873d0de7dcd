package translit

import (
	"strings"
	"unicode"
)

// Armenian and Georgian have no table in the shared material; these are the
// BGN/PCGN systems (Armenian 1981, Georgian 2009 = the Georgian national
// system 2002) with their apostrophes folded away, written out by hand.

// armenianEast is Eastern Armenian (BGN/PCGN 1981). Ե and Ո are YE and VO at
// the start of a word, ու is U and և is EV (YEV initially).
var armenianEast = map[rune]string{
	'ա': "A", 'բ': "B", 'գ': "G", 'դ': "D", 'ե': "E", 'զ': "Z", 'է': "E", 'ը': "Y",
	'թ': "T", 'ժ': "ZH", 'ի': "I", 'լ': "L", 'խ': "KH", 'ծ': "TS", 'կ': "K", 'հ': "H",
	'ձ': "DZ", 'ղ': "GH", 'ճ': "CH", 'մ': "M", 'յ': "Y", 'ն': "N", 'շ': "SH", 'ո': "O",
	'չ': "CH", 'պ': "P", 'ջ': "J", 'ռ': "R", 'ս': "S", 'վ': "V", 'տ': "T", 'ր': "R",
	'ց': "TS", 'ւ': "V", 'փ': "P", 'ք': "K", 'օ': "O", 'ֆ': "F", 'և': "EV",
}

// armenianWest overrides the consonants whose voicing Western Armenian,
// the diaspora's language, reverses (Պետրոսյան: PETROSYAN, BEDROSIAN).
var armenianWest = map[rune]string{
	'բ': "P", 'պ': "B", 'գ': "K", 'կ': "G", 'դ': "T", 'տ': "D", 'ճ': "J", 'ջ': "CH",
	'ծ': "DZ", 'ձ': "TS",
}

// armenianForms returns [Eastern BGN/PCGN, Western]. The Western form
// writes the surname ending -յան as -IAN, as the diaspora does (BEDROSIAN,
// KARDASHIAN).
func armenianForms(w []rune) []string {
	west := armenian(w, armenianWest)
	if s, ok := strings.CutSuffix(west, "YAN"); ok && len(w) > 3 {
		west = s + "IAN"
	}
	return []string{armenian(w, nil), west}
}

func armenian(w []rune, over map[rune]string) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		r := unicode.ToLower(w[i])
		next := rune(0)
		if i+1 < len(w) {
			next = unicode.ToLower(w[i+1])
		}
		switch {
		case r == 'ո' && next == 'ւ':
			b.WriteString("U")
			i++
			continue
		case i == 0 && r == 'ե':
			b.WriteString("YE")
			continue
		case i == 0 && r == 'ո':
			b.WriteString("VO")
			continue
		case i == 0 && r == 'և':
			b.WriteString("YEV")
			continue
		}
		if s, ok := over[r]; ok {
			b.WriteString(s)
		} else if s, ok := armenianEast[r]; ok {
			b.WriteString(s)
		} else {
			b.WriteString(foldRune(r))
		}
	}
	return b.String()
}

// georgianNational is the Georgian national system (2002); the BGN/PCGN
// 2009 system is the same with apostrophes on ejectives, folded here.
var georgianNational = map[rune]string{
	'ა': "A", 'ბ': "B", 'გ': "G", 'დ': "D", 'ე': "E", 'ვ': "V", 'ზ': "Z", 'თ': "T",
	'ი': "I", 'კ': "K", 'ლ': "L", 'მ': "M", 'ნ': "N", 'ო': "O", 'პ': "P", 'ჟ': "ZH",
	'რ': "R", 'ს': "S", 'ტ': "T", 'უ': "U", 'ფ': "P", 'ქ': "K", 'ღ': "GH", 'ყ': "Q",
	'შ': "SH", 'ჩ': "CH", 'ც': "TS", 'ძ': "DZ", 'წ': "TS", 'ჭ': "CH", 'ხ': "KH", 'ჯ': "J",
	'ჰ': "H",
}

// georgianRussian overrides the letters that names romanised through Russian
// spell differently (ჯუღაშვილი: JUGHASHVILI, DZHUGASHVILI).
var georgianRussian = map[rune]string{'ჯ': "DZH", 'ღ': "G", 'ყ': "K"}

// georgianForms returns [national, Russian-mediated].
func georgianForms(w []rune) []string {
	return []string{georgian(w, nil), georgian(w, georgianRussian)}
}

func georgian(w []rune, over map[rune]string) string {
	var b strings.Builder
	for _, r := range w {
		if r >= 0x1c90 && r <= 0x1cbf {
			r -= 0x1c90 - 0x10d0 // Mtavruli capitals to Mkhedruli
		}
		if s, ok := over[r]; ok {
			b.WriteString(s)
		} else if s, ok := georgianNational[r]; ok {
			b.WriteString(s)
		} else {
			b.WriteString(foldRune(r))
		}
	}
	return b.String()
}
