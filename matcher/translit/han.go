package translit

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// Han names are read as Mandarin in Hanyu Pinyin without tones, as the
// passports of the People's Republic print them (习近平: XI JINPING): the
// surname, then the given name's syllables joined. The readings come from
// go-pinyin's table (Unicode Unihan kMandarin, MIT), first reading only,
// except for surnames whose reading as a surname is not the character's
// usual one (曾 is ZENG as a name, CENG otherwise). A name that also holds
// kana is Japanese and its kanji have no Mandarin reading worth giving;
// Japanese names in kanji only, Cantonese (Hong Kong) and Wade-Giles
// (Taiwan) spellings are not covered.

// hanSurnameReadings are the surnames whose name reading differs from the
// character's first reading in the table.
var hanSurnameReadings = map[rune]string{
	'曾': "ZENG", '单': "SHAN", '單': "SHAN", '解': "XIE", '仇': "QIU", '朴': "PIAO",
	'区': "OU", '區': "OU", '查': "ZHA", '覃': "QIN", '乐': "YUE", '樂': "YUE",
	'盖': "GE", '蓋': "GE", '缪': "MIAO", '繆': "MIAO", '召': "SHAO", '种': "CHONG",
	'種': "CHONG", '翟': "ZHAI", '秘': "BI", '贲': "BEN", '賁': "BEN", '员': "YUN",
	'員': "YUN", '黑': "HE", '柏': "BAI", '藏': "ZANG", '宿': "SU", '尉': "YU",
}

// hanDoubleSurnames are the two-character surnames (欧阳 OUYANG, 司马
// SIMA...), written as one word.
var hanDoubleSurnames = []string{
	"欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫",
	"尉迟", "尉遲", "公孙", "公孫", "慕容", "令狐", "长孙", "長孫", "宇文", "司徒",
	"夏侯", "端木", "轩辕", "軒轅", "西门", "西門", "南宫", "南宮", "独孤", "獨孤",
	"万俟", "萬俟", "澹台", "澹臺", "呼延", "闻人", "聞人", "赫连", "赫連", "申屠",
}

// hanForms returns a Han word's forms: [surname + joined given name (XI
// JINPING), every syllable apart (XI JIN PING)], each once more with Ü as
// U instead of YU (LYU, LU) when a syllable has one. Only the name's first
// word is split into surname and given name.
func hanForms(w []rune, first bool) []string {
	sur, given := hanSplit(w, first)
	surY, surU := hanSurname(sur)
	givY, givU := hanSyllables(given)
	out := []string{
		joinName(surY, strings.Join(givY, "")),
		joinName(surY, strings.Join(givY, " ")),
		joinName(surU, strings.Join(givU, "")),
		joinName(surU, strings.Join(givU, " ")),
	}
	if k, ok := lookup(crossScriptWords, strings.ToLower(string(w))); ok {
		out = append([]string{k}, out...) // a transcribed foreign name: 普京 PUTIN
	}
	return out
}

func hanSplit(w []rune, first bool) (sur, given []rune) {
	if !first || len(w) < 2 {
		return nil, w
	}
	if len(w) >= 3 {
		for _, d := range hanDoubleSurnames {
			if strings.HasPrefix(string(w), d) {
				return w[:2], w[2:]
			}
		}
	}
	return w[:1], w[1:]
}

// hanSurname reads a surname as one word, in its Ü-as-YU and Ü-as-U forms.
func hanSurname(sur []rune) (yu, u string) {
	if len(sur) == 1 {
		if r, ok := hanSurnameReadings[sur[0]]; ok {
			return r, r
		}
	}
	y, plain := hanSyllables(sur)
	return strings.Join(y, ""), strings.Join(plain, "")
}

// hanSyllables reads each character; a character with no reading is
// left out.
func hanSyllables(w []rune) (yu, u []string) {
	for _, r := range w {
		readings, ok := pinyin.PinyinDict[int(r)]
		if !ok {
			continue
		}
		first, _, _ := strings.Cut(readings, ",")
		y, plain := toneless(first)
		yu, u = append(yu, y), append(u, plain)
	}
	return yu, u
}

// toneless writes a toned pinyin syllable in A-Z: tone marks go, and Ü
// is YU after L and N as PRC passports write it (吕 LYU, 女 NYU) or U as
// older documents and most lists do.
func toneless(syllable string) (yu, u string) {
	var b, c strings.Builder
	for _, r := range syllable {
		base, umlaut := pinyinBase(r)
		if umlaut {
			b.WriteString("YU")
			c.WriteByte('U')
			continue
		}
		b.WriteRune(unicode.ToUpper(base))
		c.WriteRune(unicode.ToUpper(base))
	}
	return b.String(), c.String()
}

// pinyinBase maps a pinyin letter with a tone mark to its plain letter;
// umlaut says the letter is Ü in any tone.
func pinyinBase(r rune) (base rune, umlaut bool) {
	switch r {
	case 'ü', 'ǖ', 'ǘ', 'ǚ', 'ǜ':
		return 'u', true
	case 'ā', 'á', 'ǎ', 'à':
		return 'a', false
	case 'ē', 'é', 'ě', 'è', 'ế', 'ề':
		return 'e', false
	case 'ī', 'í', 'ǐ', 'ì':
		return 'i', false
	case 'ō', 'ó', 'ǒ', 'ò':
		return 'o', false
	case 'ū', 'ú', 'ǔ', 'ù':
		return 'u', false
	case 'ń', 'ň', 'ǹ':
		return 'n', false
	case 'ḿ':
		return 'm', false
	}
	return r, false
}
