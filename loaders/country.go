package loaders

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/crosscheck/crosscheck/matcher"
)

// countriesTSV is ISO 3166-1 (English short name, alpha-2, alpha-3), taken
// from shared/data/mrz/states-iso3166.tsv (cheminfo/mrz, ISO OBP export).
//
//go:embed countries.tsv
var countriesTSV string

// countryOverrides maps the spellings lists use that the ISO short names do
// not produce. Keys go through countryKey like every lookup. Deliberately
// absent: "USSR"/"former Soviet Union" (no current state; the raw text is
// kept). Kosovo has no ISO code; it maps to ICAO's RKS (see icaoCodes).
var countryOverrides = map[string]string{
	"united kingdom": "GBR", "great britain": "GBR", "uk": "GBR",
	"united states": "USA", "usa": "USA", "us": "USA",
	"turkiye": "TUR", "russia": "RUS", "iran": "IRN", "syria": "SYR",
	"north korea": "PRK", "south korea": "KOR", "korea north": "PRK", "korea south": "KOR",
	"vietnam": "VNM", "laos": "LAO", "bolivia": "BOL", "venezuela": "VEN",
	"tanzania": "TZA", "moldova": "MDA", "macedonia": "MKD", "czech republic": "CZE",
	"palestine": "PSE", "palestinian territories": "PSE", "gaza": "PSE", "west bank": "PSE",
	"ivory coast": "CIV", "congo": "COG", "burma": "MMR", "cape verde": "CPV", "swaziland": "SWZ",
	"republic of the congo": "COG", "congo brazzaville": "COG", "congo kinshasa": "COD", "drc": "COD",
	"hong kong": "HKG", "china hong kong special administrative region": "HKG", "macau": "MAC",
	"taiwan": "TWN", "brunei": "BRN", "micronesia": "FSM", "the netherlands": "NLD",
	"holland": "NLD", "vatican": "VAT", "holy see": "VAT", "east timor": "TLS",
	"serbia and montenegro": "SRB", "yugoslavia": "SRB",
}

// demonyms are the adjectives lists use for a country in passport
// details and nationality cells ("German provisional", "nationality
// Palestinian"). Ambiguous ones (Korean, Congolese) are left out.
var demonyms = map[string]string{
	"afghan": "AFG", "algerian": "DZA", "american": "USA", "bahraini": "BHR", "belarusian": "BLR",
	"belgian": "BEL", "bosnian": "BIH", "british": "GBR", "burmese": "MMR", "chadian": "TCD",
	"chinese": "CHN", "colombian": "COL", "cuban": "CUB", "dutch": "NLD", "egyptian": "EGY",
	"emirati": "ARE", "eritrean": "ERI", "ethiopian": "ETH", "filipino": "PHL", "french": "FRA",
	"german": "DEU", "indian": "IND", "indonesian": "IDN", "iranian": "IRN", "iraqi": "IRQ",
	"italian": "ITA", "jordanian": "JOR", "kazakh": "KAZ", "kenyan": "KEN", "kuwaiti": "KWT",
	"kyrgyz": "KGZ", "lebanese": "LBN", "libyan": "LBY", "malaysian": "MYS", "malian": "MLI",
	"mauritanian": "MRT", "mexican": "MEX", "moroccan": "MAR", "nicaraguan": "NIC", "nigerian": "NGA",
	"omani": "OMN", "pakistani": "PAK", "palestinian": "PSE", "philippine": "PHL", "qatari": "QAT",
	"russian": "RUS", "rwandan": "RWA", "saudi": "SAU", "saudi arabian": "SAU", "somali": "SOM",
	"spanish": "ESP", "sudanese": "SDN", "swiss": "CHE", "syrian": "SYR", "tajik": "TJK",
	"tunisian": "TUN", "turkish": "TUR", "ugandan": "UGA", "ukrainian": "UKR", "uzbek": "UZB",
	"venezuelan": "VEN", "yemeni": "YEM",
}

// icaoCodes are the Doc 9303 codes beyond ISO 3166 that documents carry
// (formats.md §6.5): Germany's "D", the British-variant codes, Kosovo,
// stateless and refugee codes, and the Utopia specimen state. Keeping them
// lets a document list key on what the MRZ prints.
var icaoCodes = map[string]string{
	"d": "DEU", "gbd": "GBR", "gbn": "GBR", "gbo": "GBR", "gbs": "GBR", "gbp": "GBR",
	"rks": "RKS", "xxk": "RKS", "kosovo": "RKS", "xxa": "XXA", "xxb": "XXB", "xxc": "XXC", "xxx": "XXX",
	"uto": "UTO", "xpo": "XPO", "uno": "UNO", "una": "UNA", "unk": "UNK", "eue": "EUE",
}

var (
	countryOnce  sync.Once
	countryTable map[string]string // countryKey(name) and alpha-2 → alpha-3
	countryCodes map[string]string // upper-case alpha-2 and alpha-3 → alpha-3: the fast path
)

// buildCountries indexes every ISO short name in the forms lists write it:
// "Iran (Islamic Republic of)" is also found as "Iran" and "Islamic Republic
// of Iran", "Palestine, State of" as "State of Palestine". A short form
// that would name two states ("Korea") is dropped.
func buildCountries() {
	t := make(map[string]string, 1024)
	codes := make(map[string]string, 512)
	ambiguous := map[string]bool{}
	add := func(name, code string) {
		k := countryKey(name)
		if old, ok := t[k]; ok && old != code {
			ambiguous[k] = true
		}
		t[k] = code
	}
	for line := range strings.SplitSeq(countriesTSV, "\n") {
		f := strings.Split(strings.TrimSpace(line), "\t")
		if len(f) != 3 || len(f[2]) != 3 || f[2] == "Alpha-3 code" {
			continue
		}
		name, a2, a3 := f[0], f[1], f[2]
		for _, v := range nameForms(name) {
			add(v, a3)
		}
		t[strings.ToLower(a2)] = a3
		t[strings.ToLower(a3)] = a3
		codes[a2], codes[a3] = a3, a3
	}
	for k := range ambiguous {
		delete(t, k)
	}
	for _, m := range []map[string]string{countryOverrides, demonyms, icaoCodes} {
		for k, v := range m {
			t[countryKey(k)] = v
		}
	}
	for k, v := range icaoCodes {
		if up := strings.ToUpper(k); len(up) == 3 || up == "D" {
			codes[up] = v
		}
	}
	countryTable, countryCodes = t, codes
}

// nameForms returns the ways an ISO short name is written in running text.
func nameForms(name string) []string {
	forms := []string{name}
	if head, rest, ok := strings.Cut(name, " ("); ok {
		inner := strings.TrimSuffix(rest, ")")
		forms = append(forms, head, inner+" "+head, strings.TrimSuffix(inner, " the")+" "+head)
	}
	if head, rest, ok := strings.Cut(name, ", "); ok {
		forms = append(forms, head, rest+" "+head)
	}
	return forms
}

// countryKey folds a country name for lookup: no diacritics, lower case,
// letters and digits only, no leading "the".
func countryKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '&':
			b.WriteString(" and")
			space = true
		case r == '\'' || r == '’':
		default:
			space = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// CountryCode maps a country name ("Korea, North", "Iran (Islamic
// Republic of)"), a demonym or an ISO alpha-2 or alpha-3 code to ISO
// alpha-3, or "" when unknown: the resolution every loader uses, for
// tools that read country text the same way (the accuracy harness).
func CountryCode(raw string) string { return countryCode(raw) }

// countryCode maps a country name, alpha-2 or alpha-3 code to ISO alpha-3,
// or "" when unknown. Qualified forms ("Indonesia (as at Dec. 2003)",
// "United States. Also believed to hold Syrian nationality") fall back to
// the part before the qualification.
func countryCode(raw string) string {
	countryOnce.Do(buildCountries)
	if c, ok := countryCodes[raw]; ok {
		return c // "DEU", "DE": most cells of our own formats and of the EU file
	}
	swapped := raw
	if head, rest, ok := strings.Cut(raw, ", "); ok {
		swapped = rest + " " + head // "Congo, Democratic Republic of the"
	}
	for _, s := range []string{raw, swapped, cutAny(raw, "(", ". ", ";", ",")} {
		if c, ok := countryTable[countryKey(s)]; ok {
			return c
		}
	}
	return ""
}

// cutAny returns s up to the first of the separators.
func cutAny(s string, seps ...string) string {
	for _, sep := range seps {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// countries turns one nationality cell into Country values, always
// keeping the raw text; "Sudan/South Sudan" gives one per named state.
func countries(raw string) []matcher.Country {
	raw = clean(raw)
	if raw == "" || strings.EqualFold(raw, "na") || raw == "-" {
		return nil
	}
	if code := countryCode(raw); code != "" {
		return []matcher.Country{{Code: code, Raw: raw}}
	}
	var out []matcher.Country
	for part := range strings.SplitSeq(raw, "/") {
		if code := countryCode(part); code != "" {
			out = append(out, matcher.Country{Code: code, Raw: raw})
		}
	}
	if len(out) == 0 {
		out = append(out, matcher.Country{Raw: raw})
	}
	return out
}
