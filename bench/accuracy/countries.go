package accuracy

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// countriesTSV is the ISO 3166-1 table (name, alpha-2, alpha-3) copied
// from shared/data/mrz/states-iso3166.tsv, so that the harness needs the
// shared folder only for the evaluation data itself.
//
//go:embed countries.tsv
var countriesTSV string

// countryAliases are the spellings the evaluation files use that the ISO
// short names do not produce. They are common English names, not
// anything learnt from the evaluation labels.
var countryAliases = map[string]string{
	"russia": "RUS", "iran": "IRN", "syria": "SYR", "north korea": "PRK", "korea north": "PRK",
	"south korea": "KOR", "korea south": "KOR", "burma": "MMR", "vietnam": "VNM",
	"united kingdom": "GBR", "united states": "USA", "tanzania": "TZA", "turkiye": "TUR",
	"palestinian": "PSE", "palestine": "PSE", "state of palestine": "PSE", "kosovo": "RKS",
	"macedonia": "MKD", "macedonia the former yugoslav republic of": "MKD", "laos": "LAO",
	"bolivia": "BOL", "venezuela": "VEN", "moldova": "MDA", "czech republic": "CZE",
	"ivory coast": "CIV", "cape verde": "CPV", "taiwan": "TWN", "brunei": "BRN",
	"democratic republic of the congo": "COD", "congo democratic republic of the": "COD",
	"republic of the congo": "COG", "swaziland": "SWZ", "east timor": "TLS",
	"the netherlands": "NLD", "holland": "NLD", "vatican": "VAT", "micronesia": "FSM",
}

var (
	countryOnce  sync.Once
	countryTable map[string]string // countryKey(name or alpha-2) → alpha-3
)

func buildCountries() {
	t := map[string]string{}
	for line := range strings.SplitSeq(countriesTSV, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || strings.HasPrefix(line, "#") {
			continue
		}
		for _, form := range nameForms(f[0]) {
			t[countryKey(form)] = f[2]
		}
		t[strings.ToLower(f[1])] = f[2]
		t[strings.ToLower(f[2])] = f[2]
	}
	for k, v := range countryAliases {
		t[countryKey(k)] = v
	}
	countryTable = t
}

// nameForms returns the ways an ISO short name is written in running
// text: "Iran (Islamic Republic of)" is also "Iran" and "Islamic Republic
// of Iran"; "Palestine, State of" is also "State of Palestine".
func nameForms(name string) []string {
	forms := []string{name}
	if head, rest, ok := strings.Cut(name, " ("); ok {
		inner := strings.TrimSuffix(rest, ")")
		forms = append(forms, head, inner+" "+head)
	}
	if head, rest, ok := strings.Cut(name, ", "); ok {
		forms = append(forms, head, rest+" "+head)
	}
	return forms
}

// countryKey folds a name for lookup: no diacritics, lower case, letters
// and digits only, no leading "the".
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
		default:
			space = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// CountryCode maps a country name ("France", "Korea, North") or an ISO
// alpha-2 or alpha-3 code to alpha-3; "" when unknown.
func CountryCode(s string) string {
	countryOnce.Do(buildCountries)
	return countryTable[countryKey(s)]
}

// countryCodes maps the benchmark's "; "-separated country names,
// skipping unknown ones ("former Soviet Union") and "na", which there
// means not available, not Namibia.
func countryCodes(s string) []string {
	var out []string
	for part := range strings.SplitSeq(s, ";") {
		part = strings.TrimSpace(part)
		if strings.EqualFold(part, "na") {
			continue
		}
		if c := CountryCode(part); c != "" {
			out = append(out, c)
		}
	}
	return out
}
