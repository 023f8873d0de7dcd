package translit

import "strings"

// Hangul syllables are composed algorithmically (Unicode 3.12): syllable =
// 0xAC00 + (initial*21 + vowel)*28 + final, so romanisation needs three
// small jamo tables per system and no dictionary.

var (
	rrInitial = [19]string{"G", "KK", "N", "D", "TT", "R", "M", "B", "PP", "S", "SS", "", "J", "JJ", "CH", "K", "T", "P", "H"}
	// McCune-Reischauer word-initial plosives are voiceless (K T P CH); its
	// aspiration apostrophes are folded away.
	mrInitial = [19]string{"K", "KK", "N", "T", "TT", "R", "M", "P", "PP", "S", "SS", "", "CH", "TCH", "CH", "K", "T", "P", "H"}
	rrVowel   = [21]string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WO", "WE", "WI", "YU", "EU", "UI", "I"}
	// MR vowels with breves folded: ŏ -> O, ŭ -> U, as passports and the
	// press write them (Kim Jong Un, Roh Tae Woo).
	mrVowel = [21]string{"A", "AE", "YA", "YAE", "O", "E", "YO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WO", "WE", "WI", "YU", "U", "UI", "I"}
	// The other common spelling of ㅓ and ㅕ: Kim Il Sung, Lee Myung Bak.
	uVowel  = [21]string{"A", "AE", "YA", "YAE", "U", "E", "YU", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WO", "WE", "WI", "YU", "U", "UI", "I"}
	rrFinal = [28]string{"", "K", "K", "K", "N", "N", "N", "T", "L", "K", "M", "L", "L", "L", "P", "L", "M", "P", "P", "T", "T", "NG", "T", "T", "K", "T", "P", "T"}
)

// hangulSurnames are the conventional spellings of the commonest surnames,
// which follow neither system (이 is I in RR and MR, LEE by convention; 박
// is BAK/PAK, PARK by convention). The ~90 listed cover the large majority of Koreans.
var hangulSurnames = map[rune]string{
	'김': "KIM", '이': "LEE", '박': "PARK", '최': "CHOI", '정': "JUNG", '강': "KANG",
	'조': "CHO", '윤': "YOON", '장': "JANG", '임': "LIM", '한': "HAN", '오': "OH",
	'서': "SEO", '신': "SHIN", '권': "KWON", '황': "HWANG", '안': "AHN", '송': "SONG",
	'류': "RYU", '유': "YOO", '홍': "HONG", '전': "JEON", '고': "KO", '문': "MOON",
	'양': "YANG", '손': "SON", '배': "BAE", '백': "BAEK", '허': "HEO", '노': "ROH",
	'남': "NAM", '리': "RI", '심': "SHIM", '하': "HA", '곽': "KWAK", '성': "SUNG",
	'차': "CHA", '주': "JOO", '우': "WOO", '구': "KOO", '민': "MIN", '반': "BAN",
	'나': "NA", '진': "JIN", '지': "JI", '엄': "UM", '채': "CHAE", '원': "WON",
	'천': "CHUN", '방': "BANG", '공': "KONG", '현': "HYUN", '함': "HAM", '변': "BYUN",
	'염': "YEOM", '여': "YEO", '추': "CHOO", '도': "DO", '석': "SEOK", '선': "SUN",
	'설': "SUL", '마': "MA", '길': "GIL", '연': "YEON", '위': "WI", '표': "PYO",
	'명': "MYUNG", '기': "KI", '왕': "WANG", '금': "KEUM", '육': "YOOK", '인': "IN",
	'맹': "MAENG", '제': "JE", '모': "MO", '탁': "TAK", '국': "KOOK", '편': "PYUN",
	'용': "YONG", '경': "KYUNG", '봉': "BONG",
}

type jamo struct{ l, v, t int }

func decompose(r rune) (jamo, bool) {
	if r < 0xac00 || r > 0xd7a3 {
		return jamo{}, false
	}
	s := int(r - 0xac00)
	return jamo{s / 588, s % 588 / 28, s % 28}, true
}

// hangulForms reads the first word of a name as surname + given name when
// its first syllable is a common surname (a lone surname syllable is a surname), and returns:
// [common (KIM JONG UN), Revised Romanisation (GIM JEONGEUN), conventional
// surname + RR given name (PARK GEUN HYE), common with U (LEE MYUNG BAK),
// McCune-Reischauer (KIM CHONG UN), surname + RR joined given name (PARK
// GEUNHYE), surname + MR given name (BAN KI MUN), then RR of the unsplit
// word (MAIKEUL)].
func hangulForms(w []rune, first bool) []string {
	sur, given := splitSurname(w, first)
	conv := hangulSurname(sur)
	if conv == "" {
		conv = syllables(sur, &mrInitial, &mrVowel, "")
	}
	rrSur := syllables(sur, &rrInitial, &rrVowel, "")
	spaced := " "
	if len(given) > 3 {
		spaced = "" // not a Korean given name: a transcribed foreign word
	}
	given2 := func(ini *[19]string, v *[21]string, sep string) string {
		if sep != "" {
			sep = spaced
		}
		return syllables(given, ini, v, sep)
	}
	return []string{
		joinName(conv, given2(&rrInitial, &mrVowel, " ")),
		joinName(rrSur, given2(&rrInitial, &rrVowel, "")),
		joinName(conv, given2(&rrInitial, &rrVowel, " ")),
		joinName(conv, given2(&rrInitial, &uVowel, " ")),
		joinName(syllables(sur, &mrInitial, &mrVowel, ""), mrGiven(given)),
		joinName(conv, given2(&rrInitial, &rrVowel, "")),
		joinName(conv, mrGiven(given)),
		// The word unsplit: a transcribed foreign name (마이클, Michael)
		// can start with a surname syllable.
		syllables(w, &rrInitial, &rrVowel, ""),
	}
}

// hangulDouble are the two-syllable surnames (남궁, 황보, 제갈, 선우, 독고,
// 사공, 서문); romanised by the rules, their conventional spellings vary.
var hangulDouble = []string{"남궁", "독고", "사공", "서문", "선우", "제갈", "황보"}

func splitSurname(w []rune, first bool) (sur, given []rune) {
	if !first || len(w) > 4 {
		return nil, w
	}
	if len(w) >= 3 {
		for _, d := range hangulDouble {
			if string(w[:2]) == d {
				return w[:2], w[2:]
			}
		}
	}
	if _, ok := hangulSurnames[w[0]]; ok {
		return w[:1], w[1:]
	}
	return nil, w
}

func hangulSurname(sur []rune) string {
	if len(sur) != 1 {
		return "" // none, or a double surname: spelled by rule
	}
	return hangulSurnames[sur[0]]
}

// mrGiven romanises a given name by McCune-Reischauer: the first syllable
// starts voiceless, the following ones voiced (Chŏng-ŭn, Tae-jung).
func mrGiven(w []rune) string {
	if len(w) == 0 {
		return ""
	}
	return syllables(w[:1], &mrInitial, &mrVowel, "") + " " + syllables(w[1:], &rrInitial, &mrVowel, " ")
}

func syllables(w []rune, ini *[19]string, vow *[21]string, sep string) string {
	var b strings.Builder
	for i, r := range w {
		if i > 0 {
			b.WriteString(sep)
		}
		j, ok := decompose(r)
		if !ok {
			b.WriteString(foldRune(r))
			continue
		}
		b.WriteString(ini[j.l])
		b.WriteString(vow[j.v])
		b.WriteString(rrFinal[j.t])
	}
	return b.String()
}

func joinName(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}
